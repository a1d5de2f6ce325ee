package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.ApiTest;

@DisplayName("Remittenten: kvitto med ärendenummer och Mina remisser med läge, inget mer")
class MyReferralsApiTest extends ApiTest {

  @Test
  @DisplayName("svaret på en remiss är ett kvitto med ärendenumret; Mina remisser följer den från mottagen till startad")
  void referrerFollowsHerReferral() throws Exception {
    LocalDate referred = LocalDate.now().minusDays(10);
    clockAt(referred, MORNING);
    var form = newPersonReferral(referred);
    JsonNode registered = ok(send("POST", "/api/referrals", form, REFERRER));
    String caseNumber = registered.path("caseNumber").asText();
    assertThat(registered.path("receipt").asText()).contains("ärendenummer " + caseNumber);

    JsonNode received = mine(REFERRER, caseNumber);
    assertThat(received.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(received.path("statusLabel").asText()).isEqualTo("Mottagen, väntar på beslut");
    assertThat(received.path("name").asText()).isEqualTo(form.get("firstName") + " " + form.get("lastName"));
    List<String> fields = new ArrayList<>();
    received.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("caseNumber", "project", "name", "referredOn", "status",
        "statusLabel", "statusOn");

    CaseFile c = caseFiles.findByCaseNumber(caseNumber).orElseThrow();
    completeOn(referred.plusDays(3), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(3)));
    assertThat(mine(REFERRER, caseNumber).path("status").asText()).isEqualTo("ACCEPTED");
    completeOn(referred.plusDays(7), c, "startParticipation", COACH, participationStart(referred.plusDays(7)));
    JsonNode started = mine(REFERRER, caseNumber);
    assertThat(started.path("statusLabel").asText()).isEqualTo("Deltagandet har startat");
    assertThat(started.path("statusOn").asText()).isEqualTo(referred.plusDays(7).toString());

    assertThat(list(COACH)).noneMatch(r -> r.path("caseNumber").asText().equals(caseNumber));
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_number = ? and user_id = ? "
        + "and resource like 'Mina remisser%'", Integer.class, caseNumber, REFERRER)).isEqualTo(3);
  }

  @Test
  @DisplayName("ej målgrupp syns som beslut, utan beslutets motivering")
  void notTargetGroupShowsAsDecision() throws Exception {
    LocalDate referred = LocalDate.now().minusDays(5);
    clockAt(referred, MORNING);
    String caseNumber = ok(send("POST", "/api/referrals", newPersonReferral(referred), REFERRER))
        .path("caseNumber").asText();
    CaseFile c = caseFiles.findByCaseNumber(caseNumber).orElseThrow();
    completeOn(referred.plusDays(2), c, "decideIntake", WORKING_GROUP_MEMBER, form("decision", "NOT_TARGET_GROUP",
        "reason", "Behovet gäller bara studievägledning", "decidedOn", referred.plusDays(2).toString()));
    JsonNode decided = mine(REFERRER, caseNumber);
    assertThat(decided.path("statusLabel").asText()).isEqualTo("Beslut: ej målgrupp");
    assertThat(decided.toString()).doesNotContain("studievägledning");
  }

  private List<JsonNode> list(String user) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    ok(get("/api/referrals/mine", user)).forEach(rows::add);
    return rows;
  }

  private JsonNode mine(String user, String caseNumber) throws Exception {
    return list(user).stream().filter(r -> r.path("caseNumber").asText().equals(caseNumber)).findFirst()
        .orElseThrow(() -> new AssertionError(caseNumber + " not in Mina remisser of " + user));
  }
}
