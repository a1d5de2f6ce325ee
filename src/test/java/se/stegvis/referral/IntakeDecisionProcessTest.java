package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CasePhase;
import se.stegvis.casefile.NotificationRepository;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

/**
 * "Besluta om insats" validated on the server, through the engine: a refused decision is
 * answered in Swedish and changes nothing, the task stays with the working group.
 */
@DisplayName("Beslut om insats: kontroller på servern")
@AlsoOnPostgres
class IntakeDecisionProcessTest extends CaseProcessTest {

  static final LocalDate REFERRED = LocalDate.of(2026, 6, 1);
  static final LocalDate TODAY = REFERRED.plusDays(2);

  @Autowired ReferralRepository referralRepository;
  @Autowired NotificationRepository notifications;

  static Stream<Arguments> refusals() {
    return Stream.of(
        refusal("antagen utan coach", f -> f.remove("coach"), "Coach: måste fyllas i."),
        refusal("coach som inte är med i gruppen coach", f -> f.put("coach", WORKING_GROUP_MEMBER),
            "Coach: \"berit\" är inte en coach i Stegvis."),
        refusal("beslutsdatum före remissdatum", f -> f.put("decidedOn", REFERRED.minusDays(1).toString()),
            "Beslutsdatum: kan inte vara före remissdatum (2026-06-01)."),
        refusal("beslutsdatum i framtiden", f -> f.put("decidedOn", TODAY.plusDays(1).toString()),
            "Beslutsdatum: kan inte ligga i framtiden (2026-06-04)."),
        refusal("beslutsdatum som inte är ett datum", f -> f.put("decidedOn", "3 juni"),
            "Beslutsdatum: ange ett datum som ÅÅÅÅ-MM-DD."),
        refusal("ej målgrupp utan motivering", f -> f.put("decision", "NOT_TARGET_GROUP"),
            "Motivering: måste fyllas i."),
        refusal("annan insats först utan insats", f -> f.put("decision", "OTHER_MEASURE_FIRST"),
            "Vilken insats först: måste fyllas i."),
        refusal("okänt beslut", f -> f.put("decision", "MAYBE"), "Beslut: \"MAYBE\" är inte ett giltigt värde"),
        refusal("flera fel samtidigt", f -> {
          f.remove("coach");
          f.remove("decidedOn");
        }, "Coach: måste fyllas i.", "Beslutsdatum: måste fyllas i."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  @DisplayName("avvisas utan att något ändras")
  void refusedDecisionChangesNothing(String name, Consumer<Map<String, Object>> change, String[] messages) {
    CaseFile c = referOn(REFERRED);
    clockAt(TODAY, MORNING);
    Map<String, Object> form = acceptance(TODAY);
    change.accept(form);

    assertRefused(c, "decideIntake", WORKING_GROUP_MEMBER, form, messages);
    assertThat(instance(c)).isWaitingAtExactly("decideIntake").hasNotPassed("notifyDecision");
    assertThat(referralRepository.findByCaseId(c.getId()).orElseThrow().getDecision()).isNull();
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.REFERRED);
    assertThat(notifications.findByCaseIdOrderByCreatedAt(c.getId())).isEmpty();
    assertThat(runtimeService.getVariables(c.getProcessInstanceId())).doesNotContainKeys("decision", "coach");
  }

  @Test
  @DisplayName("efter ett avvisat beslut går ett korrekt beslut igenom på samma uppgift")
  void aCorrectedDecisionIsAccepted() {
    CaseFile c = referOn(REFERRED);
    clockAt(TODAY, MORNING);
    var withoutCoach = acceptance(TODAY);
    withoutCoach.remove("coach");
    assertRefused(c, "decideIntake", WORKING_GROUP_MEMBER, withoutCoach, "Coach: måste fyllas i.");

    complete(c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(TODAY));
    assertThat(instance(c)).hasPassed("decideIntake", "notifyDecision").isWaitingAtExactly("startParticipation");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.ACCEPTED);
    assertThat(runtimeService.getVariables(c.getProcessInstanceId()))
        .containsEntry("decision", "ACCEPTED").containsEntry("coach", COACH);
    assertThat(notifications.findByCaseIdOrderByCreatedAt(c.getId())).hasSize(2);
  }

  private static Arguments refusal(String name, Consumer<Map<String, Object>> change, String... messages) {
    return Arguments.of(name, change, messages);
  }
}
