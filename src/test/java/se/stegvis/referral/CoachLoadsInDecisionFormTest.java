package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

/**
 * The coach list of "Besluta om insats" shows each coach's load when the form is opened: a case
 * given to the coach after the task was created counts, through FormService as through the
 * engine REST API that Tasklist calls.
 */
@AlsoOnPostgres
@DisplayName("Besluta om insats: coachernas belastning räknas när formuläret öppnas, inte när uppgiften skapades")
class CoachLoadsInDecisionFormTest extends ApiTest {

  private static final Pattern LOAD = Pattern.compile("Cora Coach – (\\d+) pågående, (\\d+) (?:försenade|försenat)");


  @Test
  @DisplayName("ett ärende som coachen får efter att uppgiften skapades räknas, och ett försenat steg också")
  void aCaseAssignedAfterTheTaskWasCreatedCounts() throws Exception {
    LocalDate today = LocalDate.now();
    String taskId = decisionWaitingSinceYesterday();
    int[] before = load(optionsFromFormService(taskId));
    String stored = taskService.getVariableLocalTyped(taskId, ProcessVariables.COACH_OPTIONS, false)
        .getValue().toString();
    // The task holds the coaches by name; the loads are counted when the form is read, not per referral.
    assertThat(stored).contains("Cora Coach").doesNotContain("pågående");

    // Given to the coach after the referral reached the working group: participation started 20
    // days ago, so its action plan (14 days) is late.
    activeCase(today.minusDays(20));
    clockAt(today, MORNING);

    assertThat(load(optionsFromFormService(taskId))).containsExactly(before[0] + 1, before[1] + 1);
    // As Tasklist asks for them (Camunda Forms reads the JSON as text).
    JsonNode rest = ok(get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false",
        WORKING_GROUP_MEMBER));
    assertThat(rest.path(ProcessVariables.COACH_OPTIONS).path("type").asText()).as(rest.toString()).isEqualTo("Json");
    assertThat(rest.path(ProcessVariables.COACH_OPTIONS).path("value").isTextual()).as(rest.toString()).isTrue();
    assertThat(load(rest.path(ProcessVariables.COACH_OPTIONS).path("value").asText()))
        .containsExactly(before[0] + 1, before[1] + 1);
    // The answer is computed, nothing is written: the task's stored list is as it was.
    assertThat(taskService.getVariableLocalTyped(taskId, ProcessVariables.COACH_OPTIONS, false).getValue()
        .toString()).isEqualTo(stored);
  }

  @Test
  @DisplayName("ett ärende med flera försenade steg räknas en gång; avslutade ärenden räknas inte")
  void aCaseIsCountedOnceAndOnlyWhileOpen() throws Exception {
    LocalDate today = LocalDate.now();
    String taskId = decisionWaitingSinceYesterday();
    int[] before = load(optionsFromFormService(taskId));

    // Participation started 100 days ago: the action plan (14 days) and the first multi-party
    // meeting (2 months) are both late.
    CaseFile late = activeCase(today.minusDays(100));
    exitedCase(today.minusDays(3), "JOB_SEEKING");
    clockAt(today, MORNING);
    assertThat(jdbc.queryForObject("select count(*) from deadline where case_id = ? and unfinished_due_at < ?",
        Integer.class, late.getId(), Timestamp.from(Instant.now())))
        .as("the case has more than one late step").isGreaterThan(1);

    assertThat(load(optionsFromFormService(taskId))).containsExactly(before[0] + 1, before[1] + 1);
  }

  @Test
  @DisplayName("den som inte får läsa uppgiften får ingen lista (motorns egen kontroll gäller först)")
  void othersGetNoList() throws Exception {
    CaseFile waiting = referOn(LocalDate.now());
    String taskId = task(waiting, "decideIntake").getId();
    var refused = get("/engine-rest/task/" + taskId + "/form-variables", OTHER_COACH);
    assertThat(refused.statusCode()).isIn(403, 404);
    assertThat(refused.body()).doesNotContain("pågående");
  }

  /** The working group's decision on a person referred yesterday; the clock this morning. */
  private String decisionWaitingSinceYesterday() {
    LocalDate today = LocalDate.now();
    CaseFile waiting = referOn(today.minusDays(1));
    String taskId = task(waiting, "decideIntake").getId();
    clockAt(today, MORNING);
    return taskId;
  }

  private String optionsFromFormService(String taskId) {
    TypedValue options = formService.getTaskFormVariables(taskId).getValueTyped(ProcessVariables.COACH_OPTIONS);
    return options.getValue().toString();
  }

  /** The coach Cora's open and overdue cases, as her option's label says them. */
  private static int[] load(String options) {
    Matcher m = LOAD.matcher(options);
    assertThat(m.find()).as(options).isTrue();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
