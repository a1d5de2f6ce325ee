package se.stegvis.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.stegvis.support.CaseProcessTest;

class SmokeTest extends CaseProcessTest {

  @Test
  void happyPath() {
    LocalDate d = LocalDate.of(2026, 1, 31);
    clockAt(d, LocalTime.of(10, 0));
    CaseFile c = refer(referralForm("19640823-3234", d));
    assertThat(task(c, "decideIntake")).isNotNull();
    complete(c, "decideIntake", WORKING_GROUP_MEMBER, Map.of("decision", "ACCEPTED", "coach", COACH, "decidedOn", d.toString()));
    complete(c, "startParticipation", COACH, Map.of("outcome", "STARTED", "firstMeetingOn", d.toString(),
        "mappingSummary", "x", "agreementSignedOn", d.toString(), "startedOn", d.toString(),
        "consentParties", List.of("AF"), "consentCategories", List.of("HEALTH"), "consentDirections", List.of("OBTAIN"),
        "consentPurpose", "p", "consentGivenOn", d.toString()));
    assertThat(task(c, "makeActionPlan").getDueDate().toString()).contains("Feb 14 23:59:59");
    clockAt(d.plusDays(15), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers()).isEqualTo(1);
    assertThat(task(c, "makeActionPlan").getPriority()).isEqualTo(100);
    complete(c, "exitParticipation", COACH, Map.of("exitedOn", d.plusDays(15).toString(), "outcome", "WORK",
        "incomeSource", "SALARY", "extentPercent", 100, "receivingParty", "EMPLOYER", "nextStep", "n"));
    assertThat(task(c, "makeActionPlan")).isNull();
  }
}
