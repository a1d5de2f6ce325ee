package se.stegvis.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stegvis.support.CuttableTcpProxy;
import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.HttpCaseTest;
import se.stegvis.support.PostgresTestDatabase;

/**
 * The database goes away while the application runs, and comes back: a TCP proxy between the
 * connection pool and a fresh PostgreSQL database is cut (listener and every connection closed)
 * and restored. Meanwhile health says DOWN and the APIs answer 503 in Swedish within seconds;
 * afterwards health says UP and work goes on with nothing lost, without a restart.
 */
@EnabledIfPostgres
@DirtiesContext
class DatabaseOutagePostgresTest extends HttpCaseTest {

  static CuttableTcpProxy proxy;

  @DynamicPropertySource
  static void databaseBehindProxy(DynamicPropertyRegistry registry) throws IOException {
    URI database = URI.create(PostgresTestDatabase.createDatabase("stegvis_outage").substring("jdbc:".length()));
    proxy = new CuttableTcpProxy(database.getHost(), database.getPort());
    registry.add("spring.datasource.url",
        () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getPath());
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
  }

  @AfterAll
  static void restoreForShutdown() throws IOException {
    proxy.restore();
  }

  @Test
  void outageIsReported503AndDownThenServiceResumesByItselfWithNothingLost() throws Exception {
    assertThat(health()).isEqualTo("UP");
    HttpResponse<String> before = refer("2026-02-02");
    assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
    String acknowledged = json.readTree(before.body()).path("caseNumber").asText();

    proxy.cut();
    try {
      Instant start = Instant.now();
      HttpResponse<String> duringOutage = refer("2026-02-03");
      Duration took = Duration.between(start, Instant.now());

      assertThat(duringOutage.statusCode()).as(duringOutage.body()).isEqualTo(503);
      assertThat(duringOutage.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(duringOutage.headers().firstValue("Retry-After")).hasValue("10");
      JsonNode problem = json.readTree(duringOutage.body());
      assertThat(problem.path("title").asText()).isEqualTo("Databasen går inte att nå");
      assertThat(problem.path("detail").asText()).contains("Ingenting av begäran sparades");
      assertThat(duringOutage.body()).doesNotContain("Exception", "at org.", "SQL");
      assertThat(took).as("fails fast (Hikari connection-timeout 10 s)").isLessThan(Duration.ofSeconds(25));

      HttpResponse<String> engine = send("GET", "/engine-rest/task?assignee=" + HTTP_COACH, HTTP_ADMIN, null);
      assertThat(engine.statusCode()).as(engine.body()).isEqualTo(503);
      // Refused while authenticating (problem details, "detail") or by the engine (its format, "message").
      JsonNode engineAnswer = json.readTree(engine.body());
      assertThat(engineAnswer.path("detail").asText() + engineAnswer.path("message").asText())
          .startsWith("Stegvis kommer inte åt sin databas");

      assertThat(health()).isEqualTo("DOWN");
    } finally {
      proxy.restore();
    }

    assertThat(healthWithin(Duration.ofSeconds(30))).isEqualTo("UP");
    HttpResponse<String> after = refer("2026-02-04");
    assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
    assertThat(jdbc.queryForList("select case_number from case_file", String.class))
        .contains(acknowledged, json.readTree(after.body()).path("caseNumber").asText())
        .hasSize(2);
  }

  private HttpResponse<String> refer(String day) throws Exception {
    return send("POST", "/api/referrals", HTTP_ADMIN, newPersonReferral(LocalDate.parse(day)));
  }

  private String health() throws Exception {
    HttpResponse<String> response = send("GET", "/actuator/health", HTTP_ADMIN, null);
    String status = json.readTree(response.body()).path("status").asText();
    assertThat(response.statusCode()).as(response.body()).isEqualTo("UP".equals(status) ? 200 : 503);
    return status;
  }

  /** Health as soon as it is UP again, or its last answer once the time is up. */
  private String healthWithin(Duration limit) throws Exception {
    Instant end = Instant.now().plus(limit);
    String status = health();
    while (!"UP".equals(status) && Instant.now().isBefore(end)) {
      status = health();
    }
    return status;
  }
}
