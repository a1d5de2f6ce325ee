package se.stegvis.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AtOnce;
import se.stegvis.support.HttpCaseTest;

/**
 * Two users complete the same task at the same moment through the engine REST API (as Tasklist
 * does): exactly one succeeds, the other is told in Swedish that the task was just done by
 * someone else, and the case holds one action plan.
 */
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
}
