package se.stegvis.deadline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * What a deadline is called where managers and coaches read it: the step's name and its period as
 * the deployed model states it, "Handlingsplan (14 dagar)". Read from the latest version of each
 * model, so the label follows a period changed in Modeler as soon as it is deployed; a kind added
 * in Modeler is named by its task. Each call asks which versions are the latest (one small query);
 * the models are read again only when that has changed, on any node of a cluster. Read past the
 * engine's authorizations: a manager may not read process definitions, but reads the labels.
 */
@Component
public class DeadlineLabels {

  private record Snapshot(List<String> definitionIds, Map<String, String> labels) {
  }

  private final ProcessEngineConfigurationImpl engine;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  DeadlineLabels(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** One kind's label; a kind no model knows shows its own key. */
  public String label(String kind) {
    return all().getOrDefault(kind, kind);
  }

  /** Every kind's label by kind: for a list, ask once and look each row up here. */
  public Map<String, String> all() {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      boolean checked = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return labels(context);
      } finally {
        if (checked) {
          context.enableAuthorizationCheck();
        }
      }
    });
  }

  private Map<String, String> labels(CommandContext context) {
    Snapshot known = snapshot.get();
    var latest = new ProcessDefinitionQueryImpl();
    latest.latestVersion();
    List<String> ids = latest.executeList(context, null).stream().map(ProcessDefinition::getId).sorted().toList();
    if (known != null && known.definitionIds().equals(ids)) {
      return known.labels();
    }
    Map<String, String> labels = new HashMap<>();
    for (DeadlineKind kind : DeadlineKind.values()) {
      labels.put(kind.name(), kind.stepName());
    }
    var models = context.getProcessEngineConfiguration().getDeploymentCache();
    for (String id : ids) {
      for (DeadlinePeriod period : DeadlinePeriod.of(models.findBpmnModelInstanceForProcessDefinition(id))) {
        String name = labels.getOrDefault(period.kind(), period.taskName());
        labels.put(period.kind(), name + " (" + period.words() + ")");
      }
    }
    Map<String, String> fresh = Map.copyOf(labels);
    snapshot.set(new Snapshot(ids, fresh));
    return fresh;
  }
}
