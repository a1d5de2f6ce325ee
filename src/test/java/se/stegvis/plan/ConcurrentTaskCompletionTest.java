package se.stegvis.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.AtOnce;
import se.stegvis.support.HttpCaseTest;
import se.stegvis.support.TestHttp;

/**
 * Two users complete the same task at the same moment through the engine REST API (as Tasklist
 * does): exactly one succeeds, the other is told in Swedish that the task was just done by
 * someone else, and the case holds one action plan.
 */
@AlsoOnPostgres
class ConcurrentTaskCompletionTest extends HttpCaseTest {

  static final String SWEDISH_CONFLICT = "(Uppgiften har just ändrats eller slutförts av någon annan"
      + "|Uppgiften finns inte längre|Samma uppgifter sparades just av någon annan).*";

  @Test
  void twoUsersCompletingOneTaskAtOnceLeaveOneActionPlan() throws Exception {
    LocalDate started = LocalDate.of(2026, 3, 2);
    CaseFile caseFile = activeCaseOfHttpCoach(started);
    Task task = task(caseFile, "makeActionPlan");

    List<HttpResponse<String>> answers = AtOnce.run(
        () -> submitTaskForm(task.getId(), HTTP_COACH, actionPlan(started)),
        () -> submitTaskForm(task.getId(), HTTP_ADMIN, actionPlan(started)));

    assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body).toList().toString())
        .containsExactlyInAnyOrder(204, 409);
    HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
    assertThat(json.readTree(refused.body()).path("message").asText()).as(refused.body()).matches(SWEDISH_CONFLICT);
    assertThat(jdbc.queryForObject("select count(*) from action_plan where case_id = ?", Long.class, caseFile.getId()))
        .isEqualTo(1);
    assertThat(task(caseFile, "makeActionPlan")).as("the task is done").isNull();
  }

  @Test
  void completingATaskSomeoneElseJustCompletedIsAClearSwedishConflict() throws Exception {
    LocalDate started = LocalDate.of(2026, 3, 9);
    CaseFile caseFile = activeCaseOfHttpCoach(started);
    Task task = task(caseFile, "makeActionPlan");
    HttpResponse<String> done = submitTaskForm(task.getId(), HTTP_COACH, actionPlan(started));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    HttpResponse<String> late = submitTaskForm(task.getId(), HTTP_ADMIN, actionPlan(started));

    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(json.readTree(late.body()).path("message").asText()).startsWith("Uppgiften finns inte längre");
    assertThat(jdbc.queryForObject("select count(*) from action_plan where case_id = ?", Long.class, caseFile.getId()))
        .isEqualTo(1);
  }

  /**
   * The coach ends the participation while a colleague saves the action plan of the same case, at
   * the same moment (in production two such completions once deadlocked on the case's deadlines or
   * found the process moved on, and answered 500 in English). Each answer is a success or the
   * Swedish conflict, and the case is in a state one of the orders would give.
   */
  @Test
  void twoStepsOfOneCaseCompletedAtOnceEachSucceedOrGetASwedishConflict() throws Exception {
    for (int round = 0; round < 6; round++) {
      LocalDate started = LocalDate.of(2026, 4, 6).plusWeeks(round);
      CaseFile caseFile = activeCaseOfHttpCoach(started);
      Task plan = task(caseFile, "makeActionPlan");
      Task exit = task(caseFile, "exitParticipation");

      List<HttpResponse<String>> answers = AtOnce.run(
          () -> submitTaskForm(exit.getId(), HTTP_COACH, exit(started, "WORK")),
          () -> submitTaskForm(plan.getId(), HTTP_ADMIN, actionPlan(started)));

      String said = answers.stream().map(a -> a.statusCode() + " " + a.body()).toList().toString();
      assertThat(answers).extracting(HttpResponse::statusCode).as(said).containsAnyOf(204).allMatch(
          status -> status == 204 || status == 409);
      for (HttpResponse<String> refused : answers.stream().filter(a -> a.statusCode() == 409).toList()) {
        assertThat(json.readTree(refused.body()).path("message").asText()).as(said).matches(SWEDISH_CONFLICT);
      }
      boolean exited = answers.get(0).statusCode() == 204;
      boolean planned = answers.get(1).statusCode() == 204;
      assertThat(reload(caseFile).getExitedOn() != null).as("exit stored exactly when it succeeded: %s", said)
          .isEqualTo(exited);
      assertThat(jdbc.queryForObject("select count(*) from action_plan where case_id = ?", Long.class,
          caseFile.getId())).as("plan stored exactly when it succeeded: %s", said).isEqualTo(planned ? 1 : 0);
      assertThat(jdbc.queryForObject("select count(*) from deadline where case_id = ? and state = 'OPEN'"
          + " and kind = 'PLAN'", Long.class, caseFile.getId()))
          .as("no plan deadline left open once the plan is made or the participation ended: %s", said)
          .isEqualTo(exited || planned ? 0 : 1);
    }
  }

  /** Tasklist's own path: the webapp's copy of the engine API, in a logged-in session with the CSRF token. */
  private HttpResponse<String> submitInTasklist(TestHttp session, String taskId, Map<String, Object> form) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return session.sessionPost("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        json.writeValueAsString(Map.of("variables", variables)));
  }

  private TestHttp tasklistSession(String user) {
    TestHttp session = new TestHttp(port);
    HttpResponse<String> login = session.login("tasklist", user, PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return session;
  }

  @Test
  void twoUsersSubmittingOneTaskAtOnceInTasklistGetOneSuccessAndASwedishConflict() throws Exception {
    LocalDate started = LocalDate.of(2026, 3, 16);
    CaseFile caseFile = activeCaseOfHttpCoach(started);
    Task task = task(caseFile, "makeActionPlan");
    TestHttp coach = tasklistSession(HTTP_COACH);
    TestHttp admin = tasklistSession(HTTP_ADMIN);

    List<HttpResponse<String>> answers = AtOnce.run(
        () -> submitInTasklist(coach, task.getId(), actionPlan(started)),
        () -> submitInTasklist(admin, task.getId(), actionPlan(started)));

    assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body).toList().toString())
        .containsExactlyInAnyOrder(204, 409);
    HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
    assertThat(json.readTree(refused.body()).path("message").asText()).as(refused.body()).matches(SWEDISH_CONFLICT);
    assertThat(jdbc.queryForObject("select count(*) from action_plan where case_id = ?", Long.class, caseFile.getId()))
        .isEqualTo(1);

    HttpResponse<String> late = submitInTasklist(admin, task.getId(), actionPlan(started));
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(json.readTree(late.body()).path("message").asText()).startsWith("Uppgiften finns inte längre");
  }
}
