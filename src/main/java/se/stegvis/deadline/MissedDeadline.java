package se.stegvis.deadline;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;

/**
 * Escalation when a deadline timer fires with its step undone: the step stays with the coach,
 * its deadline is recorded as missed for the managers, and the task is marked overdue by
 * raising its priority so it tops the coach's list.
 */
@Component("missedDeadline")
class MissedDeadline implements JavaDelegate {

  static final int OVERDUE_PRIORITY = 100;

  private final DeadlineRepository deadlines;
  private final DeadlineCalendar calendar;
  private final TaskService taskService;

  MissedDeadline(DeadlineRepository deadlines, DeadlineCalendar calendar, TaskService taskService) {
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long caseId = (Long) execution.getVariable(ProcessVariables.CASE_ID);
    var now = calendar.now();
    for (Deadline deadline : deadlines.findByCaseIdAndStateAndDueAtLessThanEqual(caseId, DeadlineState.OPEN, now)) {
      deadline.miss(now);
      taskService.setPriority(deadline.getTaskId(), OVERDUE_PRIORITY);
    }
  }
}
