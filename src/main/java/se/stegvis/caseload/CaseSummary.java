package se.stegvis.caseload;

import java.time.LocalDate;

/**
 * One case in a list (search hits, "Mina deltagare"): who, where in the process, the next undone
 * step and when it is due. {@code dueInDays} is negative when the step is late; labels are Swedish.
 */
public record CaseSummary(String caseNumber, String name, boolean protectedIdentity, String projectCode,
    String projectName, String phase, String phaseLabel, String status, String coach, String coachName,
    String nextStep, LocalDate nextDue, Integer dueInDays, LocalDate referredOn, LocalDate startedOn,
    LocalDate exitedOn, Integer daysInSupport) {

  /** The same row with its next step named. */
  CaseSummary withNextStep(String step) {
    return new CaseSummary(caseNumber, name, protectedIdentity, projectCode, projectName, phase, phaseLabel, status,
        coach, coachName, step, nextDue, dueInDays, referredOn, startedOn, exitedOn, daysInSupport);
  }
}
