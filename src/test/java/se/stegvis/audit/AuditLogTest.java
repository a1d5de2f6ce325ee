package se.stegvis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.stegvis.casefile.CaseFile;
import se.stegvis.placement.PlacementRequests;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Loggen: varje läsning och ändring av ett ärende loggas, loggen kan inte ändras, chefer granskar")
@AlsoOnPostgres
class AuditLogTest extends ApiTest {

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired PlacementRequests placementRequests;

  /** Every GET of the API that reads one or more cases, with how the test calls it for case c. */
  private Map<String, String> caseReadingEndpoints(CaseFile c, String taskId, Long placementId) {
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("/api/cases/by-task/{taskId}", "/api/cases/by-task/" + taskId);
    endpoints.put("/api/cases/{caseNumber}/placements", "/api/cases/" + c.getCaseNumber() + "/placements");
    endpoints.put("/api/cases/{caseNumber}/participant", "/api/cases/" + c.getCaseNumber() + "/participant");
    endpoints.put("/api/cases/{caseNumber}/consents", "/api/cases/" + c.getCaseNumber() + "/consents");
    String record = "/api/cases/" + c.getCaseNumber();
    endpoints.put("/api/cases/{caseNumber}/journal", record + "/journal");
    endpoints.put("/api/cases/{caseNumber}/drafts/{kind}", record + "/drafts/journal");
    endpoints.put("/api/cases/{caseNumber}/timeline", record + "/timeline");
    endpoints.put("/api/cases/{caseNumber}/attachments", record + "/attachments");
    endpoints.put("/api/cases/{caseNumber}/attachments/{id}", record + "/attachments/" + attachmentOf(c));
    endpoints.put("/api/cases/{caseNumber}/extracts", record + "/extracts");
    endpoints.put("/api/cases/{caseNumber}/extracts/{id}", record + "/extracts/" + extractOf(c));
    endpoints.put("/api/cases/{caseNumber}/extracts/{id}/pdf", record + "/extracts/" + extractOf(c) + "/pdf");
    endpoints.put("/api/placements/{id}/matches", "/api/placements/" + placementId + "/matches");
    endpoints.put("/api/deadlines/overdue", "/api/deadlines/overdue");
    endpoints.put("/api/cases", "/api/cases?status=all&q=" + c.getCaseNumber());
    endpoints.put("/api/cases/{caseNumber}", "/api/cases/" + c.getCaseNumber());
    endpoints.put("/api/cases/by-task/{taskId}/card", "/api/cases/by-task/" + taskId + "/card");
    endpoints.put("/api/caseload", "/api/caseload");
    endpoints.put("/api/cases/{caseNumber}/decision", record + "/decision");
    endpoints.put("/api/decisions", "/api/decisions");
    return endpoints;
  }

  private Long attachmentOf(CaseFile c) {
    if (jdbc.queryForObject("select count(*) from attachment where case_id = ?", Long.class, c.getId()) == 0) {
      jdbc.update("insert into attachment (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, "
          + "uploaded_at) values (?, 'a.pdf', 'application/pdf', 5, 'x', ?, ?, current_timestamp)", c.getId(),
          "%PDF-".getBytes(), COACH);
    }
    return jdbc.queryForObject("select max(id) from attachment where case_id = ?", Long.class, c.getId());
  }

