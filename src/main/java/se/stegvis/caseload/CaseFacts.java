package se.stegvis.caseload;

import java.time.Instant;
import java.time.LocalDate;

import se.stegvis.casefile.CasePhase;
import se.stegvis.identity.Participant;

/**
 * What a list row of one case is made of, read in one query for a whole list ({@link #SELECT}):
 * the case, its person's name, its project and when its earliest undone step is due.
 */
record CaseFacts(long id, String caseNumber, String name, boolean protectedIdentity, String projectCode,
    String projectName, CasePhase phase, String coach, LocalDate referredOn, LocalDate startedOn,
    LocalDate exitedOn, Instant nextDueAt) {

  /** The select of every list: aliases c (case), pa (participant) and p (project); a where clause follows. */
  static final String SELECT = "select new se.stegvis.caseload.CaseFacts(c.id, c.caseNumber, pa.firstName, pa.lastName, "
      + "pa.protectedIdentity, p.code, p.name, c.phase, c.coach, c.referredOn, c.startedOn, c.exitedOn, "
      + "(select min(d.unfinishedDueAt) from Deadline d where d.caseId = c.id)) "
      + "from CaseFile c join c.participant pa join c.project p where ";

  /** For {@link #SELECT}: the name as staff see it, first name and last name. */
  CaseFacts(Long id, String caseNumber, String firstName, String lastName, Boolean protectedIdentity,
      String projectCode, String projectName, CasePhase phase, String coach, LocalDate referredOn,
      LocalDate startedOn, LocalDate exitedOn, Instant nextDueAt) {
    this(id, caseNumber, Participant.fullName(firstName, lastName), protectedIdentity,
        projectCode, projectName, phase, coach, referredOn, startedOn, exitedOn, nextDueAt);
  }
}
