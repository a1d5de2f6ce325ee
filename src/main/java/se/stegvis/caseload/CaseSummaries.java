package se.stegvis.caseload;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineLabels;
import se.stegvis.time.EngineClock;

/**
 * Turns cases into {@link CaseSummary} rows with two more queries for the whole list, not per
 * case: each case's next undone step (its earliest open or missed deadline) and the coaches' names.
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

  List<CaseSummary> of(List<CaseFile> cases) {
    if (cases.isEmpty()) {
      return List.of();
    }
    LocalDate today = clock.today();
    Map<Long, Deadline> next = nextSteps(cases.stream().map(CaseFile::getId).toList());
    Map<String, String> coaches = coachNames(cases.stream().map(CaseFile::getCoach).filter(c -> c != null)
        .collect(Collectors.toSet()));
    Map<String, String> labels = deadlineLabels.all();
    return cases.stream().map(c -> summary(c, next.get(c.getId()), coaches, labels, today)).toList();
  }

  private CaseSummary summary(CaseFile c, Deadline next, Map<String, String> coaches, Map<String, String> labels,
      LocalDate today) {
    var person = c.getParticipant();
    LocalDate due = next == null ? null : EngineClock.toDay(Date.from(next.getDueAt()));
    LocalDate supportEnds = c.getExitedOn() == null ? today : c.getExitedOn();
    return new CaseSummary(c.getCaseNumber(),
        person.fullName(),
        person.isProtectedIdentity(), c.getProject().getCode(), c.getProject().getName(), c.getPhase().name(),
        c.getPhase().label(), CaseStatus.of(c.getPhase()).parameter(), c.getCoach(),
        c.getCoach() == null ? null : coaches.getOrDefault(c.getCoach(), c.getCoach()),
        next == null ? null : labels.getOrDefault(next.getKind(), next.getKind()), due,
        due == null ? null : (int) ChronoUnit.DAYS.between(today, due), c.getReferredOn(), c.getStartedOn(),
        c.getExitedOn(),
        c.getStartedOn() == null ? null : (int) ChronoUnit.DAYS.between(c.getStartedOn(), supportEnds));
  }

  /** The earliest undone deadline of each case. */
  private Map<Long, Deadline> nextSteps(List<Long> caseIds) {
    Map<Long, Deadline> next = new HashMap<>();
    for (int from = 0; from < caseIds.size(); from += 1000) {
      List<Long> slice = caseIds.subList(from, Math.min(caseIds.size(), from + 1000));
      entityManager.createQuery("""
          select d from Deadline d where d.caseId in :ids and d.unfinishedDueAt is not null
          order by d.unfinishedDueAt desc""", Deadline.class).setParameter("ids", slice).getResultList()
          .forEach(d -> next.put(d.getCaseId(), d)); // the last put, the earliest due, wins
    }
    return next;
  }

  private Map<String, String> coachNames(Collection<String> userIds) {
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
