package se.stegvis.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.retention.AnonymousCases;

/**
 * Reads the case data the reports count, limited to the cases the viewer may see
 * ({@link CaseAccess#canSee}) and optionally to one project. One query returns one row per case
 * with the few columns the tables need (dates, gender, birth date, referring party, decision), so
 * no case's object graph is loaded; the visibility rule is applied to each row's case.
 */
@Component
class ReportCases {

  /** One case as the reports see it. */
  record CaseRow(Long caseId, String projectCode, String projectName, Integer plannedPerYear,
      boolean individualLevel, Long participantId, String gender, LocalDate birthDate, String party,
      String decision, LocalDate referredOn, LocalDate decidedOn, LocalDate startedOn, LocalDate exitedOn) {

    boolean activeIn(LocalDate first, LocalDate last) {
      return startedOn != null && !startedOn.isAfter(last) && (exitedOn == null || !exitedOn.isBefore(first));
    }

    /** Age is counted on the start day; for someone who has not started, on the referral day. */
    AgeBand ageBand() {
      return AgeBand.of(birthDate, startedOn != null ? startedOn : referredOn);
    }
  }

  /** One deadline due in the period. */
  record DeadlineRow(Long caseId, String kind, DeadlineState state, java.time.Instant dueAt) {
  }

  private final EntityManager entityManager;
  private final CaseAccess access;
  private final AnonymousCases anonymousCases;

  ReportCases(EntityManager entityManager, CaseAccess access, AnonymousCases anonymousCases) {
    this.entityManager = entityManager;
    this.access = access;
    this.anonymousCases = anonymousCases;
  }

  /**
   * The cases that any table of the period may count: referred on or before its last day, not
   * exited before its first day, and referred, decided or started at all within reach of it.
   */
  List<CaseRow> cases(String projectCode, ReportPeriod period) {
    var viewer = access.viewer();
    var query = entityManager.createQuery("""
        select c, p.id, p.gender, p.birthDate, r.party, r.decision, r.decidedOn
        from CaseFile c join fetch c.project pr join c.participant p, Referral r
        where r.caseId = c.id and c.referredOn <= :to and (c.exitedOn is null or c.exitedOn >= :from)
          and (c.referredOn >= :from or c.startedOn is not null or r.decidedOn >= :from)
        """ + (projectCode == null ? "" : " and pr.code = :project"), Object[].class)
        .setParameter("from", period.from()).setParameter("to", period.to());
    if (projectCode != null) {
      query.setParameter("project", projectCode);
    }
    List<CaseRow> living = query.getResultList().stream()
        .filter(row -> access.canSee(viewer, (CaseFile) row[0]))
        .map(row -> {
          CaseFile c = (CaseFile) row[0];
          Project project = c.getProject();
          return new CaseRow(c.getId(), project.getCode(), project.getName(), project.getPlannedParticipantsPerYear(),
              project.isIndividualLevel(), (Long) row[1], (String) row[2], (LocalDate) row[3], (String) row[4],
              (String) row[5], c.getReferredOn(), (LocalDate) row[6], c.getStartedOn(), c.getExitedOn());
        })
        .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    // Cases deleted by gallring still count, as the anonymous rows it left (issue 7).
    anonymousCases.inReach(projectCode, period.from(), period.to()).forEach(a -> living.add(deleted(a)));
    return living;
  }

  /**
   * A deleted case as a row: negative ids (each counts as one person), and a birth date that gives
   * the age recorded on the counted day, so the age band comes out as before.
   */
  private static CaseRow deleted(AnonymousCases.AnonymousCase a) {
    LocalDate countedOn = a.startedOn() != null ? a.startedOn() : a.referredOn();
    return new CaseRow(-a.id(), a.projectCode(), a.projectName(), a.plannedPerYear(), a.individualLevel(), -a.id(),
        a.gender(), a.ageAtStart() == null ? null : countedOn.minusYears(a.ageAtStart()), a.party(), a.decision(),
        a.referredOn(), a.decidedOn(), a.startedOn(), a.exitedOn());
  }

  /** The deadlines due in the period, of the cases the viewer may see. */
  List<DeadlineRow> deadlines(String projectCode, ReportPeriod period) {
    var viewer = access.viewer();
    String projectCondition = projectCode == null ? "" : " and pr.code = :project";
    var cases = entityManager.createQuery("""
        select c from CaseFile c join fetch c.project pr
        where exists (select 1 from Deadline d where d.caseId = c.id and d.dueAt >= :start and d.dueAt < :end)
        """ + projectCondition, CaseFile.class);
    var deadlines = entityManager.createQuery("""
        select d.caseId, d.kind, d.state, d.dueAt from Deadline d, CaseFile c join c.project pr
        where c.id = d.caseId and d.dueAt >= :start and d.dueAt < :end
        """ + projectCondition, Object[].class);
    for (var query : List.of(cases, deadlines)) {
      query.setParameter("start", period.start()).setParameter("end", period.end());
      if (projectCode != null) {
        query.setParameter("project", projectCode);
      }
    }
    Map<Long, Boolean> visible = new java.util.HashMap<>();
    for (CaseFile c : cases.getResultList()) {
      visible.put(c.getId(), access.canSee(viewer, c));
    }
    return deadlines.getResultList().stream()
        .filter(row -> visible.getOrDefault((Long) row[0], false))
        .map(row -> new DeadlineRow((Long) row[0], (String) row[1], (DeadlineState) row[2], (java.time.Instant) row[3]))
        .toList();
  }

  /** The project with the code, if there is one. */
  java.util.Optional<Project> project(String code) {
    return entityManager.createQuery("select p from Project p where p.code = :code", Project.class)
        .setParameter("code", code).getResultList().stream().findFirst();
  }
}
