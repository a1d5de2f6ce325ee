package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import se.stegvis.engine.ModelDeployment;

/** The embedded default: starts on H2, deploys the models, guards the APIs, reports health. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicationTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired Flyway flyway;
  @Autowired FilterService filterService;

  @Test
  @DisplayName("Flyway migrations apply on H2")
  void migrationsApply() {
    assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("1", "2");
    assertThat(flyway.info().pending()).isEmpty();
  }

  @Test
  @DisplayName("The Java migrations are recorded as always, so flyway validate passes on databases they migrated")
  void javaMigrationsKeepTheirRecordedHistory() {
    assertThat(flyway.info().applied())
        .extracting(m -> m.getVersion().getVersion(), MigrationInfo::getDescription, m -> m.getType().name(),
            MigrationInfo::getChecksum)
        .contains(tuple("12.1", "deadline states from step dates", "JDBC", null),
            tuple("15", "search log append-only", "JDBC", null),
            tuple("18", "membership history", "JDBC", null));
  }

  @Test
  @DisplayName("The deployment holds every BPMN model and every form from processes/ and forms/")
  void deploymentHoldsAllModels() throws IOException {
    var deployment = repositoryService.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    List<String> deployed = repositoryService.getDeploymentResourceNames(deployment.getId());
    assertThat(deployed).containsExactlyInAnyOrderElementsOf(modelFiles());
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("participant-case").count())
        .isEqualTo(1);
  }

  static List<String> modelFiles() throws IOException {
    try (Stream<Path> processes = Files.walk(Path.of("processes")); Stream<Path> forms = Files.walk(Path.of("forms"))) {
      return Stream.concat(processes, forms).filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".form"))
          .map(p -> p.toString().replace('\\', '/')).toList();
    }
  }

  @Test
  @DisplayName("Anonymous calls to the engine REST API get 401, authenticated ones 200")
  void engineRestNeedsAuthentication() {
    assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("okand", "fel").getForEntity("/engine-rest/process-definition", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/process-definition",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("Anonymous calls to the application API get 401 with a Swedish problem")
  void apiNeedsAuthentication() {
    for (String path : new String[] {"/api/referrals", "/api/deadlines/overdue", "/api/cases/by-task/x"}) {
      var response = http.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getBody()).contains("Inloggning krävs");
      assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    }
    var headers = new org.springframework.http.HttpHeaders();
    headers.set("X-Requested-With", "XMLHttpRequest");
    var fromPlugin = http.exchange("/api/deadlines/overdue", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(headers), String.class);
    assertThat(fromPlugin.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(fromPlugin.getHeaders().containsKey("WWW-Authenticate"))
        .as("no browser login dialog over a plugin").isFalse();
  }

  @Test
  @DisplayName("Anonymous health is only UP; Prometheus metrics are for administrators")
  void healthAndMetrics() {
    var health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    var metrics = http.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode()).as(metrics.toString()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
  }

  @Test
  @DisplayName("Tasklist filters for own and group tasks exist in every installation")
  void tasklistFilters() {
    assertThat(filterService.createFilterQuery().list()).extracting(f -> f.getName())
        .contains("Mina uppgifter", "Min grupps uppgifter");
  }

  @Test
  @DisplayName("Tasklist is served under /camunda")
  void tasklistIsServed() {
    var page = http.getForEntity("/camunda/app/tasklist/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).containsIgnoringCase("tasklist");
  }
}
