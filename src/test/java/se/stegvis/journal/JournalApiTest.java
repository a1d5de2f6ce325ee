package se.stegvis.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Journalen: signerade anteckningar ändras aldrig, rättelser syns bredvid, bara ärendets coach, hennes team och administratörer skriver")
@AlsoOnPostgres
class JournalApiTest extends ApiTest {

  @Test
  @DisplayName("coachen signerar en anteckning: 201 med id, namn, titel och signeringstid; läsningen loggas")
  void coachSignsAnEntry() throws Exception {
    CaseFile c = caseStartedLastMonth();

    HttpResponse<String> signed = send("POST", journal(c), Map.of("text", "Ringde Anna, mår bättre",
        "occurredOn", LocalDate.now().minusDays(1).toString()), COACH);

    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    JsonNode entry = json.readTree(signed.body());
    assertThat(entry.path("id").asLong()).isPositive();
    assertThat(signed.headers().firstValue("Location")).hasValue(journal(c) + "/" + entry.path("id").asLong());
    assertThat(entry.path("author").asText()).isEqualTo(COACH);
    assertThat(entry.path("authorTitle").asText()).isEqualTo("Coach");
    assertThat(entry.path("signedAt").asText()).isNotEmpty();
    long reads = reads(c, "Journal");
    JsonNode all = ok(get(journal(c), COACH));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).path("text").asText()).isEqualTo("Ringde Anna, mår bättre");
    assertThat(reads(c, "Journal")).isEqualTo(reads + 1);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'CHANGE' "
        + "and resource = 'Journalanteckning signerad' and user_id = ?", Long.class, c.getId(), COACH)).isOne();
  }

  @Test
  @DisplayName("PUT och DELETE på en signerad anteckning: 405 på svenska, texten orörd")
  void signedEntriesAreImmutable() throws Exception {
    CaseFile c = caseStartedLastMonth();
    long id = sign(c, "Första samtalet hölls", COACH);

    HttpResponse<String> put = send("PUT", journal(c) + "/" + id, Map.of("text", "Ändrad"), COACH);
    HttpResponse<String> delete = send("DELETE", journal(c) + "/" + id, null, COACH);

    for (HttpResponse<String> refused : List.of(put, delete)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(405);
      assertThat(json.readTree(refused.body()).path("detail").asText()).startsWith("En signerad journalanteckning");
    }
    assertThat(jdbc.queryForObject("select text from journal_entry where id = ?", String.class, id))
        .isEqualTo("Första samtalet hölls");
  }

  @Test
  @DisplayName("en rättelse är en ny anteckning som pekar på den rättade, med skäl; båda syns, kedjan håller")
  void correctionChain() throws Exception {
    CaseFile c = caseStartedLastMonth();
    LocalDate day = LocalDate.now().minusDays(3);
    long original = sign(c, "Möte med AF den 3", COACH, day);

    HttpResponse<String> first = send("POST", journal(c) + "/" + original + "/corrections",
        Map.of("text", "Möte med FK den 3", "reason", "Fel part angiven"), COACH);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    long correction = json.readTree(first.body()).path("id").asLong();
    HttpResponse<String> second = send("POST", journal(c) + "/" + correction + "/corrections",
        Map.of("text", "Möte med FK och AF den 3", "reason", "Båda var med"), ADMIN);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);

    JsonNode all = ok(get(journal(c), COACH));
    assertThat(all).hasSize(3);
    assertThat(all.findValuesAsText("text")).containsExactly("Möte med AF den 3", "Möte med FK den 3",
        "Möte med FK och AF den 3");
    assertThat(all.get(0).path("correctedBy").get(0).asLong()).isEqualTo(correction);
    assertThat(all.get(1).path("correctsId").asLong()).isEqualTo(original);
    assertThat(all.get(1).path("correctionReason").asText()).isEqualTo("Fel part angiven");
    assertThat(all.get(1).path("occurredOn").asText()).as("a correction keeps the day it is about").isEqualTo(day.toString());
    assertThat(all.get(2).path("author").asText()).isEqualTo(ADMIN);
    assertThat(all.get(2).path("authorTitle").asText()).isEqualTo("Administratör");

    HttpResponse<String> noReason = send("POST", journal(c) + "/" + original + "/corrections",
        Map.of("text", "Utan skäl"), COACH);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Skäl till rättelsen: måste fyllas i.");
    HttpResponse<String> branch = send("POST", journal(c) + "/" + original + "/corrections",
        Map.of("text", "En andra rättelse", "reason", "Gren"), COACH);
    assertThat(branch.statusCode()).isEqualTo(400);
    assertThat(branch.body()).contains("Anteckningen är redan rättad: rätta den senaste rättelsen i stället.");
    CaseFile other = caseStartedLastMonth();
    assertThat(send("POST", journal(other) + "/" + original + "/corrections",
        Map.of("text", "Fel ärende", "reason", "x"), COACH).statusCode()).as("an entry of another case").isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from journal_entry where case_id in (?, ?)", Long.class,
        c.getId(), other.getId())).isEqualTo(3);
  }

  @Test
  @DisplayName("text krävs och har en gräns, datumet får inte ligga i framtiden: 400 på svenska, inget sparas")
  void badEntriesAreRefused() throws Exception {
    CaseFile c = caseStartedLastMonth();

    var future = send("POST", journal(c), Map.of("text", "Imorgon", "occurredOn", LocalDate.now().plusDays(1).toString()),
        COACH);
    var empty = send("POST", journal(c), Map.of("text", "  ", "occurredOn", LocalDate.now().toString()), COACH);
    var tooLong = send("POST", journal(c), Map.of("text", "x".repeat(Journal.MAX_TEXT + 1),
        "occurredOn", LocalDate.now().toString()), COACH);
    var noDate = send("POST", journal(c), Map.of("text", "Utan datum"), COACH);

    assertThat(future.body()).contains("Datum då det hände: kan inte ligga i framtiden");
    assertThat(empty.body()).contains("Anteckning: måste fyllas i.");
    assertThat(tooLong.body()).contains("Anteckning: får vara högst 8000 tecken");
    assertThat(noDate.body()).contains("Datum då det hände: måste fyllas i.");
    for (var refused : List.of(future, empty, tooLong, noDate)) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(jdbc.queryForObject("select count(*) from journal_entry where case_id = ?", Long.class, c.getId()))
        .isZero();
  }

  @Test
  @DisplayName("behörighet (matrisen, WRITE_CASE): coach och administratör skriver; projektledare läser men nekas 403; "
      + "praktiksamordnare utan praktik, beredning efter beslutet, annan coach, annan chef och remittent får 404")
  void accessPerRole() throws Exception {
    CaseFile c = caseStartedLastMonth();
    Map<String, Object> entry = Map.of("text", "Anteckning", "occurredOn", LocalDate.now().toString());

    assertThat(send("POST", journal(c), entry, COACH).statusCode()).isEqualTo(201);
    assertThat(send("POST", journal(c), entry, ADMIN).statusCode()).isEqualTo(201);
    HttpResponse<String> manager = send("POST", journal(c), entry, MANAGER);
    assertThat(manager.statusCode()).isEqualTo(403);
    assertThat(json.readTree(manager.body()).path("detail").asText()).startsWith("Du får läsa ärendet men inte ändra det");
    assertThat(send("POST", journal(c), entry, COORDINATOR).statusCode()).as("no placement in the case").isEqualTo(404);
    assertThat(send("POST", journal(c), entry, OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(send("POST", journal(c), entry, OTHER_MANAGER).statusCode()).isEqualTo(404);
    assertThat(send("POST", journal(c), entry, WORKING_GROUP_MEMBER).statusCode()).isEqualTo(404);
    assertThat(send("POST", journal(c), entry, REFERRER).statusCode()).isEqualTo(404);

    assertThat(get(journal(c), ADMIN).statusCode()).isEqualTo(200);
    assertThat(get(journal(c), MANAGER).statusCode()).isEqualTo(200);
    assertThat(get(journal(c), OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from journal_entry where case_id = ?", Long.class, c.getId()))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("utkastet sparas på servern per användare och ärende och försvinner när anteckningen signeras")
  void draftsLiveOnTheServerUntilSigned() throws Exception {
    CaseFile c = caseStartedLastMonth();
    String drafts = "/api/cases/" + c.getCaseNumber() + "/drafts/journal";

    ok(send("PUT", drafts, Map.of("content", "{\"text\":\"Halvskriven\"}"), COACH));
    assertThat(ok(get(drafts, COACH)).path("content").asText()).isEqualTo("{\"text\":\"Halvskriven\"}");
    assertThat(ok(get(drafts, ADMIN)).path("content").asText()).as("another user's draft").isEmpty();
    assertThat(get(drafts, MANAGER).statusCode()).as("drafts are for those who write (WRITE_CASE)").isEqualTo(403);
    assertThat(get("/api/cases/" + c.getCaseNumber() + "/drafts/task:any", MANAGER).statusCode())
        .as("a task form's draft is for whoever may read the case").isEqualTo(200);
    assertThat(send("PUT", "/api/cases/" + c.getCaseNumber() + "/drafts/annat", Map.of("content", "x"), COACH)
        .statusCode()).isEqualTo(400);

    sign(c, "Färdigskriven", COACH);

    assertThat(ok(get(drafts, COACH)).path("content").asText()).isEmpty();
  }

  @Test
  @DisplayName("inget av journalens, utkastens, bilagornas eller utdragens text hamnar i motorns tabeller (ACT_*)")
  void caseRecordTextNeverReachesTheEngine() throws Exception {
    CaseFile c = caseStartedLastMonth();
    String record = "/api/cases/" + c.getCaseNumber();
    String entryText = "Journaltext " + java.util.UUID.randomUUID();
    String correctionText = "Rättad journaltext " + java.util.UUID.randomUUID();
    String draftText = "Formulärutkast " + java.util.UUID.randomUUID();
    String attachmentText = "Bilagetext " + java.util.UUID.randomUUID();
    String taskId = task(c, "makeActionPlan").getId();

    long entry = sign(c, entryText, COACH);
    ok(send("POST", record + "/journal/" + entry + "/corrections", Map.of("text", correctionText,
        "reason", "Rättelse " + entryText), COACH));
    ok(send("PUT", record + "/drafts/task:" + taskId, Map.of("content", "{\"goals\":\"" + draftText + "\"}"), COACH));
    jdbc.update("insert into attachment (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, "
        + "uploaded_at) values (?, ?, 'application/pdf', 5, 'x', ?, ?, current_timestamp)", c.getId(),
        attachmentText + ".pdf", ("%PDF-" + attachmentText).getBytes(), COACH);
    ok(send("POST", record + "/consents", Map.of("party", "AF", "category", "LABOUR_MARKET", "direction", "DISCLOSE",
        "purpose", "Samordning", "givenOn", LocalDate.now().toString()), COACH));
    ok(send("POST", record + "/extracts", Map.of("party", "AF"), COACH));
    ok(get(record + "/timeline", COACH));
    submitViaTasklist(c, "makeActionPlan", COACH, actionPlan(LocalDate.now()));

    assertNotInEngine(java.util.Set.of(entryText, correctionText, draftText, attachmentText),
        List.of(c.getProcessInstanceId()));
  }

  /** A case in participation since 20 days, the clock back at today. */
  private CaseFile caseStartedLastMonth() {
    CaseFile c = activeCase(LocalDate.now().minusDays(20));
    clockAt(LocalDate.now(), MORNING);
    return c;
  }

  private long sign(CaseFile c, String text, String user) throws Exception {
    return sign(c, text, user, LocalDate.now());
  }

  private long sign(CaseFile c, String text, String user, LocalDate day) throws Exception {
    HttpResponse<String> signed = send("POST", journal(c), Map.of("text", text, "occurredOn", day.toString()), user);
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    return json.readTree(signed.body()).path("id").asLong();
  }

  private long reads(CaseFile c, String resource) {
    return jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'READ' and resource = ?",
        Long.class, c.getId(), resource);
  }

  private static String journal(CaseFile c) {
    return "/api/cases/" + c.getCaseNumber() + "/journal";
  }
}
