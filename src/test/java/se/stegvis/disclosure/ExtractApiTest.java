package se.stegvis.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Utdrag till part: exakt det som samtycket tillåter, med samtycket, resten undanhållet och loggat")
@AlsoOnPostgres
class ExtractApiTest extends ApiTest {

  @Test
  @DisplayName("utdrag till AF: täckt kategori med, otäckt utelämnad och listad, loggat, syns i tidslinjen, PDF")
  void extractForAfLeavesOutWhatTheConsentDoesNotCover() throws Exception {
    LocalDate started = LocalDate.now().minusDays(30);
    CaseFile c = activeCase(started);
    completeOn(started.plusDays(5), c, "makeActionPlan", COACH, actionPlan(started.plusDays(5)));
    clockAt(LocalDate.now(), MORNING);
    consent(c, "AF", "LABOUR_MARKET", "DISCLOSE");
    consent(c, "AF", "SOCIAL_ECONOMIC", "OBTAIN");

    var made = send("POST", extracts(c), Map.of("party", "AF"), COACH);

    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode extract = json.readTree(made.body());
    assertThat(extract.path("disclosed").findValuesAsText("disclosed")).isEmpty();
    assertThat(extract.path("disclosed").get(0).asText()).isEqualTo("Arbetsmarknadssituation");
    assertThat(extract.path("withheld").toString()).contains("Ekonomisk och social situation", "Fysisk och psykisk hälsa",
        "Arbetslivserfarenhet");
    String html = get(extracts(c) + "/" + extract.path("id").asLong(), COACH).body();
    assertThat(html).contains("Utdrag till Arbetsförmedlingen", "Mål: arbete som undersköterska",
        "Lämna ut uppgifter till Arbetsförmedlingen", "Inte med i utdraget", "Ekonomisk och social situation");
    assertThat(html).as("the mapping is social, not covered").doesNotContain("vill arbeta inom vården");
    assertThat(jdbc.queryForMap("select party, disclosed, withheld, made_by from disclosure where case_id = ?",
        c.getId())).containsEntry("PARTY", "AF").containsEntry("DISCLOSED", "LABOUR_MARKET")
        .containsEntry("WITHHELD", "SOCIAL_ECONOMIC,HEALTH,WORK_HISTORY").containsEntry("MADE_BY", COACH);
    assertThat(ok(get("/api/cases/" + c.getCaseNumber() + "/timeline?kind=DISCLOSURE", COACH)).path("events")
        .findValuesAsText("title")).containsExactly("Utdrag till Arbetsförmedlingen");

    HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + extracts(c)
        + "/" + extract.path("id").asLong() + "/pdf")).header("Authorization", basic(COACH)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
  }

  @Test
  @DisplayName("utan giltigt samtycke att lämna ut till parten: tydligt nej på svenska, inget loggat som utlämnat")
  void noValidConsentNoExtract() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(30));
    clockAt(LocalDate.now(), MORNING);
    long withdrawn = consent(c, "FK", "WORK_HISTORY", "DISCLOSE");
    assertThat(send("POST", "/api/cases/" + c.getCaseNumber() + "/consents/" + withdrawn + "/withdrawal",
        Map.of("withdrawnOn", LocalDate.now().toString()), COACH).statusCode()).isEqualTo(200);

    var af = send("POST", extracts(c), Map.of("party", "AF"), COACH);
    var fk = send("POST", extracts(c), Map.of("party", "FK"), COACH);
    var admin = send("POST", extracts(c), Map.of("party", "AF"), ADMIN);
    var manager = send("POST", extracts(c), Map.of("party", "AF"), MANAGER);

    assertThat(af.statusCode()).as("AF has consent to obtain only").isEqualTo(400);
    assertThat(af.body()).contains("Inget utdrag: personen har inget giltigt samtycke till att uppgifter lämnas ut "
        + "till Arbetsförmedlingen");
    assertThat(fk.statusCode()).as("withdrawn today").isEqualTo(400);
    // An administrator may write in every case (the access matrix): the same refusal for lack of
    // consent as the coach gets. The project's manager reads only: 403 before any consent is looked at.
    assertThat(admin.statusCode()).as("administrator, no consent").isEqualTo(400);
    assertThat(admin.body()).contains("Inget utdrag: personen har inget giltigt samtycke");
    assertThat(manager.statusCode()).as("manager: read-only").isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, c.getId())).isZero();
  }

  private long consent(CaseFile c, String party, String category, String direction) throws Exception {
    var given = send("POST", "/api/cases/" + c.getCaseNumber() + "/consents", Map.of("party", party,
        "category", category, "direction", direction, "purpose", "Samordning", "givenOn",
        LocalDate.now().minusDays(2).toString()), COACH);
    assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
    return json.readTree(given.body()).path("id").asLong();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String extracts(CaseFile c) {
    return "/api/cases/" + c.getCaseNumber() + "/extracts";
  }
}
