package se.stegvis.deadline;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.time.EngineClock;

/**
 * Escalation when a deadline timer fires with its step undone: the step stays with the coach,
 * its deadline stays open and is marked escalated (the managers are told), and the task is marked
 * overdue by raising its priority so it tops the coach's list. Whether the deadline was met is
 * decided later, by the day the step happened once it is registered, or missed when the case ends.
 */
@Component("missedDeadline")
class MissedDeadline implements JavaDelegate {

  private final DeadlineRepository deadlines;
  private final EngineClock clock;
  private final TaskService taskService;

  MissedDeadline(DeadlineRepository deadlines, EngineClock clock, TaskService taskService) {
    this.deadlines = deadlines;
    this.clock = clock;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long caseId = (Long) execution.getVariable(ProcessVariables.CASE_ID);
    var now = clock.now();
    for (Deadline deadline : deadlines.findByCaseIdAndStateAndDueAtLessThanEqual(caseId, DeadlineState.OPEN, now)) {
      if (deadline.isEscalated()) {
        continue;
      }
      deadline.escalate(now);
      taskService.setPriority(deadline.getTaskId(), Deadline.OVERDUE_PRIORITY);
    }
  }
}
