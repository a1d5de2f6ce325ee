package se.stegvis.migration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineCalendar;
import se.stegvis.deadline.DeadlineRepository;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.migration.MigrationReport.ActivityMove;
import se.stegvis.migration.MigrationReport.BlockedCase;
import se.stegvis.migration.MigrationReport.DeadlineChange;
import se.stegvis.migration.MigrationReport.MovedCase;
import se.stegvis.migration.MigrationReport.PlanError;
import se.stegvis.migration.MigrationReport.Version;
import se.stegvis.time.EngineClock;

/**
 * Moves the running cases of one process version to another, all or none, and makes the new
 * version's deadlines apply to them from the migration on.
 *
 * <p><b>One code path for the dry run and the migration.</b> Both migrate every running case of
 * the source version, one case at a time, inside one transaction, and report what happened; the
 * dry run then rolls the transaction back, and so does a migration that any case or the plan
 * stops. So the dry run shows exactly what the migration will do, and a refused migration leaves
 * everything as it was.
 *
 * <p><b>The plan.</b> {@code mapEqualActivities().updateEventTriggers()}: every activity is mapped
 * to the activity with the same id in the target version, and event triggers are taken from the
 * target. One deliberate exception: the deadline timers (non-interrupting timer boundary events)
 * are left out of the plan, so the engine deletes their timers and creates them anew from the
 * target model ("emerging" timers), evaluating the timer expression against the case's variables.
 * With an instruction and {@code updateEventTrigger} Camunda 7.24 re-evaluates a pending timer in
 * place, which gives the same result, but it does not create a timer that has already fired
 * (a missed deadline): a deadline that the new version moves into the future would then never be
 * escalated again. Without the instruction every deadline timer of an open step exists after the
 * migration, computed from the new model.
 *
 * <p><b>Deadlines.</b> After a case has moved, each open user task that has a timer boundary event
 * in the target model gets the due date of its re-created timer, and its {@code deadline} row the
 * same date ({@link Deadline#reschedule}). A missed deadline whose new date lies ahead is open
 * again and its task's overdue priority is lowered to normal; a missed deadline whose new date has
 * also passed stays missed, and its re-created timer is removed, since it would only escalate the
 * step a second time. An open deadline whose new date has passed stays open: its timer is due at
 * once and the job executor escalates it within seconds.
 */
@Service
public class ProcessMigrations {

  static final String NO_INSTRUCTION = "There is no migration instruction for this instance's activity";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final DeadlineRepository deadlines;
  private final DeadlineCalendar calendar;
  private final EngineClock clock;
  private final TransactionTemplate transactions;
  private final int reminderDays;

