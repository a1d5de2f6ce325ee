package se.stegvis.deadline;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.time.EngineClock;

/**
 * Records a deadline for every task the model gives a due date, and what became of it, and sets
 * the task's follow-up date to when its reminder goes out.
 * The kind comes from the task's {@code deadlineKind} property in the model.
 */
@Component("deadlineTracker")
class DeadlineTracker implements TaskListener {

  private final DeadlineRepository deadlines;
  private final DeadlineCalendar calendar;
  private final EngineClock clock;
  private final CaseFileRepository caseFiles;
  private final int reminderDays;

  DeadlineTracker(DeadlineRepository deadlines, DeadlineCalendar calendar, EngineClock clock, CaseFileRepository caseFiles,
      @Value("${stegvis.reminders.days-before:3}") int reminderDays) {
    this.deadlines = deadlines;
    this.caseFiles = caseFiles;
    this.calendar = calendar;
    this.clock = clock;
    this.reminderDays = reminderDays;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> open(task);
      // A form with a step date has judged the deadline already (StepDates); a step without one happened today.
      case EVENTNAME_COMPLETE -> {
        if (!StepDates.judged(task.getId())) {
          unfinished(task).ifPresent(d -> d.complete(clock.today(), clock.now()));
        }
      }
      case EVENTNAME_DELETE -> unfinished(task).ifPresent(d -> d.end(endedOn(d), clock.now()));
      default -> { }
    }
  }

  private java.util.Optional<Deadline> unfinished(DelegateTask task) {
    return deadlines.findByTaskId(task.getId()).filter(d -> d.getState() == DeadlineState.OPEN);
  }

  /** A step goes away undone when its case ends: on the exit's date, or today if it ended otherwise. */
  private LocalDate endedOn(Deadline deadline) {
    return caseFiles.findById(deadline.getCaseId()).map(CaseFile::getExitedOn).orElseGet(clock::today);
  }

  private void open(DelegateTask task) {
    if (task.getDueDate() == null) {
      return;
    }
    Long caseId = (Long) task.getVariable(ProcessVariables.CASE_ID);
    String kind = kind(task);
    int sequence = deadlines.countByCaseIdAndKind(caseId, kind) + 1;
    deadlines.save(new Deadline(caseId, kind, sequence, task.getId(), task.getDueDate().toInstant()));
    // Tasklist's follow-up date: the day the reminder goes out.
    task.setFollowUpDate(calendar.reminderDate(task.getDueDate(), reminderDays));
  }

  private static String kind(DelegateTask task) {
    String kind = DeadlinePeriod.kind(task.getBpmnModelElementInstance());
    return kind == null ? task.getTaskDefinitionKey() : kind;
  }

}
