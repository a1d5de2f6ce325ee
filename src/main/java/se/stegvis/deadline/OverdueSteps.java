package se.stegvis.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.time.EngineClock;

/**
 * The managers' view of deadlines: one page of the steps past their deadline (most overdue
 * first) and the first steps due within a week, for the cases the viewer may see, with the
 * totals by kind, coach and project. Everything is counted and paged in the database, limited in
 * the query itself to the visible cases ({@link CaseAccess#visibleIn}); only the rows of the page
 * are read, so the answer takes as long at 10,000 overdue steps as at 10.
 */
@Service
public class OverdueSteps {

  static final int DUE_SOON_DAYS = 7;
  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int MAX_PAGE_SIZE = 200;
  /** Steps due soon shown at most: the nearest ones; the total says how many there are. */
  static final int DUE_SOON_SHOWN = 50;

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

  /**
   * {@code overdue} is page {@code page} (0-based) of {@code size} of the {@code overdueTotal}
   * overdue steps; {@code dueSoon} the first {@link #DUE_SOON_SHOWN} of {@code dueSoonTotal}. The
   * totals by kind, coach and project count every overdue step of the filtered selection; the
   * projects and coaches to filter by are those with an overdue or soon-due step.
   */
  public record View(LocalDate today, int page, int size, long overdueTotal, List<Step> overdue,
      long dueSoonTotal, List<Step> dueSoon, List<KindCount> byKind, List<CoachCount> byCoach,
      List<ProjectCount> byProject, List<ProjectOption> projects, List<CoachOption> coaches) {
  }

  /** Overdue and soon-due steps of one kind, project and coach. */
  private record Group(String kind, String projectCode, String projectName, String coach, long late, long soon) {
  }

  /**
   * Overdue: undone (open or missed) and past due; a missed step's date has passed by definition.
   * Due soon: open and due before the end of the week's last day. Both read the undone steps'
   * index on unfinished_due_at, the page in its order.
   */
  private static final String LATE = "d.unfinishedDueAt < :now";
  private static final String SOON = "(d.unfinishedDueAt >= :now and d.unfinishedDueAt < :soonEnd and d.state = :open)";
  private static final String LATE_OR_SOON = "(d.unfinishedDueAt < :soonEnd and (d.unfinishedDueAt < :now or d.state = :open))";
  private static final String FROM = " from Deadline d, CaseFile c join c.project pr where c.id = d.caseId and ";
  private static final String ROW = """
      select d.kind, d.sequence, d.taskId, d.dueAt, d.state, c.id, c.caseNumber, c.coach, c.processInstanceId,
        pr.code, pr.name""";
  private static final String IN_ORDER = " order by d.unfinishedDueAt, d.caseId, d.id";

  private final EntityManager entityManager;
  private final CaseAccess access;
  private final EngineClock clock;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final DeadlineLabels deadlineLabels;