  ProcessMigrations(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, DeadlineRepository deadlines, DeadlineCalendar calendar, EngineClock clock,
      PlatformTransactionManager transactionManager,
      @Value("${stegvis.reminders.days-before:3}") int reminderDays) {
    this.reminderDays = reminderDays;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What a migration would do, and what stops it. Changes nothing. */
  public MigrationReport dryRun(MigrationRequest request) {
    return run(request, true);
  }

  /**
   * Migrates every running case of the source version, in one transaction; or, when anything
   * stops a single case or the plan, none of them ({@link MigrationRefusedException} with the report).
   */
  public MigrationReport migrate(MigrationRequest request) {
    MigrationReport report = run(request, false);
    if (!report.canMigrate()) {
      throw new MigrationRefusedException(report);
    }
    return report;
  }

  private MigrationReport run(MigrationRequest request, boolean dryRun) {
    String key = request.processKey() == null || request.processKey().isBlank()
        ? ProcessVariables.PROCESS_KEY : request.processKey().strip();
    if (request.sourceVersion() == null) {
      throw MigrationRequestException.invalid("Ange \"sourceVersion\": versionen som de pågående ärendena ska flyttas från.");
    }
    ProcessDefinition source = definition(key, request.sourceVersion());
    ProcessDefinition target = request.targetVersion() == null ? latest(key) : definition(key, request.targetVersion());
    if (source.getId().equals(target.getId())) {
      throw MigrationRequestException.invalid("Källversion och målversion är samma (version %d). Ange en annan \"targetVersion\"."
          .formatted(source.getVersion()));
    }
    return transactions.execute(status -> new Run(source, target, dryRun).execute(status));
  }

  private ProcessDefinition definition(String key, int version) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).withoutTenantId().singleResult();
    if (definition == null) {
      throw new MigrationRequestException(HttpStatus.NOT_FOUND, "Processversionen finns inte",
          "Processen \"%s\" har ingen version %d.".formatted(key, version));
    }
    return definition;
  }

  private ProcessDefinition latest(String key) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().withoutTenantId().singleResult();
    if (definition == null) {
      throw new MigrationRequestException(HttpStatus.NOT_FOUND, "Processen finns inte",
          "Det finns ingen process \"%s\".".formatted(key));
    }
    return definition;
  }

  private static OffsetDateTime swedish(Date date) {
    return date == null ? null : date.toInstant().atZone(EngineClock.ZONE).toOffsetDateTime();
  }

  /** One dry run or migration, inside its transaction. */
  private final class Run {

    private final ProcessDefinition source;
    private final ProcessDefinition target;
    private final boolean dryRun;
    private final BpmnModelInstance sourceModel;
    private final BpmnModelInstance targetModel;
    /** Per user task of the target model: its timer boundary events. */
    private final Map<String, List<String>> targetTimersByTask;
    private final Instant now = clock.now();
    private Map<String, String> sourceJobActivities;

    Run(ProcessDefinition source, ProcessDefinition target, boolean dryRun) {
      this.source = source;
      this.target = target;
      this.dryRun = dryRun;
      this.sourceModel = repositoryService.getBpmnModelInstance(source.getId());
      this.targetModel = repositoryService.getBpmnModelInstance(target.getId());
      this.targetTimersByTask = timersByTask(targetModel);
    }

    MigrationReport execute(TransactionStatus status) {
      List<ProcessInstance> running = new ArrayList<>(runtimeService.createProcessInstanceQuery()
          .processDefinitionId(source.getId()).list());
      running.sort(Comparator.comparing(ProcessInstance::getBusinessKey, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(ProcessInstance::getId));

      List<PlanError> planErrors = new ArrayList<>();
      MigrationPlan generated = null;
      try {
        generated = runtimeService.createMigrationPlan(source.getId(), target.getId())
            .mapEqualActivities().updateEventTriggers().build();
      } catch (MigrationPlanValidationException e) {
        planErrors.addAll(planErrors(e.getValidationReport().getInstructionReports()));
      }
      Map<String, String> targetOf = new HashMap<>();
      if (generated != null) {
        generated.getInstructions().forEach(i -> targetOf.put(i.getSourceActivityId(), i.getTargetActivityId()));
      }
      List<ActivityMove> activities = activities(running, targetOf);

      List<BlockedCase> blocked = new ArrayList<>();
      List<MovedCase> moved = new ArrayList<>();
      MigrationPlan plan = null;
      if (generated != null) {
        try {
          plan = withDeadlineTimersRecreated(generated);
        } catch (MigrationPlanValidationException e) {
          planErrors.addAll(planErrors(e.getValidationReport().getInstructionReports()));
        }
      }
      if (plan != null) {
        Map<String, String> targetJobActivities = null;
        for (ProcessInstance instance : running) {
          Map<String, TaskBefore> before = tasksBefore(instance.getId());
          List<String> waitingAt = waitingAt(instance.getId());
          try {
            runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
          } catch (MigratingProcessInstanceValidationException e) {
            blocked.add(new BlockedCase(instance.getBusinessKey(), instance.getId(), reasons(e.getValidationReport())));
            continue;
          } catch (OptimisticLockingException e) {
            blocked.add(new BlockedCase(instance.getBusinessKey(), instance.getId(),
                List.of("Ärendet ändrades medan det flyttades. Gör om provkörningen och migreringen.")));
            continue;
          } catch (ProcessEngineException e) {
            blocked.add(new BlockedCase(instance.getBusinessKey(), instance.getId(),
                List.of("Ärendet kan inte flyttas till version %d: %s".formatted(target.getVersion(), e.getMessage()))));
            continue;
          }
          if (targetJobActivities == null) {
            targetJobActivities = jobActivities(target.getId());
          }
          moved.add(applyDeadlines(instance, waitingAt, before, targetJobActivities));
        }
      }

      List<String> problems = new ArrayList<>();
      for (PlanError error : planErrors) {
        problems.addAll(error.messages());
      }
      for (BlockedCase b : blocked) {
        b.reasons().forEach(reason -> problems.add(b.caseNumber() + ": " + reason));
      }
      boolean canMigrate = problems.isEmpty();
      if (dryRun || !canMigrate) {
        status.setRollbackOnly();
      }
      return new MigrationReport(source.getKey(), version(source), version(target), dryRun, canMigrate,
          running.size(), moved.size(), !dryRun && canMigrate ? moved.size() : 0,
          activities, planErrors, blocked, moved, problems);
    }

    private Version version(ProcessDefinition definition) {
      return new Version(definition.getVersion(), definition.getId(), definition.getDeploymentId());
    }

    /** The generated plan without its non-interrupting timer boundary events (see the class comment). */
    private MigrationPlan withDeadlineTimersRecreated(MigrationPlan generated) {
      MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
      for (MigrationInstruction instruction : generated.getInstructions()) {
        if (isNonInterruptingTimer(sourceModel, instruction.getSourceActivityId())) {
          continue;
        }
        var mapped = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
        builder = instruction.isUpdateEventTrigger() ? mapped.updateEventTrigger() : mapped;
      }
      return builder.build();
    }

    /** Per activity of the source version where cases are: how many cases, and where they go. */
    private List<ActivityMove> activities(List<ProcessInstance> running, Map<String, String> targetOf) {
      Map<String, Set<String>> casesByActivity = new TreeMap<>();
      for (ProcessInstance instance : running) {
        ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
        if (tree != null) {
          collect(tree, instance.getId(), casesByActivity, true);
        }
      }
      List<ActivityMove> moves = new ArrayList<>();
      casesByActivity.forEach((activityId, cases) -> {
        String targetId = targetOf.get(activityId);
        moves.add(new ActivityMove(activityId, name(sourceModel, activityId), cases.size(), targetId,
            targetId == null ? null : name(targetModel, targetId)));
      });
      return moves;
    }

    private void collect(ActivityInstance instance, String processInstanceId, Map<String, Set<String>> cases, boolean root) {
      if (!root) {
        cases.computeIfAbsent(instance.getActivityId(), k -> new LinkedHashSet<>()).add(processInstanceId);
      }
      for (TransitionInstance transition : instance.getChildTransitionInstances()) {
        cases.computeIfAbsent(transition.getActivityId(), k -> new LinkedHashSet<>()).add(processInstanceId);
      }
      for (ActivityInstance child : instance.getChildActivityInstances()) {
        collect(child, processInstanceId, cases, false);
      }
    }

    /** The names of the open tasks of a case: where it waits. */
    private List<String> waitingAt(String processInstanceId) {
      return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
          .map(t -> t.getName() + " (" + t.getTaskDefinitionKey() + ")").sorted().toList();
    }

    /** Open tasks before the migration: due date, priority, deadline state, and which timer was the deadline. */
    private Map<String, TaskBefore> tasksBefore(String processInstanceId) {
      if (sourceJobActivities == null) {
        sourceJobActivities = jobActivities(source.getId());
      }
      List<Job> timers = managementService.createJobQuery().processInstanceId(processInstanceId).timers().list();
      Map<String, TaskBefore> before = new LinkedHashMap<>();
      for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
        String deadlineTimer = timers.stream()
            .filter(job -> Objects.equals(job.getExecutionId(), task.getExecutionId()))
            .filter(job -> task.getDueDate() != null && task.getDueDate().equals(job.getDuedate()))
            .map(job -> sourceJobActivities.get(job.getJobDefinitionId())).filter(Objects::nonNull)
            .findFirst().orElse(null);
        DeadlineState state = deadlines.findByTaskId(task.getId()).map(Deadline::getState).orElse(null);
        before.put(task.getId(), new TaskBefore(task.getDueDate(), state, deadlineTimer));
      }
      return before;
    }

    /** Job definition id to activity id, for the timers of a process definition. */
    private Map<String, String> jobActivities(String processDefinitionId) {
      Map<String, String> activities = new HashMap<>();
      for (JobDefinition definition : managementService.createJobDefinitionQuery()
          .processDefinitionId(processDefinitionId).list()) {
        activities.put(definition.getId(), definition.getActivityId());
      }
      return activities;
    }

    /** The new version's deadlines for the open tasks of a case that has just moved. */
    private MovedCase applyDeadlines(ProcessInstance instance, List<String> waitingAt, Map<String, TaskBefore> before,
        Map<String, String> targetJobActivities) {
      List<DeadlineChange> changes = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      List<Job> timers = managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();
      for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId()).list()) {
        List<String> timerEvents = targetTimersByTask.getOrDefault(task.getTaskDefinitionKey(), List.of());
        if (timerEvents.isEmpty()) {
          continue;
        }
        TaskBefore was = before.get(task.getId());
        String timerEvent = timerEvents.size() == 1 ? timerEvents.get(0)
            : was != null && timerEvents.contains(was.deadlineTimer()) ? was.deadlineTimer() : null;
        if (timerEvent == null) {
          notes.add("Uppgiften \"%s\" har flera tidsgränser i version %d; dess förfallodatum har inte ändrats."
              .formatted(task.getName(), target.getVersion()));
          continue;
        }
        List<Job> candidates = timers.stream()
            .filter(job -> timerEvent.equals(targetJobActivities.get(job.getJobDefinitionId()))).toList();
        Job timer = candidates.stream().filter(job -> Objects.equals(job.getExecutionId(), task.getExecutionId()))
            .findFirst().orElse(candidates.size() == 1 ? candidates.get(0) : null);
        if (timer == null) {
          continue;
        }
        Date newDue = timer.getDuedate();
        Deadline deadline = deadlines.findByTaskId(task.getId())
            .filter(d -> d.getState() == DeadlineState.OPEN).orElse(null);
        String stateBefore = deadline == null ? null : deadline.status();
        if (deadline != null) {
          boolean escalated = deadline.isEscalated();
          deadline.reschedule(newDue.toInstant(), now);
          if (escalated && !deadline.isEscalated() && task.getPriority() == Deadline.OVERDUE_PRIORITY) {
            taskService.setPriority(task.getId(), Task.PRIORITY_NORMAL);
          } else if (escalated) {
            // Escalated before and still overdue: the re-created timer would only escalate the step again.
            managementService.deleteJob(timer.getId());
          }
        }
        // The reminder goes with the due date: the follow-up date is recomputed from the new one.
        Date reminder = calendar.reminderDate(newDue, reminderDays);
        if (!newDue.equals(task.getDueDate()) || !reminder.equals(task.getFollowUpDate())) {
          Task changed = taskService.createTaskQuery().taskId(task.getId()).singleResult();
          changed.setDueDate(newDue);
          changed.setFollowUpDate(reminder);
          taskService.saveTask(changed);
        }
        String stateAfter = deadline == null ? null : deadline.status();
        if (!newDue.equals(task.getDueDate()) || !Objects.equals(stateBefore, stateAfter)) {
          changes.add(new DeadlineChange(task.getTaskDefinitionKey(), task.getName(), swedish(task.getDueDate()),
              swedish(newDue), stateBefore, stateAfter));
        }
      }
      return new MovedCase(instance.getBusinessKey(), instance.getId(), waitingAt, changes, notes);
    }

    /** Why the engine will not move a case, in Swedish. */
    private List<String> reasons(MigratingProcessInstanceValidationReport report) {
      Set<String> reasons = new LinkedHashSet<>();
      report.getFailures().forEach(f -> reasons.add("Ärendet kan inte flyttas till version %d: %s"
          .formatted(target.getVersion(), f)));
      report.getActivityInstanceReports().forEach(r ->
          reasons.addAll(reasons(r.getSourceScopeId(), r.getMigrationInstruction(), r.getFailures())));
      report.getTransitionInstanceReports().forEach(r ->
          reasons.addAll(reasons(r.getSourceScopeId(), r.getMigrationInstruction(), r.getFailures())));
      return List.copyOf(reasons);
    }

    private List<String> reasons(String activityId, MigrationInstruction instruction, List<String> failures) {
      String what = "%s \"%s\" (%s)".formatted(kind(sourceModel, activityId), name(sourceModel, activityId), activityId);
      if (instruction == null) {
        if (targetModel.getModelElementById(activityId) == null) {
          return List.of("%s finns inte i version %d.".formatted(what, target.getVersion()));
        }
        return List.of(("%s finns i version %d men kan inte flyttas dit automatiskt: steget har ändrats för mycket "
            + "(till exempel en annan typ av steg eller en annan plats i processen).").formatted(what, target.getVersion()));
      }
      List<String> reasons = new ArrayList<>();
      for (String failure : failures) {
        if (!NO_INSTRUCTION.equals(failure)) {
          reasons.add("%s kan inte flyttas till version %d: %s".formatted(what, target.getVersion(), failure));
        }
      }
      return reasons.isEmpty()
          ? List.of("%s kan inte flyttas till version %d.".formatted(what, target.getVersion())) : reasons;
    }

    private List<PlanError> planErrors(List<MigrationInstructionValidationReport> reports) {
      List<PlanError> errors = new ArrayList<>();
      for (MigrationInstructionValidationReport report : reports) {
        MigrationInstruction instruction = report.getMigrationInstruction();
        String from = instruction.getSourceActivityId();
        String to = instruction.getTargetActivityId();
        String prefix = "\"%s\" (%s) i version %d kan inte flyttas till \"%s\" (%s) i version %d: ".formatted(
            name(sourceModel, from), from, source.getVersion(), name(targetModel, to), to, target.getVersion());
        errors.add(new PlanError(from, to, report.getFailures().stream().map(prefix::concat).toList()));
      }
      return errors;
    }
  }

  private record TaskBefore(Date dueDate, DeadlineState deadlineState, String deadlineTimer) {
  }

  /** Per user task: the ids of the timer boundary events attached to it. */
  static Map<String, List<String>> timersByTask(BpmnModelInstance model) {
    Map<String, List<String>> timers = new HashMap<>();
    for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
      boolean timer = event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
      if (timer && event.getAttachedTo() instanceof UserTask task) {
        timers.computeIfAbsent(task.getId(), k -> new ArrayList<>()).add(event.getId());
      }
    }
    return timers;
  }

  static boolean isNonInterruptingTimer(BpmnModelInstance model, String activityId) {
    return model.getModelElementById(activityId) instanceof BoundaryEvent event && !event.cancelActivity()
        && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
  }

  static String name(BpmnModelInstance model, String activityId) {
    if (activityId == null) {
      return null;
    }
    return model.getModelElementById(activityId) instanceof FlowElement element && element.getName() != null
        ? element.getName() : activityId;
  }

  static String kind(BpmnModelInstance model, String activityId) {
    return model.getModelElementById(activityId) instanceof UserTask ? "Uppgiften" : "Steget";
  }
}
