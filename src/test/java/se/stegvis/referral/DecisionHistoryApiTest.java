package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.access.AccessMatrix;
import se.stegvis.access.Action;
import se.stegvis.access.Relation;
import se.stegvis.access.Role;
import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

/**
 * Finding 9 of issue 16: the working group's read of a case ends with its decision, except its own
 * decision history (the access matrix's "beslutat av min grupp"): the referral summary it decided
 * on and the decision, per case and as a list, each read in the audit log; nothing else of the case.
 */
@AlsoOnPostgres
@DisplayName("Beslutshistorik: beredningsgruppen läser sina beslut även när ärendet har gått vidare")
class DecisionHistoryApiTest extends ApiTest {

  @Autowired ReferralRepository referralRows;

  @Test
  @DisplayName("matrisen: beslutet läses av beredningsgruppen före och efter beslutet, inte ärendet i övrigt")
  void theMatrixSaysSo() {
    assertThat(AccessMatrix.relations(Role.WORKING_GROUP, Action.READ_DECISION))
        .containsExactlyInAnyOrder(Relation.AWAITING_MY_DECISION, Relation.DECIDED_BY_MY_GROUP);
    assertThat(AccessMatrix.relations(Role.WORKING_GROUP, Action.READ_CASE))
        .containsExactly(Relation.AWAITING_MY_DECISION);
    assertThat(AccessMatrix.relations(Role.REFERRER, Action.READ_DECISION)).isEmpty();
    assertThat(AccessMatrix.relations(Role.PLACEMENT_COORDINATOR, Action.READ_DECISION)).isEmpty();
  }

  @Test
  @DisplayName("efter beslutet: beslut och remissens sammanfattning 200, ärendet 404, loggat; andra 404")
  void theWorkingGroupReadsItsDecisionsAfterwards() throws Exception {
    CaseFile decided = activeCase(LocalDate.now().minusDays(3));
    clockAt(LocalDate.now(), MORNING);
    var referral = referralRows.findByCaseId(decided.getId()).orElseThrow();
    String path = "/api/cases/" + decided.getCaseNumber();

    assertThat(get(path, WORKING_GROUP_MEMBER).statusCode()).isEqualTo(404);
    assertThat(get(path + "/journal", WORKING_GROUP_MEMBER).statusCode()).isEqualTo(404);
    long reads = reads(decided, WORKING_GROUP_MEMBER);

    JsonNode decision = ok(get(path + "/decision", WORKING_GROUP_MEMBER));
    assertThat(decision.path("caseNumber").asText()).isEqualTo(decided.getCaseNumber());
    assertThat(decision.path("decision").asText()).isEqualTo("ACCEPTED");
    assertThat(decision.path("decidedBy").asText()).isEqualTo(WORKING_GROUP_MEMBER);
    assertThat(decision.path("decidedOn").asText()).isEqualTo(referral.getDecidedOn().toString());
    assertThat(decision.path("reason").asText()).isEqualTo(referral.getReason());
    assertThat(decision.path("identityNumber").asText()).endsWith("****");
    assertThat(decision.has("phone")).isFalse();
    assertThat(reads(decided, WORKING_GROUP_MEMBER)).isEqualTo(reads + 1);

    JsonNode list = ok(get("/api/decisions?from=" + LocalDate.now().minusDays(30) + "&to=" + LocalDate.now(),
        WORKING_GROUP_MEMBER));
    assertThat(list.findValuesAsText("caseNumber")).contains(decided.getCaseNumber());
    assertThat(reads(decided, WORKING_GROUP_MEMBER)).isEqualTo(reads + 2);

    for (String outsider : new String[] {OTHER_COACH, COORDINATOR, OTHER_MANAGER}) {
      assertThat(get(path + "/decision", outsider).statusCode()).as(outsider).isEqualTo(404);
      assertThat(ok(get("/api/decisions", outsider)).findValuesAsText("caseNumber")).as(outsider)
          .doesNotContain(decided.getCaseNumber());
    }
    assertThat(get(path + "/decision", REFERRER).statusCode()).isEqualTo(404);
    assertThat(get("/api/decisions", REFERRER).statusCode()).isEqualTo(403);
    assertThat(ok(get(path + "/decision", COACH)).path("decision").asText()).isEqualTo("ACCEPTED");
    assertThat(ok(get(path + "/decision", MANAGER)).path("decision").asText()).isEqualTo("ACCEPTED");
  }

  @Test
  @DisplayName("en remiss som väntar på beslut: beredningsgruppen läser den, utan beslut ännu")
  void aReferralAwaitingTheDecision() throws Exception {
    CaseFile referred = referOn(LocalDate.now());
    JsonNode waiting = ok(get("/api/cases/" + referred.getCaseNumber() + "/decision", WORKING_GROUP_MEMBER));
    assertThat(waiting.path("decision").isNull()).isTrue();
    assertThat(get("/api/decisions?from=2030-01-02&to=2030-01-01", WORKING_GROUP_MEMBER).statusCode())
        .isEqualTo(400);
  }

  @Test
  @DisplayName("skyddade personuppgifter: inte heller beslutet når beredningsgruppen")
  void aProtectedIdentityStaysHidden() throws Exception {
    Map<String, Object> form = newPersonReferral(LocalDate.now().minusDays(5));
    form.put("protectedIdentity", true);
    clockAt(LocalDate.now().minusDays(5), MORNING);
    CaseFile c = refer(form);
    completeOn(LocalDate.now().minusDays(2), c, "decideIntake", WORKING_GROUP_MEMBER,
        acceptance(LocalDate.now().minusDays(2)));
    assertThat(get("/api/cases/" + c.getCaseNumber() + "/decision", WORKING_GROUP_MEMBER).statusCode())
        .isEqualTo(404);
    assertThat(ok(get("/api/cases/" + c.getCaseNumber() + "/decision", COACH)).path("decision").asText())
        .isEqualTo("ACCEPTED");
  }

  private long reads(CaseFile c, String user) {
    return jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and user_id = ? and action = 'READ'",
        Long.class, c.getId(), user);
  }
}
