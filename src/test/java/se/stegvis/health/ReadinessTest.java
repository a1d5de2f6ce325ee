package se.stegvis.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.Status;

import se.stegvis.casefile.ProjectRepository;
import se.stegvis.support.ApiTest;

/**
 * Readiness and liveness as a load balancer sees them: anonymous, the status alone; readiness
 * waits for the start-up work, checked on its results.
 */
class ReadinessTest extends ApiTest {

  @Autowired ObjectProvider<Flyway> flyway;
  @Autowired RepositoryService repositoryService;
  @Autowired FilterService filterService;
  @Autowired ProjectRepository projectRepository;
  @Autowired StartupHealth startup;
  @Autowired HealthEndpointGroups groups;

  @Test
  void readinessAndLivenessAnswerAnonymousCallersWithTheStatusAlone() throws Exception {
    var readiness = get("/actuator/health/readiness", null);
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    var liveness = get("/actuator/health/liveness", null);
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void readinessIsUpWhenMigrationsModelsAndFiltersAreDone() {
    var health = startup.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("waitingFor", List.of());
  }

  @Test
  void aNodeWithoutItsDemoDataOrFiltersIsNotReady() {
    ProjectRepository noProjects = mock(ProjectRepository.class);
    when(noProjects.count()).thenReturn(0L);
    var demoNotLoaded = new StartupHealth(flyway, repositoryService, filterService, noProjects, true).health();
    assertThat(demoNotLoaded.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(demoNotLoaded.getDetails()).containsEntry("waitingFor", List.of("demoData"));

    FilterService noFilters = mock(FilterService.class, RETURNS_DEEP_STUBS);
    when(noFilters.createFilterQuery().filterName(anyString()).count()).thenReturn(0L);
    var filtersMissing = new StartupHealth(flyway, repositoryService, noFilters, projectRepository, false).health();
    assertThat(filtersMissing.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(filtersMissing.getDetails()).containsEntry("waitingFor", List.of("tasklistFilters"));
  }

  @Test
  void theReadinessGroupHoldsTheStartupWorkAndLivenessDoesNot() throws Exception {
    assertThat(groups.get("readiness").isMember("startup")).isTrue();
    assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
    assertThat(groups.get("liveness").isMember("startup")).isFalse();
    assertThat(groups.get("liveness").isMember("db")).isFalse();
  }
}
