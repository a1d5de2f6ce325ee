package se.stegvis.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

/**
 * A user's title (befattning), set by an administrator, is what she signs with: the journal entry
 * keeps it, and the journal, the timeline and the extract show name and title.
 */
@AlsoOnPostgres
@DisplayName("Befattning: administratören sätter den, journal, tidslinje och utdrag visar namn och befattning")
class StaffTitlesApiTest extends ApiTest {

  private static final String TITLE = "/api/admin/users/" + COACH + "/title";

  @AfterEach
  void coachWithoutTitle() {
    jdbc.update("delete from staff_title where user_id = ?", COACH);
  }

  @Test
  @DisplayName("administratören sätter och tar bort befattningen; andra roller nekas 403; okänd användare 404; för lång 400")
  void administratorsSetTitles() throws Exception {
    JsonNode none = ok(get(TITLE, ADMIN));
    assertThat(none.path("title").isNull()).isTrue();
    assertThat(none.path("name").asText()).isEqualTo("Cora Coach");
    assertThat(none.path("signature").asText()).as("the role stands in").isEqualTo("Cora Coach, Coach");

    JsonNode set = ok(send("PUT", TITLE, Map.of("title", "  Arbetskonsulent "), ADMIN));
    assertThat(set.path("title").asText()).isEqualTo("Arbetskonsulent");
    assertThat(set.path("signature").asText()).isEqualTo("Cora Coach, Arbetskonsulent");
    assertThat(ok(get(TITLE, ADMIN)).path("title").asText()).isEqualTo("Arbetskonsulent");
    assertThat(jdbc.queryForObject("select changed_by from staff_title where user_id = ?", String.class, COACH))
        .isEqualTo(ADMIN);

    for (String user : new String[] {COACH, MANAGER, REFERRER, WORKING_GROUP_MEMBER}) {
      var refused = send("PUT", TITLE, Map.of("title", "Chef"), user);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(get(TITLE, user).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(send("PUT", "/api/admin/users/finnsinte/title", Map.of("title", "Coach"), ADMIN).statusCode())
        .isEqualTo(404);
    var tooLong = send("PUT", TITLE, Map.of("title", "x".repeat(101)), ADMIN);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tooLong.body()).path("errors").get(0).asText()).startsWith("Befattning:");
    assertThat(ok(get(TITLE, ADMIN)).path("title").asText()).as("nothing changed").isEqualTo("Arbetskonsulent");

    Map<String, Object> blank = new HashMap<>();
    blank.put("title", "");
    assertThat(ok(send("PUT", TITLE, blank, ADMIN)).path("title").isNull()).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from staff_title where user_id = ?", Integer.class, COACH)).isZero();
  }

  @Test
  @DisplayName("journalen, tidslinjen och utdraget visar namn och befattning; anteckningen behåller befattningen den signerades med")
  void theRecordShowsNameAndTitle() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(20));
    clockAt(LocalDate.now(), MORNING);
    String record = "/api/cases/" + c.getCaseNumber();
    ok(send("PUT", TITLE, Map.of("title", "Arbetskonsulent"), ADMIN));

    var signed = send("POST", record + "/journal", Map.of("text", "Samtal om praktik",
        "occurredOn", LocalDate.now().toString()), COACH);
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    JsonNode entry = json.readTree(signed.body());
    assertThat(entry.path("author").asText()).isEqualTo(COACH);
    assertThat(entry.path("authorName").asText()).isEqualTo("Cora Coach");
    assertThat(entry.path("authorTitle").asText()).isEqualTo("Arbetskonsulent");
    assertThat(entry.path("signedBy").asText()).isEqualTo("Cora Coach, Arbetskonsulent");

    // A later title does not rewrite what was signed.
    ok(send("PUT", TITLE, Map.of("title", "Enhetschef"), ADMIN));
    JsonNode journal = ok(get(record + "/journal", COACH));
    assertThat(journal.get(journal.size() - 1).path("signedBy").asText()).isEqualTo("Cora Coach, Arbetskonsulent");

    JsonNode timeline = ok(get(record + "/timeline?kind=JOURNAL", COACH)).path("events");
    assertThat(timeline.findValuesAsText("by")).contains("Cora Coach, Arbetskonsulent");
    JsonNode steps = ok(get(record + "/timeline?kind=STEP", COACH)).path("events");
    assertThat(steps.findValuesAsText("by")).as("steps name who did them").contains("Cora Coach")
        .doesNotContain(COACH);

    var consent = send("POST", record + "/consents", Map.of("party", "AF", "category", "LABOUR_MARKET",
        "direction", "DISCLOSE", "purpose", "Samordning", "givenOn", LocalDate.now().toString()), COACH);
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    var made = send("POST", record + "/extracts", Map.of("party", "AF"), COACH);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String html = get(record + "/extracts/" + json.readTree(made.body()).path("id").asLong(), COACH).body();
    assertThat(html).contains("av Cora Coach, Enhetschef");
  }
}
