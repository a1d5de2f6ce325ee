package se.stegvis.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import se.stegvis.support.AtOnce;
import se.stegvis.support.HttpCaseTest;

/**
 * Two people editing one case record: the coach's note carries the case's version, so a change
 * made on an old version, or at the same moment as another, is refused with 409 in Swedish and
 * nothing is lost.
 */
class CoachNoteApiTest extends HttpCaseTest {

  @Test
  void noteWrittenOnTheCurrentVersionIsStored() throws Exception {
    CaseFile caseFile = activeCaseOfHttpCoach(LocalDate.of(2026, 4, 6));
    long version = read(caseFile, HTTP_COACH).path("version").asLong();

    HttpResponse<String> written = write(caseFile, HTTP_COACH, "Ringde, mår bättre", version);

    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    JsonNode body = json.readTree(written.body());
    assertThat(body.path("note").asText()).isEqualTo("Ringde, mår bättre");
    assertThat(body.path("version").asLong()).isGreaterThan(version);
    assertThat(reload(caseFile).getCoachNote()).isEqualTo("Ringde, mår bättre");
  }

  @Test
  void changeMadeOnAnOldVersionIsRefusedAndTheNewerNoteStays() throws Exception {
    CaseFile caseFile = activeCaseOfHttpCoach(LocalDate.of(2026, 4, 13));
    long version = read(caseFile, HTTP_COACH).path("version").asLong();
    assertThat(write(caseFile, HTTP_MANAGER, "Chefens anteckning", version).statusCode()).isEqualTo(200);

    HttpResponse<String> stale = write(caseFile, HTTP_COACH, "Coachens anteckning", version);

    assertConflict(stale);
    assertThat(reload(caseFile).getCoachNote()).isEqualTo("Chefens anteckning");
  }

  @Test
  void twoPeopleSavingAtOnceOneWinsAndTheOtherIsToldInSwedish() throws Exception {
    CaseFile caseFile = activeCaseOfHttpCoach(LocalDate.of(2026, 4, 20));
    long version = read(caseFile, HTTP_COACH).path("version").asLong();

    List<HttpResponse<String>> answers = AtOnce.run(
        () -> write(caseFile, HTTP_COACH, "Coachens anteckning", version),
        () -> write(caseFile, HTTP_MANAGER, "Chefens anteckning", version));

    assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body).toList().toString()).containsExactlyInAnyOrder(200, 409);
    HttpResponse<String> saved = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
    assertConflict(answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow());
    assertThat(reload(caseFile).getCoachNote()).as("no lost update")
        .isEqualTo(json.readTree(saved.body()).path("note").asText());
  }

  @Test
  void badNoteIsRefusedWithProblemDetailsAndChangesNothing() throws Exception {
    CaseFile caseFile = activeCaseOfHttpCoach(LocalDate.of(2026, 4, 27));
    long version = reload(caseFile).getVersion();

    HttpResponse<String> tooLong = write(caseFile, HTTP_COACH, "x".repeat(4001), version);
    HttpResponse<String> noVersion = send("PUT", path(caseFile), HTTP_COACH, Map.of("note", "utan version"));
    HttpResponse<String> wrongType = send("PUT", path(caseFile), HTTP_COACH, Map.of("note", "text", "version", "tre"));

    for (HttpResponse<String> response : List.of(tooLong, noVersion, wrongType)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(reload(caseFile).getVersion()).isEqualTo(version);
    assertThat(reload(caseFile).getCoachNote()).isNull();
  }

  @Test
  void unknownCaseAndAnotherCoachsCaseAreNotFound() throws Exception {
    CaseFile caseFile = activeCaseOfHttpCoach(LocalDate.of(2026, 5, 4));
    CaseFile someoneElses = activeCase(LocalDate.of(2026, 5, 4));

    assertThat(send("GET", "/api/cases/C2-1999-9999/coach-note", HTTP_COACH, null).statusCode()).isEqualTo(404);
    assertThat(send("GET", path(someoneElses), HTTP_COACH, null).statusCode()).isEqualTo(404);
    assertThat(send("GET", path(caseFile), HTTP_COACH, null).statusCode()).isEqualTo(200);
  }

  private void assertConflict(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("title").asText()).isEqualTo("Ärendet har ändrats");
    assertThat(problem.path("detail").asText()).startsWith("Någon annan har ändrat ärendet");
  }

  private JsonNode read(CaseFile caseFile, String user) throws Exception {
    HttpResponse<String> response = send("GET", path(caseFile), user, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> write(CaseFile caseFile, String user, String note, long version) throws Exception {
    return send("PUT", path(caseFile), user, Map.of("note", note, "version", version));
  }

  private static String path(CaseFile caseFile) {
    return "/api/cases/" + caseFile.getCaseNumber() + "/coach-note";
  }
}
