package se.stegvis.caseload;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;

/**
 * "Mina deltagare": a coach's own cases; a manager's, all cases of her projects grouped by coach (or
 * of one project); a placement coordinator's, the cases where she arranges a placement
 * ({@link CaseAccess#caseloadIn}).
 */
@Service
class Caseloads {

  /** How the page shows the list: a manager's grouped by coach. */
  enum View { COACH, MANAGER }

  record Caseload(View view, String status, List<CaseSummary> cases) {
  }

  private final EntityManager entityManager;
  private final CaseAccess access;
  private final CaseSummaries summaries;
  private final AuditLog audit;

  Caseloads(EntityManager entityManager, CaseAccess access, CaseSummaries summaries, AuditLog audit) {
    this.entityManager = entityManager;
    this.access = access;
    this.summaries = summaries;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Caseload of(CaseStatus status, String projectCode) {
    var viewer = access.viewer();
    var condition = access.caseloadIn(viewer, "c", "p");
    var query = entityManager.createQuery("select c from CaseFile c join fetch c.participant pa join fetch c.project p "
        + "where c.phase in :phases and " + condition.jpql() + (projectCode == null ? "" : " and p.code = :project")
        + " order by c.coach, pa.searchName, c.caseNumber", CaseFile.class).setParameter("phases", status.phases());
    if (projectCode != null) {
      query.setParameter("project", projectCode);
    }
    condition.bind(query);
    List<CaseFile> cases = query.getResultList();
    audit.read(cases.stream().map(CaseFile::getId).toList(), "Mina deltagare (namn, fas, nästa steg)");
    boolean manager = viewer.groups().contains(Groups.MANAGERS) || viewer.isAdministrator()
        || cases.stream().anyMatch(c -> viewer.groups().contains(c.getProject().getManagerGroup()));
    List<CaseSummary> rows = summaries.of(cases);
    if (manager) {
      rows = rows.stream().sorted(Comparator.comparing((CaseSummary s) -> s.coachName() == null ? "" : s.coachName())
          .thenComparing(CaseSummary::name)).toList();
    }
    return new Caseload(manager ? View.MANAGER : View.COACH, status.parameter(), rows);
  }
}
