package se.stegvis.referral;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.access.Action;
import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.identity.IdentityNumber;

/**
 * The decisions on referrals: the referral as the working group read it (its summary, the person's
 * name and masked identity number) and what was decided. The working group's read of a case ends
 * with its decision, except this: its own decision history ({@link Action#READ_DECISION}, decided
 * by my group, in the access matrix). Coaches and managers read it for the cases they may read.
 * Every decision shown is a read in the audit log.
 */
@Service
class DecisionHistory {

  static final int MAX = 500;

  record Decision(String caseNumber, String project, String name, String identityNumber, LocalDate referredOn,
      String party, String referrerName, String reason, String incomeSource, String timeInSupport,
      String educationLevel, String decision, String decisionLabel, String decisionReason, String otherMeasure,
      LocalDate decidedOn, String decidedBy, String coach) {
  }

  private final EntityManager entityManager;
  private final CaseAccess access;
  private final ReferenceCodes codes;
  private final AuditLog audit;

  DecisionHistory(EntityManager entityManager, CaseAccess access, ReferenceCodes codes, AuditLog audit) {
    this.entityManager = entityManager;
    this.access = access;
    this.codes = codes;
    this.audit = audit;
  }

  /** One case's referral and decision (the API's gate has checked {@link Action#READ_DECISION}). */
  @Transactional(readOnly = true)
  Decision of(String caseNumber) {
    var viewer = access.viewer();
    List<Object[]> rows = entityManager.createQuery("""
        select r, c from Referral r, CaseFile c join fetch c.participant join fetch c.project
        where c.id = r.caseId and c.caseNumber = :number""", Object[].class)
        .setParameter("number", caseNumber).getResultList();
    Object[] row = rows.stream().filter(r -> access.can(viewer, (CaseFile) r[1], Action.READ_DECISION)).findFirst()
        .orElseThrow(VisibleCases.NotVisible::new);
    audit.read(((CaseFile) row[1]).getId(), "Beslut om remissen (beslutshistorik)");
    return view((Referral) row[0], (CaseFile) row[1]);
  }

  /** The decisions taken in the period on the cases whose decision the user may read, latest first. */
  @Transactional(readOnly = true)
  List<Decision> decidedBetween(LocalDate from, LocalDate to) {
    var viewer = access.viewer();
    List<Object[]> rows = entityManager.createQuery("""
        select r, c from Referral r, CaseFile c join fetch c.participant join fetch c.project
        where c.id = r.caseId and r.decidedOn >= :from and r.decidedOn <= :to
        order by r.decidedOn desc, c.caseNumber desc""", Object[].class)
        .setParameter("from", from).setParameter("to", to).getResultList().stream()
        .filter(row -> access.can(viewer, (CaseFile) row[1], Action.READ_DECISION)).limit(MAX).toList();
    audit.read(rows.stream().map(row -> ((CaseFile) row[1]).getId()).toList(), "Beslutshistorik");
    return rows.stream().map(row -> view((Referral) row[0], (CaseFile) row[1])).toList();
  }

  private Decision view(Referral r, CaseFile c) {
    var person = c.getParticipant();
    return new Decision(c.getCaseNumber(), c.getProject().getName(), person.fullName(),
        new IdentityNumber(person.getIdentityNumber(), person.getIdentityKind(), person.getBirthDate()).masked(),
        r.getReferredOn(), codes.label(CodeSet.PARTY, r.getParty()), r.getReferrerName(), r.getReason(),
        label(CodeSet.INCOME_SOURCE, r.getIncomeSource()), label(CodeSet.TIME_IN_SUPPORT, r.getTimeInSupport()),
        label(CodeSet.EDUCATION_LEVEL, r.getEducationLevel()), r.getDecision(),
        label(CodeSet.INTAKE_DECISION, r.getDecision()), r.getDecisionReason(), r.getOtherMeasure(),
        r.getDecidedOn(), r.getDecidedBy(), c.getCoach());
  }

  private String label(CodeSet set, String code) {
    return code == null ? null : codes.label(set, code);
  }
}