  OverdueSteps(EntityManager entityManager, CaseAccess access, EngineClock clock, TaskService taskService,
      IdentityService identityService, DeadlineLabels deadlineLabels) {
    this.deadlineLabels = deadlineLabels;
    this.entityManager = entityManager;
    this.access = access;
    this.clock = clock;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** Refuses a page or size the view cannot show, in Swedish, before anything is read. */
  private static void checkPage(int page, int size) {
    List<String> errors = new ArrayList<>();
    if (page < 0) {
      errors.add("Sidan (page) måste vara 0 eller större.");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add("Antalet per sida (size) måste vara mellan 1 och " + MAX_PAGE_SIZE + ".");
    }
    if (!errors.isEmpty()) {
      throw new FormRejectedException(errors);
    }
  }

  @Transactional(readOnly = true)
  public View view(String projectCode, String coach, int page, int size) {
    checkPage(page, size);
    var visible = access.visibleIn(access.viewer(), "c", "pr");
    Instant now = clock.now();
    LocalDate today = clock.today();
    Instant soonEnd = today.plusDays(DUE_SOON_DAYS + 1L).atStartOfDay(EngineClock.ZONE).toInstant();
    Map<String, Object> times = Map.of("now", now, "soonEnd", soonEnd, "open", DeadlineState.OPEN);

    List<Group> groups = groups(visible, times);
    List<Group> selected = groups.stream()
        .filter(g -> projectCode == null || projectCode.equals(g.projectCode()))
        .filter(g -> coach == null || coach.equals(g.coach())).toList();
    long overdueTotal = selected.stream().mapToLong(Group::late).sum();
    long dueSoonTotal = selected.stream().mapToLong(Group::soon).sum();

    String filters = (projectCode == null ? "" : " and pr.code = :project") + (coach == null ? "" : " and c.coach = :coach");
    Map<String, Object> parameters = new HashMap<>(times);
    if (projectCode != null) {
      parameters.put("project", projectCode);
    }
    if (coach != null) {
      parameters.put("coach", coach);
    }
    long first = (long) page * size;
    List<Object[]> lateRows = first >= overdueTotal ? List.of()
        : rows(LATE + filters, visible, parameters, (int) first, size);
    List<Object[]> soonRows = dueSoonTotal == 0 ? List.of()
        : rows(SOON + filters, visible, parameters, 0, DUE_SOON_SHOWN);

    Map<String, String> names = coachNames(Stream.concat(groups.stream().map(Group::coach),
        Stream.concat(lateRows.stream(), soonRows.stream()).map(r -> (String) r[7])));
    Map<String, String> taskNames = taskNames(Stream.concat(lateRows.stream(), soonRows.stream())
        .map(r -> (String) r[2]).filter(Objects::nonNull).distinct().toArray(String[]::new));

    Map<String, String> labels = deadlineLabels.all();
    return new View(today, page, size, overdueTotal,
        lateRows.stream().map(r -> step(r, true, names, taskNames, labels, today)).toList(), dueSoonTotal,
        soonRows.stream().map(r -> step(r, false, names, taskNames, labels, today)).toList(),
        counts(selected, Group::kind, g -> labels.getOrDefault(g.kind(), g.kind()), KindCount::new),
        counts(selected, g -> g.coach() == null ? "" : g.coach(),
            g -> g.coach() == null ? "Ingen coach" : names.getOrDefault(g.coach(), g.coach()), CoachCount::new),
        counts(selected, Group::projectCode, Group::projectName, ProjectCount::new),
        groups.stream().map(g -> new ProjectOption(g.projectCode(), g.projectName())).distinct()
            .sorted(Comparator.comparing(ProjectOption::name)).toList(),
        groups.stream().map(Group::coach).filter(Objects::nonNull).distinct()
            .map(id -> new CoachOption(id, names.getOrDefault(id, id)))
            .sorted(Comparator.comparing(CoachOption::name)).toList());
  }

  /**
   * The overdue and soon-due steps of the visible cases counted per kind, project and coach, in one
   * grouped query and without the filters: the filters' options come from the same counts.
   */
  private List<Group> groups(CaseAccess.Condition visible, Map<String, Object> times) {
    String jpql = "select d.kind, pr.code, pr.name, c.coach, count(d), sum(case when " + LATE + " then 1 else 0 end)"
        + FROM + LATE_OR_SOON + " and " + visible.jpql() + " group by d.kind, pr.code, pr.name, c.coach";
    TypedQuery<Object[]> query = entityManager.createQuery(jpql, Object[].class);
    times.forEach(query::setParameter);
    visible.bind(query);
    return query.getResultList().stream().map(r -> {
      long all = ((Number) r[4]).longValue();
      long late = ((Number) r[5]).longValue();
      return new Group((String) r[0], (String) r[1], (String) r[2], (String) r[3], late, all - late);
    }).toList();
  }

  /** The rows of one page, in the view's order: most overdue (earliest due) first, then by case and deadline. */
  private List<Object[]> rows(String condition, CaseAccess.Condition visible, Map<String, Object> parameters,
      int first, int max) {
    String jpql = ROW + FROM + condition + " and " + visible.jpql() + IN_ORDER;
    TypedQuery<Object[]> query = entityManager.createQuery(jpql, Object[].class)
        .setFirstResult(first).setMaxResults(max);
    parameters.forEach((name, value) -> {
      if (jpql.contains(":" + name)) {
        query.setParameter(name, value);
      }
    });
    visible.bind(query);
    return query.getResultList();
  }

  private Step step(Object[] r, boolean late, Map<String, String> names, Map<String, String> taskNames,
      Map<String, String> labels, LocalDate today) {
    String kind = (String) r[0];
    LocalDate due = EngineClock.toDay(java.util.Date.from((Instant) r[3]));
    String coach = (String) r[7];
    String taskId = (String) r[2];
    return new Step((String) r[6], (Long) r[5], (String) r[9], (String) r[10], coach,
        coach == null ? null : names.get(coach), kind, labels.getOrDefault(kind, kind), (Integer) r[1], due,
        late ? Math.max(0, ChronoUnit.DAYS.between(due, today)) : null,
        late ? null : ChronoUnit.DAYS.between(today, due),
        late ? "OVERDUE" : ((DeadlineState) r[4]).name(),
        taskId, taskId == null ? null : taskNames.get(taskId), (String) r[8]);
  }

  /** The names of the shown tasks, in one engine query (at most a page and the soon-due steps). */
  private Map<String, String> taskNames(String[] taskIds) {
    if (taskIds.length == 0) {
      return Map.of();
    }
    return taskService.createTaskQuery().taskIdIn(taskIds).list().stream()
        .collect(Collectors.toMap(Task::getId, t -> Objects.requireNonNullElse(t.getName(), ""), (a, b) -> a));
  }

  /** The coaches' names, in one user query. */
  private Map<String, String> coachNames(Stream<String> coaches) {
    String[] ids = coaches.filter(Objects::nonNull).distinct().toArray(String[]::new);
    if (ids.length == 0) {
      return Map.of();
    }
    return identityService.createUserQuery().userIdIn(ids).list().stream()
        .collect(Collectors.toMap(User::getId, OverdueSteps::name, (a, b) -> a));
  }

  private static String name(User user) {
    return (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).strip();
  }

  @FunctionalInterface
  private interface CountOf<T> {
    T of(String key, String label, long count);
  }

  /** The overdue steps summed per key, most first (then by label); keys without an overdue step left out. */
  private static <T> List<T> counts(List<Group> groups, Function<Group, String> key, Function<Group, String> label,
      CountOf<T> result) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Group group : groups) {
      if (group.late() > 0) {
        counts.merge(key.apply(group), group.late(), Long::sum);
        labels.putIfAbsent(key.apply(group), label.apply(group));
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(e -> labels.get(e.getKey()), Comparator.nullsLast(Comparator.naturalOrder())))
        .map(e -> result.of(e.getKey(), labels.get(e.getKey()), e.getValue())).toList();
  }
}
