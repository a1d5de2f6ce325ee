package se.stegvis.deadline;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import se.stegvis.audit.AuditLog;
import se.stegvis.time.EngineClock;

/**
 * Judges a task's deadline by the day its step happened, as entered in the step's form, not by
 * the day it was registered. A backdated step (a day before today) is allowed and audited with
 * both dates, so a late registration is visible without turning a step done in time into a late one.
 */
@Component
public class StepDates {

  private final DeadlineRepository deadlines;
  private final EngineClock clock;
  private final AuditLog audit;
  private final DeadlineLabels deadlineLabels;

  StepDates(DeadlineRepository deadlines, EngineClock clock, AuditLog audit, DeadlineLabels deadlineLabels) {
    this.deadlineLabels = deadlineLabels;
    this.deadlines = deadlines;
    this.clock = clock;
    this.audit = audit;
  }

  /** The step of task {@code taskId} happened on {@code on} and is registered now. */
  public void happened(String taskId, LocalDate on) {
    deadlines.findByTaskId(taskId).filter(d -> d.getState() == DeadlineState.OPEN).ifPresent(d -> {
      var now = clock.now();
      d.complete(on, now);
      LocalDate today = clock.today();
      if (on.isBefore(today)) {
        audit.changed(d.getCaseId(), "Efterregistrerat steg: %s nr %d utfört %s, registrerat %s (förfallodag %s)"
            .formatted(deadlineLabels.label(d.getKind()), d.getSequence(), on, today, d.dueDay()));
      }
    });
  }
}
