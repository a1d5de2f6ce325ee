package se.stegvis.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.HttpCaseTest;
import se.stegvis.support.TestHttp;

/**
 * A task form refused by Stegvis, submitted as Tasklist does (the webapp's own engine API with the
 * session): 400 with the Swedish message and the wrong field by its key, which the webapps' shared
 * script shows under that field; nothing technical in the answer.
 */
class TasklistFormRefusalTest extends HttpCaseTest {

  @Test
  void aRefusedFieldIsNamedInTheAnswerToTasklist() throws Exception {
    LocalDate started = LocalDate.of(2026, 3, 23);
    CaseFile caseFile = activeCaseOfHttpCoach(started);
    Task task = task(caseFile, "makeActionPlan");
    TestHttp coach = new TestHttp(port);
    assertThat(coach.login("tasklist", HTTP_COACH, PASSWORD).statusCode()).isEqualTo(200);
    Map<String, Object> variables = new LinkedHashMap<>();
    actionPlan(started.plusYears(2)).forEach((key, value) -> variables.put(key, Map.of("value", value)));

    HttpResponse<String> answer = coach.sessionPost("/camunda/api/engine/engine/default/task/" + task.getId()
        + "/submit-form", json.writeValueAsString(Map.of("variables", variables)));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("fields").path("madeOn").asText()).startsWith("Planen upprättad: kan inte ligga i framtiden");
    assertThat(problem.path("message").asText()).doesNotContain("Exception", "ENGINE-", task.getId());
    assertThat(task(caseFile, "makeActionPlan")).as("the task stays open").isNotNull();
  }
}
