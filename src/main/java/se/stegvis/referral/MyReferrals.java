package se.stegvis.referral;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CasePhase;

/**
 * "Mina remisser": the referrals a referrer registered, each with what became of it (received,
 * decided, started, exited) and nothing more: no decision reason, no notes, no deadlines. The name
 * is the one she wrote herself, left out once the person has protected identity.
 */
@Service
class MyReferrals {

  static final int MAX = 200;

  record MyReferral(String caseNumber, String project, String name, LocalDate referredOn, String status,
      String statusLabel, LocalDate statusOn) {
  }

  private final EntityManager entityManager;
  private final AuditLog audit;

  MyReferrals(EntityManager entityManager, AuditLog audit) {
    this.entityManager = entityManager;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<MyReferral> of(String userId) {
    List<Object[]> rows = entityManager.createQuery("""
        select r, c from Referral r, CaseFile c join fetch c.participant join fetch c.project
        where c.id = r.caseId and r.registeredBy = :user order by r.referredOn desc, c.caseNumber desc""", Object[].class)
        .setParameter("user", userId).setMaxResults(MAX).getResultList();
    audit.read(rows.stream().map(row -> ((CaseFile) row[1]).getId()).toList(), "Mina remisser (remissens läge)");
    return rows.stream().map(row -> view((Referral) row[0], (CaseFile) row[1])).toList();
  }

  private static MyReferral view(Referral r, CaseFile c) {
    var person = c.getParticipant();
    String[] status = status(r, c);
    LocalDate on = switch (status[0]) {
      case "RECEIVED" -> r.getReferredOn();
      case "STARTED" -> c.getStartedOn();
      case "EXITED" -> c.getExitedOn();
      default -> r.getDecidedOn();
    };
    return new MyReferral(c.getCaseNumber(), c.getProject().getName(),
        person.isProtectedIdentity() ? null : person.fullName(), r.getReferredOn(), status[0], status[1], on);
  }

  /** The referral's status code and its Swedish label. */
  static String[] status(Referral r, CaseFile c) {
    if (c.getExitedOn() != null) {
      return new String[] {"EXITED", "Deltagandet avslutat"};
    }
    if (c.getStartedOn() != null) {
      return new String[] {"STARTED", "Deltagandet har startat"};
    }
    if (r.getDecision() == null) {
      return new String[] {"RECEIVED", "Mottagen, väntar på beslut"};
    }
    return switch (r.getDecision()) {
      case IntakeDecisionForm.ACCEPTED -> c.getPhase() == CasePhase.CLOSED
          ? new String[] {"ACCEPTED_NOT_STARTED", "Antagen, startade inte"}
          : new String[] {"ACCEPTED", "Beslut: antagen"};
      case IntakeDecisionForm.NOT_TARGET_GROUP -> new String[] {"NOT_TARGET_GROUP", "Beslut: ej målgrupp"};
      case IntakeDecisionForm.OTHER_MEASURE_FIRST -> new String[] {"OTHER_MEASURE_FIRST", "Beslut: annan insats först"};
      case IntakeDecisionForm.WITHDRAWN -> new String[] {"WITHDRAWN", "Remissen återtagen"};
      default -> new String[] {r.getDecision(), r.getDecision()};
    };
  }
}
