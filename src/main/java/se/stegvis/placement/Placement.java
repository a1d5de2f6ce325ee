package se.stegvis.placement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * One work placement (praktik) of a case: requested with a sector wish, matched with a workplace,
 * visited, agreed in a work plan with employer and participant, followed up, and ended with an
 * outcome. Its dates give the durations the reports count.
 */
@Entity
public class Placement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  /** 1 for the case's first placement, 2 for the next, … */
  private int sequence;

  @Enumerated(EnumType.STRING)
  private PlacementStatus status;

  @Column(name = "sector_wish")
  private String sectorWish;

  @Column(name = "area_wish")
  private String areaWish;

  @Column(name = "requested_on")
  private LocalDate requestedOn;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "workplace_id")
  private Long workplaceId;

  private String coordinator;

  @Column(name = "matched_on")
  private LocalDate matchedOn;

  @Column(name = "withdrawn_reason")
  private String withdrawnReason;

  @Column(name = "visited_on")
  private LocalDate visitedOn;

  @Column(name = "visit_notes")
  private String visitNotes;

  private String goals;

  @Column(name = "work_tasks")
  private String workTasks;

  @Column(name = "hours_per_week")
  private Integer hoursPerWeek;

  @Column(name = "planned_start")
  private LocalDate plannedStart;

  @Column(name = "planned_end")
  private LocalDate plannedEnd;

  @Column(name = "plan_agreed_on")
  private LocalDate planAgreedOn;

  @Column(name = "ended_on")
  private LocalDate endedOn;

  /** PLACEMENT_OUTCOME code. */
  private String outcome;

  /** EMPLOYMENT_TYPE code, when the outcome is EMPLOYMENT. */
  @Column(name = "employment_type")
  private String employmentType;

  /** PLACEMENT_END_REASON code, when the outcome is ENDED_EARLY. */
  @Column(name = "end_reason")
  private String endReason;

  @Column(name = "end_note")
  private String endNote;

  /** Workplaces the coordinator visited and found unsuitable for this placement: not offered again. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "placement_rejected_workplace", joinColumns = @JoinColumn(name = "placement_id"))
  @Column(name = "workplace_id")
  private Set<Long> rejectedWorkplaces = new HashSet<>();

  @Version
  private long version;

  protected Placement() {
  }

  Placement(Long caseId, int sequence, String sectorWish, String areaWish, LocalDate requestedOn, String requestedBy) {
    this.caseId = caseId;
    this.sequence = sequence;
    this.sectorWish = sectorWish;
    this.areaWish = areaWish;
    this.requestedOn = requestedOn;
    this.requestedBy = requestedBy;
    this.status = PlacementStatus.REQUESTED;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void match(Long workplaceId, LocalDate on, String coordinator) {
    this.workplaceId = workplaceId;
    this.matchedOn = on;
    this.coordinator = coordinator;
    this.status = PlacementStatus.MATCHED;
  }

  void withdraw(String reason) {
    this.withdrawnReason = reason;
    this.status = PlacementStatus.WITHDRAWN;
  }

  void visited(LocalDate on, String notes) {
    this.visitedOn = on;
    this.visitNotes = notes;
    this.status = PlacementStatus.VISITED;
  }

  /** The visit showed the workplace does not suit: its place is freed and matching starts over. */
  void rematch(LocalDate visitedOn, String notes) {
    this.visitedOn = visitedOn;
    this.visitNotes = notes;
    this.rejectedWorkplaces.add(workplaceId);
    this.workplaceId = null;
    this.matchedOn = null;
    this.status = PlacementStatus.REQUESTED;
  }

  void agree(String goals, String workTasks, int hoursPerWeek, LocalDate plannedStart, LocalDate plannedEnd,
      LocalDate agreedOn) {
    this.goals = goals;
    this.workTasks = workTasks;
    this.hoursPerWeek = hoursPerWeek;
    this.plannedStart = plannedStart;
    this.plannedEnd = plannedEnd;
    this.planAgreedOn = agreedOn;
    this.status = PlacementStatus.ACTIVE;
  }

  void end(LocalDate on, String outcome, String employmentType, String endReason, String endNote) {
    this.endedOn = on;
    this.outcome = outcome;
    this.employmentType = employmentType;
    this.endReason = endReason;
    this.endNote = endNote;
    this.status = PlacementStatus.ENDED;
  }

  /** Calendar days on placement, first and last day included; null until it has started and ended. */
  public Integer durationDays() {
    if (plannedStart == null || endedOn == null || endedOn.isBefore(plannedStart)) {
      return null;
    }
    return (int) ChronoUnit.DAYS.between(plannedStart, endedOn) + 1;
  }

  public Set<Long> getRejectedWorkplaces() {
    return Set.copyOf(rejectedWorkplaces);
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public int getSequence() {
    return sequence;
  }

  public PlacementStatus getStatus() {
    return status;
  }

  public String getSectorWish() {
    return sectorWish;
  }

  public String getAreaWish() {
    return areaWish;
  }

  public LocalDate getRequestedOn() {
    return requestedOn;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Long getWorkplaceId() {
    return workplaceId;
  }

  public String getCoordinator() {
    return coordinator;
  }

  public LocalDate getMatchedOn() {
    return matchedOn;
  }

  public String getWithdrawnReason() {
    return withdrawnReason;
  }

  public LocalDate getVisitedOn() {
    return visitedOn;
  }

  public String getGoals() {
    return goals;
  }

  public String getWorkTasks() {
    return workTasks;
  }

  public Integer getHoursPerWeek() {
    return hoursPerWeek;
  }

  public LocalDate getPlannedStart() {
    return plannedStart;
  }

  public LocalDate getPlannedEnd() {
    return plannedEnd;
  }

  public LocalDate getPlanAgreedOn() {
    return planAgreedOn;
  }

  public LocalDate getEndedOn() {
    return endedOn;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getEmploymentType() {
    return employmentType;
  }

  public String getEndReason() {
    return endReason;
  }

  public String getEndNote() {
    return endNote;
  }
}
