package se.stegvis.deadline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a deadline is called where managers and coaches read it: the step's name and its period as
 * the deployed model states it, "Handlingsplan (14 dagar)". Read from the latest version of each
 * model, so the label follows a period changed in Modeler as soon as it is deployed; a kind added
 * in Modeler is named by its task. The labels are kept: a deployment on this node ({@link #forget})
 * drops them at once, one on another node of a cluster within {@link #RECHECK}.
 */
@Component
public class DeadlineLabels {

  static final Duration RECHECK = Duration.ofMinutes(1);

  private record Snapshot(List<String> definitionIds, Map<String, String> labels, long checkedAt) {
  }

  private final RepositoryService repositoryService;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  /** Lazy: the engine's model validation renews the labels while the engine itself is being built. */
  DeadlineLabels(@Lazy RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** One kind's label; a kind no model knows shows its own key. */
  public String label(String kind) {
    return current().getOrDefault(kind, kind);
  }

  /** A new deployment: the next label is read from the models again. */
  public void forget() {
    snapshot.set(null);
  }

  private Map<String, String> current() {
    Snapshot known = snapshot.get();
    long now = System.nanoTime();
    if (known != null && now - known.checkedAt() < RECHECK.toNanos()) {
      return known.labels();
    }
    List<String> ids = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getId).sorted().toList();
    if (known != null && known.definitionIds().equals(ids)) {
      snapshot.set(new Snapshot(ids, known.labels(), now));
      return known.labels();
    }
    Map<String, String> labels = new HashMap<>();
    for (DeadlineKind kind : DeadlineKind.values()) {
      labels.put(kind.name(), kind.stepName());
    }
    for (String id : ids) {
      for (DeadlinePeriod period : DeadlinePeriod.of(repositoryService.getBpmnModelInstance(id))) {
        String name = labels.getOrDefault(period.kind(), period.taskName());
        labels.put(period.kind(), name + " (" + period.words() + ")");
      }
    }
    Map<String, String> fresh = Map.copyOf(labels);
    snapshot.set(new Snapshot(ids, fresh, now));
    return fresh;
  }
}
