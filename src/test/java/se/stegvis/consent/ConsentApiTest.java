package se.stegvis.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CasePhase;
import se.stegvis.casefile.Notification;
import se.stegvis.casefile.NotificationRepository;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.exit.CaseExitRepository;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Samtycke: per part och kategori; återkallat samtycke stoppar informationsdelning och avbryter samarbetet")
@AlsoOnPostgres
class ConsentApiTest extends ApiTest {

  @Autowired ConsentRepository consents;
  @Autowired CaseExitRepository exits;
  @Autowired NotificationRepository notifications;

  @Test
  @DisplayName("registrera samtycke: felaktig part eller kategori avvisas utan att något sparas; andra coacher ser inget")
  void consentIsRecordedPerPartyAndCategory() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(10));
    clockAt(LocalDate.now(), MORNING);
    String path = "/api/cases/" + c.getCaseNumber() + "/consents";
    int before = consents.findByCaseId(c.getId()).size();

    var refused = send("POST", path, Map.of("party", "POLISEN", "category", "HEALTH", "direction", "OBTAIN",
        "purpose", "Samordning", "givenOn", LocalDate.now().toString()), COACH);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("errors").get(0).asText()).startsWith("Part:");
    assertThat(send("POST", path, Map.of("party", "FK", "category", "HEALTH", "direction", "OBTAIN",
        "purpose", "Samordning", "givenOn", LocalDate.now().toString()), OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(consents.findByCaseId(c.getId())).hasSize(before);

    var given = ok(send("POST", path, Map.of("party", "FK", "category", "HEALTH", "direction", "DISCLOSE",
        "purpose", "Underlag för rehabilitering", "givenOn", LocalDate.now().toString()), COACH));
    assertThat(given.path("partyLabel").asText()).isEqualTo("Försäkringskassan");
    assertThat(given.path("categoryLabel").asText()).isEqualTo("Fysisk och psykisk hälsa");
    assertThat(consents.findByCaseId(c.getId())).hasSize(before + 1);
    assertThat(ok(get(path, COACH))).hasSize(before + 1);
    assertThat(get(path, OTHER_COACH).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("återkallat sista samtycke under deltagandet: avslut som Avbrutit, öppna steg avbryts; en tidsfrist vars dag passerat före avslutet missas (MISSED), övriga avbryts (CANCELLED), daterade avslutsdagen")
  void withdrawingTheLastConsentEndsParticipation() throws Exception {
    LocalDate started = LocalDate.now().minusDays(20);
    CaseFile c = activeCase(started);
    String path = "/api/cases/" + c.getCaseNumber() + "/consents";
    var all = consents.findByCaseId(c.getId());
    assertThat(all).hasSize(4);
    clockAt(LocalDate.now(), MORNING);

    for (int i = 0; i < all.size(); i++) {
      var answer = ok(send("POST", path + "/" + all.get(i).getId() + "/withdrawal",
          Map.of("withdrawnOn", LocalDate.now().toString()), COACH));
      boolean last = i == all.size() - 1;
      assertThat(answer.path("jointWorkEnded").asBoolean()).isEqualTo(last);
      assertThat(reload(c).getPhase()).isEqualTo(last ? CasePhase.EXITED : CasePhase.ACTIVE);
    }
    var again = send("POST", path + "/" + all.get(0).getId() + "/withdrawal",
        Map.of("withdrawnOn", LocalDate.now().toString()), COACH);
    assertThat(again.statusCode()).isEqualTo(400);

    assertThat(instance(c)).hasPassed("participationEnded").isWaitingAtExactly("followUpDue");
    assertThat(taskService.createTaskQuery().processInstanceId(c.getProcessInstanceId()).count()).isZero();
    assertThat(deadlines(c)).filteredOn(d -> !d.getKind().equals("INTAKE_DECISION"))
        .extracting(Deadline::getKind, Deadline::getState).containsExactlyInAnyOrder(
            // The plan was due 14 days after the start, 6 days before the exit: missed.
            // The first meeting and the proposal were due after the exit day: cancelled.
            tuple("PLAN", DeadlineState.MISSED), tuple("MEETING", DeadlineState.CANCELLED),
            tuple("PROPOSAL", DeadlineState.CANCELLED));
    assertThat(deadline(c, "PLAN", 1).dueDay()).isBefore(LocalDate.now());
    assertThat(deadlines(c)).filteredOn(d -> !d.getKind().equals("INTAKE_DECISION")).allSatisfy(d -> {
      assertThat(d.getEndedOn()).as(d.getKind()).isEqualTo(LocalDate.now());
      assertThat(d.getStepOn()).as(d.getKind()).isNull();
      assertThat(d.getState() == DeadlineState.MISSED).as(d.getKind())
          .isEqualTo(d.dueDay().isBefore(LocalDate.now()));
    });
    assertThat(exits.findByCaseId(c.getId())).hasValueSatisfying(e -> {
      assertThat(e.getOutcome()).isEqualTo("DROPPED_OUT");
      assertThat(e.isConsentWithdrawn()).isTrue();
      assertThat(e.getReceivingParty()).isEqualTo("NO_HANDOVER");
      assertThat(e.getExitDate()).isEqualTo(LocalDate.now());
    });
    assertThat(consents.findByCaseId(c.getId())).allSatisfy(k -> assertThat(k.isActive()).isFalse());
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("återkallat före beslut: remittenten får inget besked och ärendet stängs som avbrutet samarbete")
  void withdrawalBeforeTheDecisionStopsTheReferrersNotice() throws Exception {
    CaseFile c = referOn(LocalDate.now().minusDays(3));
    clockAt(LocalDate.now(), MORNING);
    String path = "/api/cases/" + c.getCaseNumber() + "/consents";
    var given = ok(send("POST", path, Map.of("party", "AF", "category", "LABOUR_MARKET", "direction", "DISCLOSE",
        "purpose", "Besked om insatsen", "givenOn", LocalDate.now().minusDays(3).toString()), WORKING_GROUP_MEMBER));
    assertThat(ok(send("POST", path + "/" + given.path("id").asLong() + "/withdrawal",
        Map.of("withdrawnOn", LocalDate.now().toString()), WORKING_GROUP_MEMBER)).path("jointWorkEnded").asBoolean())
        .isTrue();

    assertThat(instance(c)).isNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getProcessInstanceId())
        .singleResult().getEndActivityId()).isEqualTo("referralWithdrawn");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
    assertThat(notifications.findByCaseIdOrderByCreatedAt(c.getId())).extracting(Notification::getRecipient)
        .containsExactly(Notification.Recipient.PERSON);
  }
}
