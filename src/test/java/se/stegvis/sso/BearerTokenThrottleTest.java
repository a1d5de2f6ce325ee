package se.stegvis.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.HttpCaseTest;

/**
 * Guessing or replaying bearer tokens is slowed down by the login throttling that guards passwords
 * (system/LoginThrottle): every rejected token counts as a failed login of the client's address,
 * and after the address's limit within the window every bearer call from it, a valid token's too,
 * gets 429 with Retry-After and a Swedish problem detail until the lockout has passed; other
 * clients are not affected. Each client is its own address (X-Forwarded-For from the test, a
 * trusted proxy on loopback here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "STEGVIS_TRUSTED_PROXIES=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1", "stegvis.login.max-failures-per-address=5"})
@AlsoOnPostgres
class BearerTokenThrottleTest extends HttpCaseTest {

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
    registry.add("stegvis.sso.group-mapping.[sg-stegvis-chef]", () -> "chef");
  }

  @AfterAll
  static void stopProvider() {
    if (PROVIDER != null) {
      PROVIDER.shutdown();
    }
  }

  @Test
  void repeatedBadTokensFromOneClientGet429() throws Exception {
    clockAt(LocalDate.of(2026, 6, 1), LocalTime.of(9, 0));
    String valid = token(ISSUER, AUDIENCE, 3600);
    String expired = token(ISSUER, AUDIENCE, -3600);
    String otherIssuer = token("annan", AUDIENCE, 3600);
    String guesser = "203.0.113.71";
    long cases = caseFiles.count();

    assertThat(call("/api/reports/participants", valid, guesser).statusCode()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      var refused = call(i % 2 == 0 ? "/api/reports/participants" : "/engine-rest/task", i % 2 == 0 ? expired
          : otherIssuer, guesser);
      assertThat(refused.statusCode()).as("bad token %d", i + 1).isEqualTo(401);
    }
    for (String token : List.of(expired, valid)) {
      var locked = call("/api/reports/participants", token, guesser);
      assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
      assertThat(locked.headers().firstValue("Retry-After")).isPresent();
      assertThat(locked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      JsonNode problem = json.readTree(locked.body());
      assertThat(problem.path("status").asInt()).isEqualTo(429);
      assertThat(problem.path("detail").asText()).startsWith("För många misslyckade inloggningsförsök");
    }
    var referral = post("/api/referrals", valid, guesser, json.writeValueAsString(newPersonReferral(LocalDate.of(2026,
        6, 1))));
    assertThat(referral.statusCode()).isEqualTo(429);
    assertThat(caseFiles.count()).as("nothing done while locked").isEqualTo(cases);

    assertThat(call("/api/reports/participants", valid, "203.0.113.72").statusCode())
        .as("another client").isEqualTo(200);
    clockAt(LocalDate.of(2026, 6, 1), LocalTime.of(9, 16));
    assertThat(call("/api/reports/participants", valid, guesser).statusCode()).as("after the lockout").isEqualTo(200);
  }

  private static String token(String issuer, String audience, long expiry) {
    return PROVIDER.issueToken(issuer, HTTP_MANAGER, audience, Map.of("groups", List.of("sg-stegvis-chef")), expiry)
        .serialize();
  }

  private HttpResponse<String> call(String path, String token, String client) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).header("X-Forwarded-For", client)
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String token, String client, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).header("X-Forwarded-For", client)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
