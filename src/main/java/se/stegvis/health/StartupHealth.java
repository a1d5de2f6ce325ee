package se.stegvis.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProjectRepository;
import se.stegvis.engine.ModelDeployment;

/**
 * Part of readiness ({@code /actuator/health/readiness}): UP only when the start-up work a node
 * needs before it takes users is done: the database migrations applied, the models deployed,
 * the demo data loaded (where it is on) and the Tasklist filters created. Spring's own
 * {@code readinessState}, in the same group, turns UP only after the start-up listeners have
 * run; this indicator checks the results themselves, so a node whose start-up went wrong is
 * never sent users. A step once done stays done: a probe costs nothing after that.
 */
@Component("startup")
class StartupHealth implements HealthIndicator {

  private final Map<String, BooleanSupplier> steps = new LinkedHashMap<>();
  private final Set<String> done = ConcurrentHashMap.newKeySet();

  StartupHealth(ObjectProvider<Flyway> flyway, RepositoryService repositoryService, FilterService filterService,
      ProjectRepository projects, @Value("${stegvis.demo.enabled:false}") boolean demo) {
    steps.put("migrations", () -> flyway.stream().allMatch(f -> f.info().pending().length == 0));
    steps.put("models", () -> repositoryService.createDeploymentQuery()
        .deploymentName(ModelDeployment.DEPLOYMENT_NAME).count() > 0);
    if (demo) {
      steps.put("demoData", () -> projects.count() > 0);
    }
    // The last of the filters that system/TasklistFilters creates, in its order.
    steps.put("tasklistFilters", () -> filterService.createFilterQuery().filterName("Uppföljningar att göra")
        .count() > 0);
  }

  @Override
  public Health health() {
    List<String> waiting = steps.entrySet().stream().filter(step -> !done.contains(step.getKey()))
        .filter(step -> !step.getValue().getAsBoolean()).map(Map.Entry::getKey).toList();
    steps.keySet().stream().filter(step -> !waiting.contains(step)).forEach(done::add);
    return (waiting.isEmpty() ? Health.up() : Health.outOfService()).withDetail("waitingFor", waiting).build();
  }
}
