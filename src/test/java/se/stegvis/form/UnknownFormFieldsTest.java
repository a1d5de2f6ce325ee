package se.stegvis.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;
import se.stegvis.support.TestHttp;

/**
 * A value that the submitted form has no field for is refused (400, a Swedish message naming it),
 * not silently dropped, and nothing of the submission is kept: through the engine REST API
 * ({@code /engine-rest}, other systems and Modeler) and through the webapps' own engine API
 * ({@code /camunda/api/engine}, Tasklist), for task forms and the referral start form. The same
 * form without the stray value is then taken.
 */
@AlsoOnPostgres
@DisplayName("Formulär: uppgifter som formuläret inte har fält för avvisas, inget sparas")
class UnknownFormFieldsTest extends ApiTest {

  private static final String STRAY = "internNotering";

  private static Map<String, Object> variables(Map<String, Object> form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  private static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(form);
    copy.put(key, value);
    return copy;
  }

  private void assertRefusedAndNothingKept(HttpResponse<String> answer, CaseFile c, String taskKey,
      long changesBefore, String... names) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("message").asText()).contains("inte hör till det", "Inget har sparats")
        .doesNotContain("Exception", "ENGINE-");
    for (String name : names) {
      assertThat(body.path("message").asText()).contains(name);
    }
    assertThat(task(c, taskKey)).as("the task stays open").isNotNull();
    assertThat(changes(c)).as("no change written to the audit log").isEqualTo(changesBefore);
    for (String name : names) {
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(c.getProcessInstanceId())
          .variableName(name).count()).as("the stray value %s never reached the engine", name).isZero();
    }
  }

  /** The parties present, a list, go as JSON in Tasklist; left out here (the field is optional). */
  private static Map<String, Object> withoutParties(Map<String, Object> form) {
    form.remove("partiesPresent");
    return form;
  }

  private long changes(CaseFile c) {
    return jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'CHANGE'",
        Long.class, c.getId());
  }

  @Test
  @DisplayName("engine REST: handlingsplan, avslut och beslut om insats med okända fält avvisas")
  void engineRestRefusesUnknownFieldsOfTaskForms() throws Exception {
    LocalDate started = LocalDate.now().minusDays(5);
    CaseFile c = activeCase(started);
    clockAt(LocalDate.now(), MORNING);

    Task plan = task(c, "makeActionPlan");
    long changes = changes(c);
    var refused = send("POST", "/engine-rest/task/" + plan.getId() + "/submit-form",
        variables(with(actionPlan(started), STRAY, "Skriv in mig i ärendet")), COACH);
    assertRefusedAndNothingKept(refused, c, "makeActionPlan", changes, STRAY);
    assertThat(jdbc.queryForObject("select count(*) from action_plan where case_id = ?", Long.class, c.getId()))
        .isZero();
    var complete = send("POST", "/engine-rest/task/" + plan.getId() + "/complete",
        variables(with(with(actionPlan(started), "a", 1), "b", true)), COACH);
    assertRefusedAndNothingKept(complete, c, "makeActionPlan", changes, "a", "b");
    assertThat(send("POST", "/engine-rest/task/" + plan.getId() + "/submit-form", variables(actionPlan(started)),
        COACH).statusCode()).as("the form as it is").isEqualTo(204);

    Task exit = task(c, "exitParticipation");
    changes = changes(c);
    var exitRefused = send("POST", "/engine-rest/task/" + exit.getId() + "/submit-form",
        variables(with(exit(LocalDate.now(), "WORK"), "exitOutcome", "WORK")), COACH);
    assertRefusedAndNothingKept(exitRefused, c, "exitParticipation", changes, "exitOutcome");
    assertThat(reload(c).getPhase()).isEqualTo(se.stegvis.casefile.CasePhase.ACTIVE);

    CaseFile referred = referOn(LocalDate.now());
    Task decide = task(referred, "decideIntake");
    changes = changes(referred);
    var decision = send("POST", "/engine-rest/task/" + decide.getId() + "/submit-form",
        variables(with(acceptance(LocalDate.now()), "priority", "HIGH")), WORKING_GROUP_MEMBER);
    assertRefusedAndNothingKept(decision, referred, "decideIntake", changes, "priority");
    assertThat(reload(referred).getCoach()).isNull();
  }

  @Test
  @DisplayName("engine REST: remissens startformulär med okända fält avvisas och inget ärende skapas")
  void engineRestRefusesUnknownFieldsOfTheStartForm() throws Exception {
    long cases = caseFiles.count();
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("participant-case").count();
    var answer = send("POST", "/engine-rest/process-definition/key/participant-case/submit-form",
        variables(with(newPersonReferral(LocalDate.now()), "diagnos", "F32")), REFERRER);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText()).contains("diagnos", "Inget har sparats");
    assertThat(caseFiles.count()).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("participant-case").count())
        .isEqualTo(instances);
  }

  @Test
  @DisplayName("Tasklist (webbappens motor-API): möte och handlingsplan med okända fält avvisas, formuläret som det är tas emot")
  void tasklistRefusesUnknownFields() throws Exception {
    LocalDate started = LocalDate.now().minusDays(5);
    CaseFile c = activeCase(started);
    clockAt(LocalDate.now(), MORNING);
    TestHttp coach = new TestHttp(port);
    assertThat(coach.login("tasklist", COACH, PASSWORD).statusCode()).isEqualTo(200);
    String engine = "/camunda/api/engine/engine/default/task/";

    Task plan = task(c, "makeActionPlan");
    long changes = changes(c);
    var refused = coach.sessionPost(engine + plan.getId() + "/submit-form",
        json.writeValueAsString(variables(with(actionPlan(started), "<img src=x>", "x"))));
    assertRefusedAndNothingKept(refused, c, "makeActionPlan", changes);
    assertThat(json.readTree(refused.body()).path("message").asText()).doesNotContain("<img");
    assertThat(coach.sessionPost(engine + plan.getId() + "/submit-form",
        json.writeValueAsString(variables(actionPlan(started)))).statusCode()).isEqualTo(204);

    Task meeting = task(c, "holdMeeting");
    changes = changes(c);
    var meetingRefused = coach.sessionPost(engine + meeting.getId() + "/submit-form", json.writeValueAsString(
        variables(with(withoutParties(meeting(LocalDate.now())), "diagnosis", "F32"))));
    assertRefusedAndNothingKept(meetingRefused, c, "holdMeeting", changes, "diagnosis");
    assertThat(jdbc.queryForObject("select count(*) from meeting where case_id = ?", Long.class, c.getId())).isZero();
  }
}
