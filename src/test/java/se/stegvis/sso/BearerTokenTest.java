package se.stegvis.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.HttpCaseTest;

/**
 * Bearer tokens from an OpenID Connect provider (no.nav.security's mock-oauth2-server, in this
 * JVM) on the application API and the engine REST API: the provider's groups map to Stegvis's,
 * the engine acts as the token's user with those groups, and a token that is expired, wrongly
 * signed, for another audience or from another issuer gets 401 and changes nothing; a valid token
 * without a mapped group gets 403.
 */
@AlsoOnPostgres
class BearerTokenTest extends HttpCaseTest {

  /** A provider per application context (this class's and its PostgreSQL twin's). */
  static MockOAuth2Server PROVIDER;
  static final String ISSUER = "stegvis-idp";
  static final String AUDIENCE = "stegvis";

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    PROVIDER = new MockOAuth2Server();
    PROVIDER.start();
    String issuer = PROVIDER.issuerUrl(ISSUER).toString();
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    registry.add("stegvis.sso.group-mapping.[sg-stegvis-handledare]", () -> "coach");
    registry.add("stegvis.sso.group-mapping.[sg-stegvis-chef]", () -> "chef");
  }

  @AfterAll
  static void stopProvider() {
    if (PROVIDER != null) {
      PROVIDER.shutdown();
    }
  }

  @Test
  void theCoachsTokenShowsHerCasesAndTasksOnly() throws Exception {
    CaseFile hers = activeCaseOfHttpCoach(LocalDate.of(2026, 5, 4));
    CaseFile others = activeCase(LocalDate.of(2026, 5, 4));
    String coach = token(ISSUER, HTTP_COACH, AUDIENCE, List.of("sg-stegvis-handledare", "sg-okand"), 3600);

    assertThat(call("GET", "/api/cases/" + hers.getCaseNumber() + "/journal", coach).statusCode()).isEqualTo(200);
    assertThat(lastEntry(hers)).as("the audit log names the provider and its subject")
        .containsEntry("USER_ID", HTTP_COACH).containsEntry("AUTH_SUBJECT", HTTP_COACH)
        .containsEntry("AUTH_PROVIDER", PROVIDER.issuerUrl(ISSUER).toString());
    assertThat(call("GET", "/api/cases/" + others.getCaseNumber() + "/journal", coach).statusCode())
        .isIn(403, 404);
    JsonNode tasks = json.readTree(call("GET", "/engine-rest/task?maxResults=500", coach).body());
    List<String> instances = tasks.findValuesAsText("processInstanceId");
    assertThat(instances).contains(hers.getProcessInstanceId()).doesNotContain(others.getProcessInstanceId());
    assertThat(tasks.findValuesAsText("assignee")).containsOnly(HTTP_COACH);
  }

  @Test
  void theManagersTokenReadsReportsAndCannotWrite() throws Exception {
    CaseFile caseFile = activeCaseOfHttpCoach(LocalDate.of(2026, 5, 11));
    String planTask = task(caseFile, "makeActionPlan").getId();
    String manager = token(ISSUER, HTTP_MANAGER, AUDIENCE, List.of("sg-stegvis-chef"), 3600);

    var report = call("GET", "/api/reports/participants?project=C2", manager);
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(call("POST", "/engine-rest/task/" + planTask + "/complete", manager, "{}").statusCode())
        .isEqualTo(403);
    assertThat(task(caseFile, "makeActionPlan")).isNotNull();
  }

  @Test
  void aBadTokenGets401AndChangesNothing() throws Exception {
    String valid = token(ISSUER, HTTP_COACH, AUDIENCE, List.of("sg-stegvis-handledare"), 3600);
    int dot = valid.lastIndexOf('.');
    char last = valid.charAt(valid.length() - 5);
    String wronglySigned = valid.substring(0, valid.length() - 5) + (last == 'A' ? 'B' : 'A') + valid.substring(valid.length() - 4);
    Map<String, String> bad = Map.of(
        "expired", token(ISSUER, HTTP_COACH, AUDIENCE, List.of("sg-stegvis-handledare"), -3600),
        "wrongly signed", wronglySigned,
        "signed by another provider's key", valid.substring(0, dot) + "." + token("annan", HTTP_COACH, AUDIENCE,
            List.of("sg-stegvis-handledare"), 3600).substring(dot + 1),
        "wrong audience", token(ISSUER, HTTP_COACH, "annan-tjanst", List.of("sg-stegvis-handledare"), 3600),
        "wrong issuer", token("annan", HTTP_COACH, AUDIENCE, List.of("sg-stegvis-handledare"), 3600));
    long cases = caseFiles.count();
    for (var token : bad.entrySet()) {
      var referral = call("POST", "/api/referrals", token.getValue(), json.writeValueAsString(
          newPersonReferral(LocalDate.of(2026, 5, 18))));
      assertThat(referral.statusCode()).as(token.getKey()).isEqualTo(401);
      assertThat(referral.body()).as(token.getKey()).contains("Inloggning krävs");
      assertThat(call("GET", "/engine-rest/task", token.getValue()).statusCode()).as(token.getKey()).isEqualTo(401);
      assertThat(call("GET", "/api/reports/participants", token.getValue()).statusCode()).as(token.getKey())
          .isEqualTo(401);
    }
    assertThat(caseFiles.count()).isEqualTo(cases);
  }

  @Test
  void aTokenWithoutAMappedGroupGets403AndChangesNothing() throws Exception {
    String stranger = token(ISSUER, HTTP_COACH, AUDIENCE, List.of("sg-alla-anstallda"), 3600);
    long cases = caseFiles.count();
    var referral = call("POST", "/api/referrals", stranger, json.writeValueAsString(
        newPersonReferral(LocalDate.of(2026, 5, 18))));
    assertThat(referral.statusCode()).isEqualTo(403);
    assertThat(referral.body()).contains("ingen roll i Stegvis");
    assertThat(call("GET", "/engine-rest/task", stranger).statusCode()).isEqualTo(403);
    assertThat(caseFiles.count()).isEqualTo(cases);
  }

  @Test
  void passwordsAndSessionsWorkAsWithoutSingleSignOn() throws Exception {
    assertThat(send("GET", "/api/reports/participants", HTTP_MANAGER, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/reports/participants", "nobody", null).statusCode()).isEqualTo(401);
    CaseFile hers = activeCaseOfHttpCoach(LocalDate.of(2026, 5, 4));
    assertThat(send("GET", "/api/cases/" + hers.getCaseNumber() + "/journal", HTTP_COACH, null).statusCode())
        .isEqualTo(200);
    Map<String, Object> entry = lastEntry(hers);
    assertThat(entry).as("a Stegvis password: provider lokal, no subject").containsEntry("USER_ID", HTTP_COACH)
        .containsEntry("AUTH_PROVIDER", "lokal");
    assertThat(entry.get("AUTH_SUBJECT")).isNull();
  }

  /** The case's latest audit entry, its columns by upper-case name. */
  private Map<String, Object> lastEntry(CaseFile caseFile) {
    Map<String, Object> upper = new java.util.HashMap<>();
    jdbc.queryForMap("select * from audit_entry where case_id = ? order by id desc limit 1", caseFile.getId())
        .forEach((key, value) -> upper.put(key.toUpperCase(java.util.Locale.ROOT), value));
    return upper;
  }

  private static String token(String issuer, String subject, String audience, List<String> groups, long expiry) {
    return PROVIDER.issueToken(issuer, subject, audience, Map.of("groups", groups), expiry).serialize();
  }

  private HttpResponse<String> call(String method, String path, String token) throws Exception {
    return call(method, path, token, null);
  }

  private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
