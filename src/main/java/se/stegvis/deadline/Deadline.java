package se.stegvis.deadline;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import se.stegvis.time.EngineClock;

/**
 * One deadline of one case: when a step is due, the day it happened, when it was registered, and
 * what became of it. Managers query these.
 *
 * <p>The state is judged by dates, never by when something was typed in: a step is
 * {@link DeadlineState#MET} when the day it happened is on or before its due day, whenever it was
 * registered, and {@link DeadlineState#MET_LATE} when after. A step that is undone past its due
 * day stays {@link DeadlineState#OPEN} (escalated, overdue) until it is registered or the case
 * ends; a case that ends after the due day leaves it {@link DeadlineState#MISSED}, one that ends on
 * or before it leaves it {@link DeadlineState#CANCELLED}, both dated by the day the case ended.
 */
@Entity
public class Deadline {

  /** The task priority of an escalated (overdue) step: Tasklist sorts it first, Cockpit shows it. */
  public static final int OVERDUE_PRIORITY = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  /** INTAKE_DECISION, PLAN, MEETING, PROPOSAL, FOLLOW_UP, or the task's key for a step added in Modeler. */
  private String kind;

  /** 1 for the first deadline of its kind in the case, 2 for the second meeting, … */
  private int sequence;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "due_at")
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  private DeadlineState state;

  /**
   * {@link #dueAt} while the step is undone (OPEN or MISSED), null once it is met or cancelled:
   * the overdue view reads the undone steps in due order from its index (V9).
   */
  @Column(name = "unfinished_due_at")
  private Instant unfinishedDueAt;

  /** When the step was registered (the form sent), or when the case ended with the step undone. */
  @Column(name = "completed_at")
  private Instant completedAt;

  /** The day the step happened, as entered in its form (or the registration day for a step without a date). */
  @Column(name = "step_on")
  private LocalDate stepOn;

  /** The day the case ended with the step undone (its exit date): dates a MISSED or CANCELLED deadline. */
  @Column(name = "ended_on")
  private LocalDate endedOn;

  /** When the deadline's timer escalated the undone step (priority, managers' notice). */
  @Column(name = "escalated_at")
  private Instant escalatedAt;

  @Column(name = "reminder_sent_at")
  private Instant reminderSentAt;

  @Column(name = "manager_notified_at")
  private Instant managerNotifiedAt;

  protected Deadline() {
  }

  Deadline(Long caseId, String kind, int sequence, String taskId, Instant dueAt) {
    this.caseId = caseId;
    this.kind = kind;
    this.sequence = sequence;
    this.taskId = taskId;
    this.dueAt = dueAt;
    this.unfinishedDueAt = dueAt;
    this.state = DeadlineState.OPEN;
  }

  /**
   * The step is registered at {@code at}, having happened on {@code on}: met when that day is on or
   * before the due day, late when after. A step registered after its escalation is judged the same.
   */
  void complete(LocalDate on, Instant at) {
    completedAt = at;
    stepOn = on;
    state = on.isAfter(dueDay()) ? DeadlineState.MET_LATE : DeadlineState.MET;
    unfinishedDueAt = null;
  }

  /** The timer fired with the step undone: it stays open, overdue, until registered or the case ends. */
  void escalate(Instant at) {
    escalatedAt = at;
  }

  /**
   * The step went away undone because its case ended on {@code on}: missed when the due day had
   * passed by then, cancelled when the case ended on or before it.
   */
  void end(LocalDate on, Instant at) {
    completedAt = at;
    endedOn = on;
    state = on.isAfter(dueDay()) ? DeadlineState.MISSED : DeadlineState.CANCELLED;
    unfinishedDueAt = null;
  }

  /** The calendar day (Swedish time) the step is due: it may be done all that day. */
  public LocalDate dueDay() {
    return LocalDate.ofInstant(dueAt, EngineClock.ZONE);
  }

  /** Undone past its due time, whether or not its timer has fired yet. */
  public boolean isOverdue(Instant now) {
    return state == DeadlineState.OPEN && now.isAfter(dueAt);
  }

  /**
   * A new due date for a step that is still undone, for example when its case moved to a process
   * version with another period. An escalated deadline whose new date lies ahead is no longer
   * overdue; one whose new date has passed too stays escalated, at the time it was. Its reminder
   * goes out again by the new date unless that one has passed too. A step that is done or whose
   * case has ended keeps its deadline: returns false and changes nothing.
   */
  public boolean reschedule(Instant newDueAt, Instant now) {
    if (state != DeadlineState.OPEN) {
      return false;
    }
    boolean moved = !newDueAt.equals(dueAt);
    dueAt = newDueAt;
    unfinishedDueAt = newDueAt;
    if (moved && newDueAt.isAfter(now)) {
      escalatedAt = null;
      managerNotifiedAt = null;
      reminderSentAt = null;
    }
    return true;
  }

  /** The state, or OVERDUE for an open step its timer has escalated. */
  public String status() {
    return isEscalated() ? "OVERDUE" : state.name();
  }

  /** Escalated by its timer and still undone. */
  public boolean isEscalated() {
    return state == DeadlineState.OPEN && escalatedAt != null;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getKind() {
    return kind;
  }

  public int getSequence() {
    return sequence;
  }

  public String getTaskId() {
    return taskId;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public DeadlineState getState() {
    return state;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public LocalDate getStepOn() {
    return stepOn;
  }

  public LocalDate getEndedOn() {
    return endedOn;
  }

  public Instant getEscalatedAt() {
    return escalatedAt;
  }

  public Instant getReminderSentAt() {
    return reminderSentAt;
  }

  public Instant getManagerNotifiedAt() {
    return managerNotifiedAt;
  }
}
