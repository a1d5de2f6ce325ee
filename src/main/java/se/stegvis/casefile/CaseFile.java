package se.stegvis.casefile;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import se.stegvis.identity.Participant;

/** One person's way through one project, from referral to follow-up. */
@Entity
@Table(name = "case_file")
public class CaseFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number")
  private String caseNumber;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "participant_id")
  private Participant participant;

  @Enumerated(EnumType.STRING)
  private CasePhase phase;

  private String coach;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "referred_on")
  private LocalDate referredOn;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  @Column(name = "started_on")
  private LocalDate startedOn;

  @Column(name = "exited_on")
  private LocalDate exitedOn;

  @Column(name = "first_meeting_on")
  private LocalDate firstMeetingOn;

  @Column(name = "agreement_signed_on")
  private LocalDate agreementSignedOn;

  @Column(name = "mapping_summary")
  private String mappingSummary;

  @Column(name = "closed_reason")
  private String closedReason;

  @Column(name = "created_at")
  private Instant createdAt;

  @Version
  private long version;

  protected CaseFile() {
  }

  public CaseFile(String caseNumber, Project project, Participant participant, LocalDate referredOn,
      Instant createdAt) {
    this.caseNumber = caseNumber;
    this.project = project;
    this.participant = participant;
    this.referredOn = referredOn;
    this.createdAt = createdAt;
    this.phase = CasePhase.REFERRED;
  }

  public void accept(String coach, LocalDate decidedOn) {
    this.coach = coach;
    this.decidedOn = decidedOn;
    this.phase = CasePhase.ACCEPTED;
  }

  /** Closed without participation: not accepted, or the person declined before starting. */
  public void close(LocalDate decidedOn, String reason) {
    this.decidedOn = this.decidedOn == null ? decidedOn : this.decidedOn;
    this.closedReason = reason;
    this.phase = CasePhase.CLOSED;
  }

  /** Followed up after exit: nothing more is due. */
  public void complete() {
    this.phase = CasePhase.CLOSED;
  }

  public void start(LocalDate firstMeetingOn, String mappingSummary, LocalDate agreementSignedOn,
      LocalDate startedOn) {
    this.firstMeetingOn = firstMeetingOn;
    this.mappingSummary = mappingSummary;
    this.agreementSignedOn = agreementSignedOn;
    this.startedOn = startedOn;
    this.phase = CasePhase.ACTIVE;
  }

  public void exit(LocalDate exitedOn) {
    this.exitedOn = exitedOn;
    this.phase = CasePhase.EXITED;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public Project getProject() {
    return project;
  }

  public Participant getParticipant() {
    return participant;
  }

  public CasePhase getPhase() {
    return phase;
  }

  public String getCoach() {
    return coach;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public LocalDate getReferredOn() {
    return referredOn;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }

  public LocalDate getStartedOn() {
    return startedOn;
  }

  public LocalDate getExitedOn() {
    return exitedOn;
  }

  public LocalDate getFirstMeetingOn() {
    return firstMeetingOn;
  }

  public LocalDate getAgreementSignedOn() {
    return agreementSignedOn;
  }

  public String getMappingSummary() {
    return mappingSummary;
  }

  public String getClosedReason() {
    return closedReason;
  }

  public long getVersion() {
    return version;
  }
}
