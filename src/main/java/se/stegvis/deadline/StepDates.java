package se.stegvis.deadline;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

  /** This transaction's tasks whose deadline has been judged here ({@link #judged}). */
  private static final Object JUDGED = new Object();

  /** The step of task {@code taskId} happened on {@code on} and is registered now. */
  public void happened(String taskId, LocalDate on) {
    remember(taskId);
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

  /**
   * Whether this transaction has judged the deadline of task {@code taskId} here already: then it
   * is no longer open (or never was), and the task's completion need not read it again
   * ({@link DeadlineTracker}).
   */
  static boolean judged(String taskId) {
    return TransactionSynchronizationManager.getResource(JUDGED) instanceof Set<?> judged && judged.contains(taskId);
  }

  private static void remember(String taskId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return; // no transaction to remember it in: the completion reads the deadline again
    }
    @SuppressWarnings("unchecked")
    Set<String> judged = (Set<String>) TransactionSynchronizationManager.getResource(JUDGED);
    if (judged == null) {
      judged = new HashSet<>();
      TransactionSynchronizationManager.bindResource(JUDGED, judged);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(JUDGED);
        }
      });
    }
    judged.add(taskId);
  }
}
