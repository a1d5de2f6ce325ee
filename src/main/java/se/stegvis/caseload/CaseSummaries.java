package se.stegvis.caseload;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineLabels;
import se.stegvis.time.EngineClock;

/**
 * Turns {@link CaseFacts} into {@link CaseSummary} rows: the coaches' names in one query for the
 * whole list and, for the rows shown, each case's next undone step (its earliest open or missed
 * deadline) named in one more; the rows are made once and only named.
 */
@Component
class CaseSummaries {

  private final EntityManager entityManager;
  private final IdentityService identityService;
  private final EngineClock clock;
  private final DeadlineLabels deadlineLabels;

  CaseSummaries(EntityManager entityManager, IdentityService identityService, EngineClock clock, DeadlineLabels deadlineLabels) {
    this.deadlineLabels = deadlineLabels;
    this.entityManager = entityManager;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The rows as shown: with the name of each case's next step. */
  List<CaseSummary> of(List<CaseFacts> cases) {
    return withStepNames(withoutStepNames(cases), cases.stream().map(CaseFacts::id).toList());
  }

  /** Rows made by {@link #withoutStepNames}, with the name of each one's next step; {@code ids}: their cases, in order. */
  List<CaseSummary> withStepNames(List<CaseSummary> rows, List<Long> ids) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Deadline> next = nextSteps(ids);
    Map<String, String> labels = deadlineLabels.all();
    return IntStream.range(0, rows.size()).mapToObj(i -> {
      Deadline step = next.get(ids.get(i));
      return step == null ? rows.get(i) : rows.get(i).withNextStep(labels.getOrDefault(step.getKind(), step.getKind()));
    }).toList();
  }

  /**
   * The rows of a whole caseload, to be counted, filtered and sorted before a page of them is shown
   * with {@link #of}: everything but the next step's name (its due date is there), and no deadline read.
   */
  List<CaseSummary> withoutStepNames(List<CaseFacts> cases) {
    if (cases.isEmpty()) {
      return List.of();
    }
    Map<String, String> coaches = coachNames(cases);
    LocalDate today = clock.today();
    return cases.stream().map(c -> summary(c, coaches, today)).toList();
  }

  private static CaseSummary summary(CaseFacts c, Map<String, String> coaches, LocalDate today) {
    LocalDate due = c.nextDueAt() == null ? null : EngineClock.toDay(Date.from(c.nextDueAt()));
    LocalDate supportEnds = c.exitedOn() == null ? today : c.exitedOn();
    return new CaseSummary(c.caseNumber(), c.name(), c.protectedIdentity(), c.projectCode(), c.projectName(),
        c.phase().name(), c.phase().label(), CaseStatus.of(c.phase()).parameter(), c.coach(),
        c.coach() == null ? null : coaches.getOrDefault(c.coach(), c.coach()), null, due,
        due == null ? null : (int) ChronoUnit.DAYS.between(today, due), c.referredOn(), c.startedOn(), c.exitedOn(),
        c.startedOn() == null ? null : (int) ChronoUnit.DAYS.between(c.startedOn(), supportEnds));
  }

  /** The earliest undone deadline of each case (a page or a search: hundreds at most). */
  private Map<Long, Deadline> nextSteps(List<Long> caseIds) {
    Map<Long, Deadline> next = new HashMap<>();
    entityManager.createQuery("""
        select d from Deadline d where d.caseId in :ids and d.unfinishedDueAt is not null
        order by d.unfinishedDueAt desc""", Deadline.class).setParameter("ids", caseIds).getResultList()
        .forEach(d -> next.put(d.getCaseId(), d)); // the last put, the earliest due, wins
    return next;
  }

  private Map<String, String> coachNames(List<CaseFacts> cases) {
    return coachNames(cases.stream().map(CaseFacts::coach).filter(Objects::nonNull).collect(Collectors.toSet()));
  }

  /** The coaches' names as staff see them ("Anna Lind"), by user id. */
  Map<String, String> coachNames(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(User::getId, CaseSummaries::name, (a, b) -> a));
  }

  static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }
}
