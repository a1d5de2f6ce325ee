package se.stegvis.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.HttpCaseTest;
import se.stegvis.support.TestHttp;

/**
 * A coach logs in to Tasklist through the provider (authorization-code flow against
 * mock-oauth2-server in this JVM, no password at Stegvis) and sees her own tasks only; the
 * webapps know her by the token's user id with the mapped groups. Logging out sends her to the
 * provider's end-session endpoint, and her session at Stegvis is gone.
 */
@AlsoOnPostgres
class WebappLoginTest extends HttpCaseTest {

  /** A provider per application context (this class's and its PostgreSQL twin's). */
  static MockOAuth2Server PROVIDER;
  static final String ISSUER = "kommun";
  static final String SUBJECT = "00u9kq2-kim-4711";

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    PROVIDER = new MockOAuth2Server();
    PROVIDER.start();
    String issuer = PROVIDER.issuerUrl(ISSUER).toString();
    registry.add("spring.security.oauth2.client.provider.stegvis.issuer-uri", () -> issuer);
    registry.add("spring.security.oauth2.client.registration.stegvis.client-id", () -> "stegvis");
    registry.add("spring.security.oauth2.client.registration.stegvis.client-secret", () -> "hemligt");
    registry.add("spring.security.oauth2.client.registration.stegvis.scope", () -> "openid");
    registry.add("stegvis.sso.group-mapping.[sg-stegvis-handledare]", () -> "coach");
  }

  @AfterAll
  static void stopProvider() {
    if (PROVIDER != null) {
      PROVIDER.shutdown();
    }
  }

  @Test
  void theCoachLogsInThroughTheProviderAndSeesOnlyHerTasks() throws Exception {
    CaseFile hers = activeCaseOfHttpCoach(LocalDate.of(2026, 5, 4));
    CaseFile others = activeCase(LocalDate.of(2026, 5, 4));
    // The provider's subject is an opaque id; the user id Stegvis uses is preferred_username.
    var app = logIn(SUBJECT, Map.of("preferred_username", HTTP_COACH,
        "groups", List.of("sg-stegvis-handledare", "sg-alla-anstallda")));

    JsonNode user = json.readTree(app.sessionGet("/camunda/api/admin/auth/user/default").body());
    assertThat(user.path("userId").asText()).isEqualTo(HTTP_COACH);
    JsonNode tasks = json.readTree(app.sessionGet("/camunda/api/engine/engine/default/task?maxResults=500").body());
    assertThat(tasks.findValuesAsText("processInstanceId")).contains(hers.getProcessInstanceId())
        .doesNotContain(others.getProcessInstanceId());
    assertThat(tasks.findValuesAsText("assignee")).containsOnly(HTTP_COACH);

    // Our pages' reads of the case (session, /api) are audited with the provider and its subject.
    assertThat(app.sessionGet("/api/cases/" + hers.getCaseNumber() + "/journal").statusCode()).isEqualTo(200);
    Map<String, Object> entry = jdbc.queryForMap("select user_id, auth_subject, auth_provider from audit_entry "
        + "where case_id = ? order by id desc limit 1", hers.getId());
    assertThat(entry.values()).containsExactly(HTTP_COACH, SUBJECT, PROVIDER.issuerUrl(ISSUER).toString());

    var logout = app.send(app.request("/sso/logout"));
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow())
        .startsWith(PROVIDER.issuerUrl(ISSUER).toString()).contains("id_token_hint=");
    assertThat(app.sessionGet("/camunda/api/engine/engine/default/task").statusCode()).isIn(302, 401);
  }

  @Test
  void aUserKnownOnlyToTheProviderWorksPastTheWebappsRecheck() throws Exception {
    String lena = "sso-lena";
    assertThat(identityService.createUserQuery().userId(lena).count()).as("no row in Camunda Admin").isZero();
    CaseFile c = activeCaseOfHttpCoach(LocalDate.of(2026, 5, 4));
    String task = task(c, "makeActionPlan").getId();
    taskService.setAssignee(task, lena);
    clockAt(LocalDate.of(2026, 5, 6), LocalTime.of(9, 0));
    var app = logIn("e7f1-lena", Map.of("preferred_username", lena, "groups", List.of("sg-stegvis-handledare")));

    // Logged in, and still after the webapps' five-minute re-check (Camunda rebuilds the session's
    // authentication from the identity service when it falls due, where she is not), and after two.
    for (int minutes : new int[] {0, 6, 12}) {
      clockAt(LocalDate.of(2026, 5, 6), LocalTime.of(9, minutes));
      var userAnswer = app.sessionGet("/camunda/api/admin/auth/user/default");
      assertThat(userAnswer.statusCode()).as("after %d minutes: %s", minutes, userAnswer.body()).isEqualTo(200);
      JsonNode user = json.readTree(userAnswer.body());
      assertThat(user.path("userId").asText()).isEqualTo(lena);
      assertThat(user.path("authorizedApps").toString()).contains("tasklist");
      var tasks = app.sessionGet("/camunda/api/engine/engine/default/task?maxResults=500");
      assertThat(tasks.statusCode()).as("after %d minutes", minutes).isEqualTo(200);
      assertThat(json.readTree(tasks.body()).findValuesAsText("id")).as("after %d minutes", minutes).contains(task);
      // Our pages' API knows her with the groups of her login too.
      var caseload = app.sessionGet("/api/caseload");
      assertThat(caseload.statusCode()).as("after %d minutes: %s", minutes, caseload.body()).isEqualTo(200);
    }
  }

  @Test
  void theWebappsOwnLogoutEndsTheProvidersSessionToo() throws Exception {
    var app = logIn(SUBJECT, Map.of("preferred_username", HTTP_COACH, "groups", List.of("sg-stegvis-handledare")));
    assertThat(app.send(app.request("/stegvis/webapp-chrome.js")).body())
        .as("the webapps' shared script follows the provider's logout").contains("X-Stegvis-Logout");
    String endSession = json.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        PROVIDER.issuerUrl(ISSUER) + "/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("end_session_endpoint").asText();

    // Tasklist's "Log out": a background POST with Camunda's CSRF token.
    var logout = app.sessionPost("/camunda/api/admin/auth/user/default/logout", "");

    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
    String target = logout.headers().firstValue("X-Stegvis-Logout").orElseThrow();
    assertThat(target).startsWith(endSession + "?").contains("id_token_hint=")
        .contains("post_logout_redirect_uri=http://localhost:" + port + "/camunda/app/tasklist/");
    assertThat(app.sessionGet("/camunda/api/engine/engine/default/task").statusCode()).as("Stegvis's session ended")
        .isIn(302, 401);
    assertThat(app.sessionGet("/api/caseload").statusCode()).isEqualTo(401);
    // At the provider: its session ends and the browser is sent back to Tasklist.
    var atProvider = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(target)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
    assertThat(atProvider.headers().firstValue("Location").orElseThrow())
        .startsWith("http://localhost:" + port + "/camunda/app/tasklist/");
  }

  /** The browser's way through the authorization-code flow, followed by hand; the logged-in session. */
  private TestHttp logIn(String subject, Map<String, Object> claims) throws Exception {
    PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, JOSEObjectType.JWT.getType(),
        List.of("stegvis"), claims, 3600));
    var app = new TestHttp(port);
    var browser = HttpClient.newHttpClient();
    var toLogin = app.send(app.request("/camunda/app/tasklist/"));
    assertThat(toLogin.statusCode()).isEqualTo(302);
    var toProvider = app.send(app.request(path(toLogin)));
    assertThat(toProvider.statusCode()).isEqualTo(302);
    String authorize = toProvider.headers().firstValue("Location").orElseThrow();
    assertThat(authorize).startsWith(PROVIDER.issuerUrl(ISSUER).toString());
    var back = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(back.statusCode()).isEqualTo(302);
    var loggedIn = app.send(app.request(path(back)));
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
    assertThat(app.send(app.request("/camunda/app/tasklist/default/")).statusCode()).isEqualTo(200);
    return app;
  }

  private String path(HttpResponse<String> redirect) {
    URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
  }
}
