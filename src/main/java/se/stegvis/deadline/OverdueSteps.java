package se.stegvis.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;

/**
 * The managers' view of deadlines: steps past their deadline and steps due within a week, for the
 * cases the viewer may see, with the totals by kind, coach and project.
 */
@Service
public class OverdueSteps {

  static final int DUE_SOON_DAYS = 7;
  /** Task ids per engine query: keeps the IN list well below PostgreSQL's parameter limit. */
  static final int TASKS_PER_QUERY = 1000;

  public record Step(String caseNumber, Long caseId, String projectCode, String projectName, String coach,
      String coachName, String kind, String kindLabel, int sequence, LocalDate dueDate, Long daysOverdue,
      Long daysLeft, String state, String taskId, String taskName, String processInstanceId) {
  }

  public record KindCount(String kind, String label, long count) {
  }

  public record CoachCount(String coach, String name, long count) {
  }

  public record ProjectCount(String code, String name, long count) {
  }

  public record ProjectOption(String code, String name) {
  }

  public record CoachOption(String id, String name) {
  }

  public record View(LocalDate today, List<Step> overdue, List<Step> dueSoon, List<KindCount> byKind,
      List<CoachCount> byCoach, List<ProjectCount> byProject, List<ProjectOption> projects,
      List<CoachOption> coaches) {
  }

  private record Count(String key, String label, long count) {
  }

  private final DeadlineRepository deadlines;
  private final CaseFileRepository caseFiles;
  private final CaseAccess access;
  private final DeadlineCalendar calendar;
  private final TaskService taskService;
  private final IdentityService identityService;

  OverdueSteps(DeadlineRepository deadlines, CaseFileRepository caseFiles, CaseAccess access,
      DeadlineCalendar calendar, TaskService taskService, IdentityService identityService) {
    this.deadlines = deadlines;
    this.caseFiles = caseFiles;
    this.access = access;
    this.calendar = calendar;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Transactional(readOnly = true)
  public View view(String projectCode, String coach) {
    var viewer = access.viewer();
    LocalDate today = calendar.today();
    // Only what the view shows: missed deadlines and open ones due within the week (an index
    // range), not every open deadline of every case; the tasks' names in one query per chunk.
    List<Deadline> open = new ArrayList<>(deadlines.findByState(DeadlineState.MISSED));
    open.addAll(deadlines.findByStateAndDueAtBefore(DeadlineState.OPEN,
        today.plusDays(DUE_SOON_DAYS + 1L).atStartOfDay(DeadlineCalendar.ZONE).toInstant()));
    Map<Long, CaseFile> cases = caseFiles.findAllById(open.stream().map(Deadline::getCaseId).distinct().toList())
        .stream().filter(c -> access.canSee(viewer, c)).collect(Collectors.toMap(CaseFile::getId, Function.identity()));
    Map<String, String> names = coachNames(cases.values());
    List<CaseFile> visible = List.copyOf(cases.values());
    Map<String, String> taskNames = taskNames(open.stream().filter(d -> cases.containsKey(d.getCaseId()))
        .map(Deadline::getTaskId).filter(Objects::nonNull).toList());

    List<Step> steps = open.stream()
        .filter(d -> cases.containsKey(d.getCaseId()))
        .map(d -> step(d, cases.get(d.getCaseId()), names, taskNames, today))
        .filter(s -> projectCode == null || projectCode.equals(s.projectCode()))
        .filter(s -> coach == null || coach.equals(s.coach()))
        .toList();
    List<Step> overdue = steps.stream().filter(s -> s.daysOverdue() != null)
        .sorted(Comparator.comparing(Step::daysOverdue).reversed()).toList();
    List<Step> dueSoon = steps.stream().filter(s -> s.daysLeft() != null && s.daysLeft() <= DUE_SOON_DAYS)
        .sorted(Comparator.comparing(Step::daysLeft)).toList();
    return new View(today, overdue, dueSoon,
        count(overdue, Step::kind, Step::kindLabel).stream()
            .map(c -> new KindCount(c.key(), c.label(), c.count())).toList(),
        count(overdue, Step::coach, Step::coachName).stream()
            .map(c -> new CoachCount(c.key(), c.label(), c.count())).toList(),
        count(overdue, Step::projectCode, Step::projectName).stream()
            .map(c -> new ProjectCount(c.key(), c.label(), c.count())).toList(),
        visible.stream().map(CaseFile::getProject).distinct()
            .map(p -> new ProjectOption(p.getCode(), p.getName()))
            .sorted(Comparator.comparing(ProjectOption::name)).toList(),
        names.entrySet().stream().map(e -> new CoachOption(e.getKey(), e.getValue()))
            .sorted(Comparator.comparing(CoachOption::name)).toList());
  }

  private Map<String, String> taskNames(List<String> taskIds) {
    Map<String, String> names = new HashMap<>();
    for (int from = 0; from < taskIds.size(); from += TASKS_PER_QUERY) {
      String[] chunk = taskIds.subList(from, Math.min(taskIds.size(), from + TASKS_PER_QUERY)).toArray(String[]::new);
      for (Task task : taskService.createTaskQuery().taskIdIn(chunk).list()) {
        names.put(task.getId(), task.getName());
      }
    }
    return names;
  }

  private Step step(Deadline deadline, CaseFile caseFile, Map<String, String> names, Map<String, String> taskNames,
      LocalDate today) {
    LocalDate due = DeadlineCalendar.toDay(java.util.Date.from(deadline.getDueAt()));
    boolean late = deadline.getState() == DeadlineState.MISSED || deadline.getDueAt().isBefore(calendar.now());
    return new Step(caseFile.getCaseNumber(), caseFile.getId(), caseFile.getProject().getCode(),
        caseFile.getProject().getName(), caseFile.getCoach(),
        caseFile.getCoach() == null ? null : names.get(caseFile.getCoach()), deadline.getKind(),
        DeadlineKind.labelOf(deadline.getKind()), deadline.getSequence(), due,
        late ? Math.max(0, ChronoUnit.DAYS.between(due, today)) : null,
        late ? null : ChronoUnit.DAYS.between(today, due),
        late ? DeadlineState.MISSED.name() : deadline.getState().name(),
        deadline.getTaskId(), taskNames.get(deadline.getTaskId()), caseFile.getProcessInstanceId());
  }

  private Map<String, String> coachNames(java.util.Collection<CaseFile> cases) {
    String[] ids = cases.stream().map(CaseFile::getCoach).filter(Objects::nonNull).distinct().toArray(String[]::new);
    if (ids.length == 0) {
      return Map.of();
    }
    return identityService.createUserQuery().userIdIn(ids).list().stream()
        .collect(Collectors.toMap(User::getId, u -> (u.getFirstName() + " " + u.getLastName()).strip()));
  }

  private static List<Count> count(List<Step> steps, Function<Step, String> key, Function<Step, String> label) {
    Map<String, Count> counts = new LinkedHashMap<>();
    for (Step step : steps) {
      String k = key.apply(step) == null ? "" : key.apply(step);
      String l = label.apply(step) == null ? "Ingen coach" : label.apply(step);
      counts.merge(k, new Count(k, l, 1), (a, b) -> new Count(a.key(), a.label(), a.count() + 1));
    }
    return counts.values().stream().sorted(Comparator.comparing(Count::count).reversed()).toList();
  }
}
