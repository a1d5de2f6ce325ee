package se.stegvis.system;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;

/**
 * The Tasklist filters every installation needs, created at start-up when missing, earliest due
 * first, each card showing the case number: own tasks, the groups' unassigned tasks, overdue,
 * due within 7 days, referrals to assess and follow-ups to do.
 */
@Component
class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;

  TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @EventListener(ApplicationReadyEvent.class)
  void create() {
    create("Mina uppgifter", "Uppgifter tilldelade mig, tidigast förfallna först", -10,
        mine().orderByDueDate().asc());
    create("Min grupps uppgifter", "Ej tilldelade uppgifter för mina grupper", -9,
        mineOrMyGroups().taskUnassigned().orderByDueDate().asc());
    create("Försenade", "Mina och mina gruppers uppgifter vars tidsfrist har passerat", -8,
        mineOrMyGroups().dueBeforeExpression("${now()}").orderByDueDate().asc());
    create("Förfaller inom 7 dagar", "Mina och mina gruppers uppgifter som ska vara klara inom en vecka", -7,
        mineOrMyGroups().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}")
            .orderByDueDate().asc());
    create("Remisser att bedöma", "Remisser som väntar på beredningsgruppens beslut", -6,
        taskService.createTaskQuery().taskDefinitionKey("decideIntake")
            .taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc());
    create("Uppföljningar att göra", "Uppföljningar 6–12 månader efter avslut", -5,
        mine().taskDefinitionKey("followUp").orderByDueDate().asc());
  }

  private TaskQuery mine() {
    return taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
  }

  private TaskQuery mineOrMyGroups() {
    return taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}").endOr();
  }

  private void create(String name, String description, int priority, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    var filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true,
        "variables", List.of(Map.of("name", ProcessVariables.CASE_NUMBER, "label", "Ärende"))));
    filterService.saveFilter(filter);
  }
}
