package se.stegvis.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Tidslinjen: allt som skrivits i ärendet, i datumordning, filtrerbart per slag")
@AlsoOnPostgres
class TimelineApiTest extends ApiTest {

  @Test
  @DisplayName("stegens formulärtext, samtycken, tidsfrister och journalen syns i datumordning; läsningen loggas")
  void everythingWrittenInDateOrder() throws Exception {
    LocalDate started = LocalDate.now().minusDays(30);
    CaseFile c = activeCase(started);
    completeOn(started.plusDays(5), c, "makeActionPlan", COACH, actionPlan(started.plusDays(5)));
    clockAt(LocalDate.now(), MORNING);
    assertThat(send("POST", "/api/cases/" + c.getCaseNumber() + "/journal",
        Map.of("text", "Samtal om körkortet", "occurredOn", started.plusDays(7).toString()), COACH).statusCode())
        .isEqualTo(201);

    JsonNode timeline = ok(get(timeline(c), COACH));

    List<String> titles = timeline.path("events").findValuesAsText("title");
    assertThat(titles).contains("Remiss från Arbetsförmedlingen", "Beslut: Antas till insatsen", "Start och kartläggning",
        "Handlingsplan", "Samtycke givet", "Klar i tid: Handlingsplan (14 dagar)");
    assertThat(titles.stream().filter(t -> t.startsWith("Journalanteckning")).count()).isOne();
    assertThat(text(timeline, "Start och kartläggning")).contains("Kartläggning: vill arbeta inom vården");
    assertThat(text(timeline, "Handlingsplan")).contains("Mål: arbete som undersköterska")
        .contains("Aktiviteter: Praktik via AF");
    List<String> days = timeline.path("events").findValuesAsText("day");
    assertThat(days).isSortedAccordingTo(String::compareTo);
    assertThat(titles.indexOf("Handlingsplan")).isLessThan(
        titles.indexOf(titles.stream().filter(t -> t.startsWith("Journalanteckning")).findFirst().orElseThrow()));
    assertThat(timeline.path("kinds").findValuesAsText("label")).contains("Journal", "Steg", "Tidsfrist", "Utlämnande");
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'READ' "
        + "and resource = 'Tidslinje' and user_id = ?", Long.class, c.getId(), COACH)).isOne();
  }

  @Test
  @DisplayName("filter per slag; ett okänt slag nekas på svenska; den som inte ser ärendet får 404")
  void filteredByKind() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(10));
    clockAt(LocalDate.now(), MORNING);
    send("POST", "/api/cases/" + c.getCaseNumber() + "/journal",
        Map.of("text", "Första anteckningen", "occurredOn", LocalDate.now().toString()), COACH);

    JsonNode journal = ok(get(timeline(c) + "?kind=JOURNAL", COACH));
    JsonNode two = ok(get(timeline(c) + "?kind=JOURNAL&kind=CONSENT", COACH));
    var unknown = get(timeline(c) + "?kind=HEMLIGT", COACH);

    assertThat(journal.path("events").findValuesAsText("kind")).containsExactly("JOURNAL");
    assertThat(two.path("events").findValuesAsText("kind")).containsOnly("JOURNAL", "CONSENT").contains("CONSENT");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Händelsetyp: okänd (HEMLIGT)");
    assertThat(get(timeline(c), OTHER_COACH).statusCode()).isEqualTo(404);
  }

  private static String text(JsonNode timeline, String title) {
    List<String> texts = new ArrayList<>();
    timeline.path("events").forEach(e -> {
      if (e.path("title").asText().equals(title)) {
        texts.add(e.path("text").asText());
      }
    });
    assertThat(texts).as(title).hasSize(1);
    return texts.get(0);
  }

  private static String timeline(CaseFile c) {
    return "/api/cases/" + c.getCaseNumber() + "/timeline";
  }
}
