package se.stegvis.deadline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One deadline of one case: when a step is due and what became of it. Managers query these. */
@Entity
public class Deadline {

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

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "missed_at")
  private Instant missedAt;

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

  void complete(Instant at) {
    completedAt = at;
    state = at.isAfter(dueAt) ? DeadlineState.MET_LATE : DeadlineState.MET;
    unfinishedDueAt = null;
  }

  void miss(Instant at) {
    missedAt = at;
    state = DeadlineState.MISSED;
  }

  void cancel(Instant at) {
    completedAt = at;
    state = DeadlineState.CANCELLED;
    unfinishedDueAt = null;
  }

  /**
   * A new due date for a step that is still undone, for example when its case moved to a process
   * version with another period. An open deadline stays open, even if the new date has passed
   * (its timer escalates it). A missed deadline whose new date lies ahead is open again; one whose
   * new date has passed too stays missed, missed at the time it was. A step that is done or
   * cancelled keeps its deadline: returns false and changes nothing.
   */
  public boolean reschedule(Instant newDueAt, Instant now) {
    if (state != DeadlineState.OPEN && state != DeadlineState.MISSED) {
      return false;
    }
    dueAt = newDueAt;
    unfinishedDueAt = newDueAt;
    if (state == DeadlineState.MISSED && newDueAt.isAfter(now)) {
      state = DeadlineState.OPEN;
      missedAt = null;
    }
    return true;
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

  public Instant getMissedAt() {
    return missedAt;
  }

  public Instant getReminderSentAt() {
    return reminderSentAt;
  }

  public Instant getManagerNotifiedAt() {
    return managerNotifiedAt;
  }
}
