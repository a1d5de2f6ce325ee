package se.stegvis.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CasePhase;
import se.stegvis.consent.Consent;
import se.stegvis.consent.ConsentRepository;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

/**
 * "Avsluta deltagande" validated on the server: a refused exit leaves participation running,
 * with plan, meetings and proposal still open and every consent in force.
 */
@DisplayName("Avslut: kontroller på servern")
@AlsoOnPostgres
class ExitProcessTest extends CaseProcessTest {

  static final LocalDate STARTED = LocalDate.of(2026, 6, 15);
  static final LocalDate TODAY = STARTED.plusDays(20);

  @Autowired CaseExitRepository exits;
  @Autowired ConsentRepository consents;

  static Stream<Arguments> refusals() {
    return Stream.of(
        refusal("avslut före start", f -> f.put("exitedOn", STARTED.minusDays(1).toString()),
            "Avslutsdatum: kan inte vara före deltagandets start (2026-06-15)."),
        refusal("avslut i framtiden", f -> f.put("exitedOn", TODAY.plusDays(1).toString()),
            "Avslutsdatum: kan inte ligga i framtiden (2026-07-06)."),
        refusal("omfattning 150 %", f -> f.put("extentPercent", 150),
            "Omfattning arbete/studier i %: ska vara ett heltal mellan 0 och 100."),
        refusal("omfattning 37,5 %", f -> f.put("extentPercent", 37.5),
            "Omfattning arbete/studier i %: ska vara ett heltal mellan 0 och 100."),
        refusal("arbete utan omfattning", f -> f.remove("extentPercent"),
            "Omfattning arbete/studier i %: måste fyllas i."),
        refusal("återkallat samtycke med status Arbete", f -> f.put("consentWithdrawn", true),
            "Status vid avslut: när samtycket återkallas avbryts samverkan, välj \"Avbrutit\"."),
        refusal("nästa steg saknas", f -> f.remove("nextStep"), "Nästa steg / överlämning: måste fyllas i."),
        refusal("enkätsvar 6", f -> f.put("surveySupport", "6"),
            "Jag har fått det stöd jag behövt: ska vara ett heltal mellan 1 och 5."),
        refusal("okänd mottagande part", f -> f.put("receivingParty", "GRANNEN"),
            "Mottagande part: \"GRANNEN\" är inte ett giltigt värde"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  @DisplayName("avvisas och deltagandet fortsätter")
  void refusedExitChangesNothing(String name, Consumer<Map<String, Object>> change, String[] messages) {
    CaseFile c = activeCase(STARTED);
    clockAt(TODAY, MORNING);
    Map<String, Object> form = exit(TODAY, "WORK");
    change.accept(form);

    assertRefused(c, "exitParticipation", COACH, form, messages);
    assertThat(instance(c)).isWaitingAt("makeActionPlan", "holdMeeting", "documentProposal", "exitParticipation")
        .hasNotPassed("participationEnded");
    assertThat(exits.findByCaseId(c.getId())).isEmpty();
    assertThat(consents.findByCaseId(c.getId())).isNotEmpty().allMatch(Consent::isActive);
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.ACTIVE);
    assertThat(runtimeService.getVariables(c.getProcessInstanceId())).doesNotContainKey("exitDate");
  }

  private static Arguments refusal(String name, Consumer<Map<String, Object>> change, String... messages) {
    return Arguments.of(name, change, messages);
  }
}
