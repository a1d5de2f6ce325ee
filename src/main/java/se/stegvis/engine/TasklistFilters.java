package se.stegvis.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;

/**
 * The Tasklist filters every installation needs, created at start-up when missing, earliest due
 * first, each card showing the case number: own tasks, the groups' unassigned tasks, overdue,
 * due within 7 days, referrals to assess and follow-ups to do.
 *
 * <p>"Mina uppgifter" is the coach's inbox and where Tasklist opens (the lowest priority; the
 * starter's "Alla uppgifter" is moved after it): her steps that are due within the inbox window
 * ({@code stegvis.inbox.window-days}, default 14) or have no deadline, and not the exit, which
 * waits on the case page ("Avsluta deltagande") until participation ends. The window is
 * configuration, so this filter's query is renewed at every start.
 */
@Component
class TasklistFilters {

  static final String INBOX = "Mina uppgifter";
  /** The filter the Camunda starter creates (camunda.bpm.filter.create). */
  static final String ALL_TASKS = "Alla uppgifter";
  /** After every filter of ours: Tasklist opens on the filter with the lowest priority. */
  static final int ALL_TASKS_PRIORITY = 10;

  private final FilterService filterService;
  private final TaskService taskService;
  private final int inboxWindowDays;

  TasklistFilters(FilterService filterService, TaskService taskService,
      @Value("${stegvis.inbox.window-days:14}") int inboxWindowDays) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.inboxWindowDays = inboxWindowDays;
  }

  @EventListener(ApplicationReadyEvent.class)
  void create() {
    var inbox = inbox();
    var existing = filterService.createFilterQuery().filterName(INBOX).singleResult();
    if (existing == null) {
      create(INBOX, inboxDescription(), -10, inbox);
    } else {
      existing.setQuery(inbox);
      existing.setProperties(properties(inboxDescription(), -10));
      filterService.saveFilter(existing);
    }
    var all = filterService.createFilterQuery().filterName(ALL_TASKS).singleResult();
    if (all != null && (all.getProperties() == null || !Integer.valueOf(ALL_TASKS_PRIORITY)
        .equals(all.getProperties().get("priority")))) {
      all.setProperties(properties("Alla uppgifter du får se, oavsett tidsfrist", ALL_TASKS_PRIORITY));
      filterService.saveFilter(all);
    }
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

  /**
   * The window counts whole days (a step due at the end of its day is in on the window's last day)
   * and holds back the participant case's long steps (meetings every two months, the proposal at six
   * months, the follow-up after a year); a placement's steps are due within weeks and always in.
   */
  private TaskQuery inbox() {
    return mine().taskDefinitionKeyNotIn(ProcessVariables.EXIT_TASK).or()
        .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(" + (inboxWindowDays + 1) + ").toDate()}")
        .withoutDueDate().processDefinitionKey(ProcessVariables.PLACEMENT_PROCESS_KEY).endOr()
        .orderByDueDate().asc();
  }

  private String inboxDescription() {
    return "Mina uppgifter som förfaller inom " + inboxWindowDays + " dagar, tidigast förfallna först";
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
    filter.setProperties(properties(description, priority));
    filterService.saveFilter(filter);
  }

  private static Map<String, Object> properties(String description, int priority) {
    return Map.of("description", description, "priority", priority, "refresh", true,
        "variables", List.of(Map.of("name", ProcessVariables.CASE_NUMBER, "label", "Ärende")));
  }
}