  private Long extractOf(CaseFile c) {
    if (jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, c.getId()) == 0) {
      jdbc.update("insert into disclosure (case_id, party, disclosed, withheld, content, made_by, made_at) values "
          + "(?, 'AF', 'LABOUR_MARKET', 'HEALTH', ?, ?, current_timestamp)", c.getId(),
          "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Utdrag</p></body></html>", COACH);
    }
    return jdbc.queryForObject("select max(id) from disclosure where case_id = ?", Long.class, c.getId());
  }

  /** GET mappings that name a case, a task or a placement, or list cases: they must all be audited. */
  private TreeSet<String> caseReadingMappings() {
    return mappings.getHandlerMethods().keySet().stream()
        .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
        .flatMap(info -> info.getPatternValues().stream())
        .filter(p -> p.startsWith("/api/case") || p.startsWith("/api/placements") || p.startsWith("/api/deadlines")
            || p.startsWith("/api/decisions"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("varje ärendeläsning via API och plugin ger en loggpost: vem, vad, vilket ärende, vilken klient")
  void everyCaseReadIsLogged() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(20));
    clockAt(LocalDate.now(), MORNING);
    transactions.executeWithoutResult(s -> placementRequests.request(reload(c), Map.of("sectorWish", "CARE"), COACH));
    Long placementId = jdbc.queryForObject("select id from placement where case_id = ?", Long.class, c.getId());
    String taskId = task(c, "makeActionPlan").getId();
    var endpoints = caseReadingEndpoints(c, taskId, placementId);
    assertThat(caseReadingMappings()).as("every case-reading GET is listed here, and so audited")
        .containsExactlyInAnyOrderElementsOf(endpoints.keySet());

    // The plan deadline is overdue, so Cockpit's list shows this case, on one of its pages.
    clockAt(LocalDate.now().plusDays(1), MORNING);
    endpoints.put("/api/deadlines/overdue", overduePageWith(c));
    for (var endpoint : endpoints.entrySet()) {
      long before = entries(c, "READ");
      assertThat(get(endpoint.getValue(), COACH).statusCode()).as(endpoint.getKey()).isEqualTo(200);
      assertThat(entries(c, "READ")).as("log entries after " + endpoint.getKey()).isEqualTo(before + 1);
      var entry = jdbc.queryForMap("select * from audit_entry where case_id = ? order by id desc limit 1", c.getId());
      assertThat(entry).containsEntry("USER_ID", COACH).containsEntry("CASE_NUMBER", c.getCaseNumber())
          .containsEntry("ACTION", "READ").containsEntry("CLIENT_ADDRESS", "127.0.0.1")
          .containsEntry("CLIENT", "API (HTTP Basic): " + USER_AGENT);
    }

    long before = entries(c, "READ");
    for (String path : endpoints.values()) {
      assertThat(get(path, OTHER_COACH).statusCode()).as("another coach reads %s", path).isIn(403, 404, 200);
    }
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and user_id = ?", Long.class,
        c.getId(), OTHER_COACH)).as("the refused reads of another coach show no case, so log none").isZero();
    assertThat(entries(c, "READ")).isEqualTo(before);
  }

  @Test
  @DisplayName("ändringar loggas: Tasklist-formulär, remiss via API och praktikbegäran; ett avvisat formulär loggas inte")
  void changesAreLoggedInTheirTransaction() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(5));
    clockAt(LocalDate.now(), MORNING);
    // The fixture registers the case as the API does, with no one logged in: "system".
    assertThat(resources(c, "CHANGE")).containsExactly("Remiss registrerad (API)",
        "Formulär intake-decision (Besluta om insats)",
        "Formulär participation-start (Församtal, kartläggning och avtal)");
    assertThat(jdbc.queryForList("select user_id from audit_entry where case_id = ? and action = 'CHANGE'",
        String.class, c.getId())).containsExactly(AuditLog.SYSTEM, WORKING_GROUP_MEMBER, COACH);

    assertRefused(c, "makeActionPlan", COACH, form("goals", "", "activities", "", "madeOn", LocalDate.now().toString()));
    assertThat(resources(c, "CHANGE")).hasSize(3);
    submitViaTasklist(c, "makeActionPlan", COACH, actionPlan(LocalDate.now()));
    assertThat(resources(c, "CHANGE")).last().isEqualTo("Formulär action-plan (Upprätta handlingsplan)");

    var referral = newPersonReferral(LocalDate.now());
    var registered = ok(send("POST", "/api/referrals", referral, WORKING_GROUP_MEMBER));
    CaseFile viaApi = caseFiles.findByCaseNumber(registered.path("caseNumber").asText()).orElseThrow();
    assertThat(resources(viaApi, "CHANGE")).containsExactly("Remiss registrerad (API)");
  }

  @Test
  @DisplayName("loggen går bara att lägga till i: UPDATE och DELETE nekas av databasen")
  void theLogIsAppendOnly() {
    CaseFile c = activeCase(LocalDate.now().minusDays(3));
    long entries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    assertThat(entries).isPositive();
    assertThatThrownBy(() -> jdbc.update("update audit_entry set user_id = 'någon' where case_id = ?", c.getId()))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_entry where case_id = ?", c.getId()))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(entries);
    assertThat(jdbc.queryForList("select distinct user_id from audit_entry where case_id = ?", String.class,
        c.getId())).doesNotContain("någon");
  }

  @Test
  @DisplayName("loggranskning: chefen ser sitt projekts poster och läsningar utanför teamet; coach och annan chef nekas")
  void managersReviewTheirProjectsLog() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(8));
    // Entries carry the engine clock's time, which activeCase left 8 days back.
    String period = "?from=" + LocalDate.now().minusDays(30) + "&to=" + LocalDate.now();
    String taskId = task(c, "makeActionPlan").getId();
    ok(get("/api/cases/by-task/" + taskId, COACH));
    ok(get("/api/cases/by-task/" + taskId, ADMIN));
    ok(get("/api/cases/by-task/" + taskId, MANAGER));
    ok(get("/api/cases/" + c.getCaseNumber() + "/participant", ADMIN));

    String casePath = "/api/audit/cases/" + c.getCaseNumber();
    assertThat(get(casePath, COACH).statusCode()).isEqualTo(403);
    assertThat(get(casePath, REFERRER).statusCode()).isEqualTo(403);
    assertThat(ok(get(casePath, OTHER_MANAGER))).as("another project's manager sees none of it").isEmpty();

    var ofCase = ok(get(casePath, MANAGER));
    assertThat(ofCase.findValuesAsText("userId")).containsSubsequence(WORKING_GROUP_MEMBER, COACH, COACH, ADMIN,
        MANAGER, ADMIN);
    assertThat(ofCase.findValuesAsText("resource")).contains(
        "Deltagarens personuppgifter (fullständigt personnummer, kontaktuppgifter)");

    var outside = ok(get("/api/audit/outside-team" + period, MANAGER));
    var ofThisCase = new java.util.ArrayList<String>();
    outside.forEach(e -> {
      if (e.path("caseNumber").asText().equals(c.getCaseNumber())) {
        ofThisCase.add(e.path("userId").asText() + " " + e.path("action").asText());
      }
    });
    assertThat(ofThisCase).as("not the coach, not the manager").containsExactly(AuditLog.SYSTEM + " CHANGE",
        WORKING_GROUP_MEMBER + " CHANGE", ADMIN + " READ", ADMIN + " READ");

    var byUser = ok(get("/api/audit/users/" + ADMIN + period, MANAGER));
    assertThat(byUser.findValuesAsText("userId")).isNotEmpty().allMatch(ADMIN::equals);
    assertThat(ok(get("/api/audit/entries?from=2020-01-01&to=2020-01-31", MANAGER))).isEmpty();
    assertThat(ok(get("/api/audit/entries" + period, MANAGER)).findValuesAsText("caseNumber"))
        .contains(c.getCaseNumber());
  }

  @Test
  @DisplayName("personnumret visas maskerat i Ärende-fliken; helt bara i deltagarens uppgifter, och det loggas")
  void personnummerIsMaskedUnlessTheRecordIsOpened() throws Exception {
    var referral = newPersonReferral(LocalDate.now().minusDays(2));
    clockAt(LocalDate.now().minusDays(2), MORNING);
    CaseFile c = refer(referral);
    String number = (String) referral.get("identityNumber");
    String taskId = task(c, "decideIntake").getId();

    var overview = get("/api/cases/by-task/" + taskId, WORKING_GROUP_MEMBER);
    assertThat(ok(overview).path("participant").path("identityNumber").asText())
        .isEqualTo(number.substring(0, 8) + "-****");
    assertThat(overview.body()).doesNotContain(number, number.replace("-", ""), number.substring(2),
        (String) referral.get("phone"), (String) referral.get("email"));

    long before = jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and resource like 'Deltagarens%'",
        Long.class, c.getId());
    var record = ok(get("/api/cases/" + c.getCaseNumber() + "/participant", WORKING_GROUP_MEMBER));
    assertThat(record.path("identityNumber").asText()).isEqualTo(number);
    assertThat(record.path("phone").asText()).isEqualTo(referral.get("phone"));
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and resource like 'Deltagarens%'",
        Long.class, c.getId())).isEqualTo(before + 1);
    assertThat(get("/api/cases/" + c.getCaseNumber() + "/participant", OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(get("/api/cases/" + c.getCaseNumber() + "/participant", null).statusCode()).isEqualTo(401);
  }

  /** The page of Cockpit's "Försenade steg" that shows the case to its coach (other tests' cases share the list). */
  private String overduePageWith(CaseFile c) throws Exception {
    for (int page = 0; page < 100; page++) {
      String path = "/api/deadlines/overdue?size=200&page=" + page;
      var view = ok(get(path, COACH));
      for (var step : view.path("overdue")) {
        if (step.path("caseNumber").asText().equals(c.getCaseNumber())) {
          return path;
        }
      }
      if (view.path("overdue").isEmpty()) {
        break;
      }
    }
    throw new AssertionError("no page of the overdue view shows " + c.getCaseNumber());
  }

  private long entries(CaseFile c, String action) {
    return jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = ?", Long.class,
        c.getId(), action);
  }

  private List<String> resources(CaseFile c, String action) {
    return jdbc.queryForList("select resource from audit_entry where case_id = ? and action = ? order by id",
        String.class, c.getId(), action);
  }
}
