package se.stegvis.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Skyddade personuppgifter: bara coachen och projektledaren ser ärendet och kontaktuppgifterna")
@AlsoOnPostgres
class ProtectedIdentityTest extends ApiTest {

  @Test
  @DisplayName("flaggan från remissen: beredningsgrupp, annan coach, praktiksamordnare och administratör ser inget")
  void aProtectedCaseIsSeenOnlyByItsCoachAndManager() throws Exception {
    var referral = newPersonReferral(LocalDate.now().minusDays(12));
    referral.put("protectedIdentity", true);
    clockAt(LocalDate.now().minusDays(12), MORNING);
    CaseFile c = refer(referral);
    String intake = task(c, "decideIntake").getId();
    assertThat(get("/api/cases/by-task/" + intake, WORKING_GROUP_MEMBER).statusCode())
        .as("the working group sees the task, not the case (404, as for a task that does not exist)").isEqualTo(404);
    completeOn(LocalDate.now().minusDays(10), c, "decideIntake", WORKING_GROUP_MEMBER,
        acceptance(LocalDate.now().minusDays(10)));
    completeOn(LocalDate.now().minusDays(9), c, "startParticipation", COACH,
        participationStart(LocalDate.now().minusDays(9)));
    String plan = task(c, "makeActionPlan").getId();
    String participant = "/api/cases/" + c.getCaseNumber() + "/participant";
    String placements = "/api/cases/" + c.getCaseNumber() + "/placements";

    for (String outsider : new String[] {WORKING_GROUP_MEMBER, OTHER_COACH, COORDINATOR, ADMIN, REFERRER,
        OTHER_MANAGER}) {
      var overview = get("/api/cases/by-task/" + plan, outsider);
      assertThat(overview.statusCode()).as("%s reads the overview", outsider).isEqualTo(outsider.equals(REFERRER) ? 403 : 404);
      assertThat(overview.body()).doesNotContain((String) referral.get("lastName"),
          (String) referral.get("phone"), (String) referral.get("email"));
      assertThat(get(participant, outsider).statusCode()).as("%s opens the record", outsider).isEqualTo(404);
      assertThat(get(placements, outsider).statusCode()).as("%s reads placements", outsider).isEqualTo(404);
      assertThat(get("/api/deadlines/overdue", outsider).body()).as("%s in Cockpit", outsider)
          .doesNotContain(c.getCaseNumber());
    }

    for (String insider : new String[] {COACH, MANAGER}) {
      assertThat(ok(get("/api/cases/by-task/" + plan, insider)).path("caseNumber").asText())
          .isEqualTo(c.getCaseNumber());
      var record = ok(get(participant, insider));
      assertThat(record.path("protectedIdentity").asBoolean()).isTrue();
      assertThat(record.path("phone").asText()).isEqualTo(referral.get("phone"));
    }
  }

  @Test
  @DisplayName("personalen sätter och tar bort flaggan via API:t; en remittent får inte, och ett felaktigt värde avvisas")
  void staffSetTheFlag() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(4));
    String path = "/api/cases/" + c.getCaseNumber() + "/participant/protected-identity";
    String plan = task(c, "makeActionPlan").getId();
    assertThat(ok(get("/api/cases/by-task/" + plan, ADMIN)).path("caseNumber").asText()).isEqualTo(c.getCaseNumber());

    assertThat(send("PUT", path, Map.of("protectedIdentity", true), OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(send("PUT", path, Map.of("protectedIdentity", "ja"), COACH).statusCode()).isEqualTo(400);
    assertThat(flag(c)).isFalse();

    assertThat(ok(send("PUT", path, Map.of("protectedIdentity", true), COACH)).path("protectedIdentity").asBoolean())
        .isTrue();
    assertThat(flag(c)).isTrue();
    assertThat(get("/api/cases/by-task/" + plan, ADMIN).statusCode()).isEqualTo(404);
    assertThat(send("PUT", path, Map.of("protectedIdentity", false), ADMIN).statusCode())
        .as("the administrator no longer sees the case").isEqualTo(404);
    assertThat(flag(c)).isTrue();
    assertThat(jdbc.queryForList("select resource from audit_entry where case_id = ? and action = 'CHANGE'",
        String.class, c.getId())).contains("Skyddade personuppgifter markerade");

    ok(send("PUT", path, Map.of("protectedIdentity", false), MANAGER));
    assertThat(flag(c)).isFalse();
    assertThat(get("/api/cases/by-task/" + plan, ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("en remittent kan inte sätta flaggan på ett ärende den inte ser, och en ny remiss tar aldrig bort den")
  void aLaterReferralNeverLiftsTheFlag() throws Exception {
    var referral = newPersonReferral(LocalDate.now().minusDays(30));
    referral.put("protectedIdentity", true);
    clockAt(LocalDate.now().minusDays(30), MORNING);
    CaseFile first = refer(referral);
    completeOn(LocalDate.now().minusDays(29), first, "decideIntake", WORKING_GROUP_MEMBER,
        form("decision", "NOT_TARGET_GROUP", "reason", text("Inte målgrupp"), "decidedOn",
            LocalDate.now().minusDays(29).toString()));
    referral.put("protectedIdentity", false);
    referral.put("referredOn", LocalDate.now().minusDays(2).toString());
    clockAt(LocalDate.now().minusDays(2), MORNING);
    CaseFile second = refer(referral);
    assertThat(flag(second)).isTrue();
    assertThat(send("PUT", "/api/cases/" + second.getCaseNumber() + "/participant/protected-identity",
        Map.of("protectedIdentity", false), REFERRER).statusCode()).isEqualTo(404);
    assertThat(flag(second)).isTrue();
  }

  private boolean flag(CaseFile c) {
    return jdbc.queryForObject("select p.protected_identity from participant p join case_file c "
        + "on c.participant_id = p.id where c.id = ?", Boolean.class, c.getId());
  }
}
