package se.stegvis.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.HttpCaseTest;

/**
 * A whole case over HTTP with JSON logging on (ECS): every line is JSON, each request line names
 * the request, the user and the case, and nothing the people typed reaches the log: not the
 * participant's personnummer (in any of its spellings), names, phone or e-mail, nor a free text,
 * also when a request is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class LogContentTest extends HttpCaseTest {

  private static final LocalDate REFERRED = LocalDate.of(2026, 3, 2);
  private static final Set<String> PERSONAL = Set.of("identityNumber", "firstName", "lastName", "phone", "email",
      "referrerName", "referrerEmail", "referrerPhone", "reason", "mappingSummary", "consentPurpose", "goals",
      "activities", "nextStep");

  @Test
  void aWholeCaseLogsNoPersonalDataAndNamesRequestUserAndCase(CapturedOutput output) throws Exception {
    List<String> typed = new ArrayList<>();
    clockAt(REFERRED, MORNING);
    Map<String, Object> referral = newPersonReferral(REFERRED);
    typed.addAll(personalValues(referral));

    HttpResponse<String> registered = send("POST", "/api/referrals", HTTP_ADMIN, referral);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String caseNumber = json.readTree(registered.body()).path("caseNumber").asText();
    assertThat(send("POST", "/api/referrals", HTTP_ADMIN, referral).statusCode()).isEqualTo(409);
    Map<String, Object> wrongCheckDigit = newPersonReferral(REFERRED);
    String identity = (String) wrongCheckDigit.get("identityNumber");
    wrongCheckDigit.put("identityNumber", identity.substring(0, identity.length() - 1)
        + (char) ('0' + (identity.charAt(identity.length() - 1) - '0' + 1) % 10));
    typed.addAll(personalValues(wrongCheckDigit));
    assertThat(send("POST", "/api/referrals", HTTP_ADMIN, wrongCheckDigit).statusCode()).isEqualTo(400);

    CaseFile caseFile = caseFiles.findByCaseNumber(caseNumber).orElseThrow();
    clockAt(REFERRED.plusDays(3), MORNING);
    Map<String, Object> acceptance = acceptance(REFERRED.plusDays(3));
    acceptance.put("coach", HTTP_COACH);
    assertThat(submitTaskForm(task(caseFile, "decideIntake").getId(), HTTP_ADMIN, acceptance).statusCode())
        .isEqualTo(204);
    clockAt(REFERRED.plusDays(7), MORNING);
    Map<String, Object> start = participationStart(REFERRED.plusDays(7));
    typed.addAll(personalValues(start));
    assertThat(submitTaskForm(task(caseFile, "startParticipation").getId(), HTTP_COACH, start).statusCode())
        .isEqualTo(204);

    String note = text("Anteckning: mår dåligt efter skilsmässan");
    typed.add(note);
    HttpResponse<String> written = send("POST", "/api/cases/" + caseNumber + "/journal", HTTP_COACH,
        Map.of("text", note, "occurredOn", REFERRED.plusDays(7).toString()));
    assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
    assertThat(send("GET", "/api/cases/" + caseNumber + "/participant", HTTP_COACH, null).statusCode())
        .isEqualTo(200);

    clockAt(REFERRED.plusDays(12), MORNING);
    Map<String, Object> refusedPlan = actionPlan(REFERRED.plusDays(12));
    refusedPlan.put("madeOn", "2026-02-30");
    typed.addAll(personalValues(refusedPlan));
    String planTask = task(caseFile, "makeActionPlan").getId();
    assertThat(submitTaskForm(planTask, HTTP_COACH, refusedPlan).statusCode()).isBetween(400, 499);
    Map<String, Object> plan = actionPlan(REFERRED.plusDays(12));
    typed.addAll(personalValues(plan));
    assertThat(submitTaskForm(planTask, HTTP_COACH, plan).statusCode()).isEqualTo(204);
    clockAt(REFERRED.plusDays(40), MORNING);
    Map<String, Object> exit = exit(REFERRED.plusDays(40), "WORK");
    typed.addAll(personalValues(exit));
    assertThat(submitTaskForm(task(caseFile, "exitParticipation").getId(), HTTP_COACH, exit).statusCode())
        .isEqualTo(204);

    List<JsonNode> lines = new ArrayList<>();
    for (String line : output.getOut().lines().filter(l -> !l.isBlank()).toList()) {
      // This test runs in a JVM of its own (pom.xml, execution json-logging): every line is its own.
      assertThat(line).as("a JSON line").startsWith("{");
      lines.add(json.readTree(line));
    }
    assertThat(lines).anySatisfy(line -> {
      assertThat(line.path("message").asText()).startsWith("POST /api/cases/" + caseNumber + "/journal 201");
      assertThat(line.path("userId").asText()).isEqualTo(HTTP_COACH);
      assertThat(line.path("caseNumber").asText()).isEqualTo(caseNumber);
      assertThat(line.path("requestId").asText()).isNotBlank();
    });
    assertThat(lines).anySatisfy(line -> {
      assertThat(line.path("message").asText()).startsWith("POST /engine-rest/task/" + planTask + "/submit-form 204");
      assertThat(line.path("userId").asText()).isEqualTo(HTTP_COACH);
    });
    String log = output.getAll();
    assertThat(typed).hasSizeGreaterThanOrEqualTo(15).allSatisfy(value -> assertThat(log).doesNotContain(value));
  }

  /** Every value a person typed that identifies someone or tells of them, in the spellings it could be logged. */
  private static List<String> personalValues(Map<String, Object> form) {
    List<String> values = new ArrayList<>();
    form.forEach((key, value) -> {
      if (value instanceof String text && PERSONAL.contains(key)) {
        values.add(text);
        if (key.equals("identityNumber")) {
          values.add(text.replace("-", ""));
          values.add(text.substring(2));
          values.add(text.substring(2).replace("-", ""));
        }
      }
    });
    return values;
  }
}
