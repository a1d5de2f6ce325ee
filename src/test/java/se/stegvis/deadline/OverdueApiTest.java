package se.stegvis.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.support.ApiTest;

/**
 * {@code GET /api/deadlines/overdue} over HTTP, as Cockpit's "Försenade steg" calls it: pages with
 * the totals, a read logged only for the cases on the page, and a bad page or size refused before
 * anything is read or logged.
 */
@DisplayName("Försenade steg via API: sidor, loggning av det som visas, felaktig sida avvisas")
class OverdueApiTest extends ApiTest {

  private static final String RESOURCE = "Försenade steg (Cockpit)";

  @Test
  @DisplayName("sida 0 och 1 med två steg per sida; bara sidans ärenden loggas som lästa")
  void pagesAndTheirAuditEntries() throws Exception {
    for (int i = 0; i < 5; i++) {
      referOn(LocalDate.now().minusDays(40 + i));
    }
    clockAt(LocalDate.now(), MORNING);

    JsonNode first = page("?page=0&size=2");
    long total = first.path("overdueTotal").asLong();
    assertThat(total).isGreaterThanOrEqualTo(5);
    assertThat(first.path("page").asInt()).isZero();
    assertThat(first.path("size").asInt()).isEqualTo(2);
    assertThat(first.path("overdue")).hasSize(2);
    JsonNode second = page("?page=1&size=2");
    assertThat(second.path("overdueTotal").asLong()).isEqualTo(total);
    assertThat(second.path("byKind")).isEqualTo(first.path("byKind"));
    assertThat(second.path("byProject")).isEqualTo(first.path("byProject"));
    assertThat(steps(second)).doesNotContainAnyElementsOf(steps(first));
    assertThat(first.path("overdue").get(0).path("daysOverdue").asLong())
        .isGreaterThanOrEqualTo(second.path("overdue").get(0).path("daysOverdue").asLong());
    assertThat(first.path("dueSoonTotal").asLong()).isGreaterThanOrEqualTo(first.path("dueSoon").size());
    JsonNode standard = page("");
    assertThat(standard.path("size").asInt()).isEqualTo(OverdueSteps.DEFAULT_PAGE_SIZE);
    assertThat(standard.path("overdue").size()).isEqualTo((int) Math.min(total, OverdueSteps.DEFAULT_PAGE_SIZE));

    long entriesBefore = readEntries();
    JsonNode shown = page("?page=1&size=2");
    Set<String> onPage = new HashSet<>(caseNumbers(shown));
    for (JsonNode step : shown.path("dueSoon")) {
      onPage.add(step.path("caseNumber").asText());
    }
    assertThat(readEntries() - entriesBefore).as("one read per case shown, none for the rest of the total")
        .isEqualTo(onPage.size());
    assertThat(jdbc.queryForList("select case_number from audit_entry where user_id = ? and resource = ? "
        + "order by id desc limit " + onPage.size(), String.class, MANAGER, RESOURCE))
        .containsExactlyInAnyOrderElementsOf(onPage);
  }

  @Test
  @DisplayName("sida under 0, storlek 0 eller över 200 och text ger 400 på svenska, och inget loggas")
  void badPageOrSizeIsRefusedAndNothingLogged() throws Exception {
    referOn(LocalDate.now().minusDays(30));
    clockAt(LocalDate.now(), MORNING);
    for (String query : List.of("?page=-1", "?size=0", "?size=201", "?size=-3", "?page=x", "?size=9999999999",
        "?page=0&size=1000")) {
      long entries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);

      var response = get("/api/deadlines/overdue" + query, MANAGER);

      assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).get().asString()
          .startsWith("application/problem+json");
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("detail").asText()).as(query).containsAnyOf("Sidan", "Antalet per sida", "Parametern");
      assertThat(problem.path("errors")).as(query).isNotEmpty();
      assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).as(query).isEqualTo(entries);
    }
  }

  private JsonNode page(String query) throws Exception {
    return ok(get("/api/deadlines/overdue" + query, MANAGER));
  }

  private long readEntries() {
    return jdbc.queryForObject("select count(*) from audit_entry where user_id = ? and resource = ?", Long.class,
        MANAGER, RESOURCE);
  }

  private static List<String> steps(JsonNode view) {
    List<String> steps = new ArrayList<>();
    view.path("overdue").forEach(step -> steps.add(step.path("caseNumber").asText() + "/" + step.path("kind").asText()
        + "/" + step.path("sequence").asInt()));
    return steps;
  }

  private static List<String> caseNumbers(JsonNode view) {
    List<String> numbers = new ArrayList<>();
    view.path("overdue").forEach(step -> numbers.add(step.path("caseNumber").asText()));
    return numbers;
  }
}
