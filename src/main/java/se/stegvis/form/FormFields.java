package se.stegvis.form;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The field keys of a deployed Camunda Form: what a submission of that form may carry. Read from
 * the form the step's model binds ({@code formRefBinding="deployment"}: the form of the process
 * definition's own deployment, else the latest of its key), inside the engine's command, without
 * authorization checks (a coach reads no deployment resources, yet submits the form). A deployed
 * form never changes, so its keys are kept per form definition, and a deployment's form per
 * deployment and key: a submission then reads nothing from the database.
 */
@Component
class FormFields {

  private static final Logger log = LoggerFactory.getLogger(FormFields.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Set<String>> byFormDefinition = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byDeploymentAndKey = new ConcurrentHashMap<>();

  /** The keys of the form's fields; empty when no such form is deployed (then nothing can be judged). */
  Optional<Set<String>> of(String formKey, String processDefinitionId) {
    var commandContext = Context.getCommandContext();
    if (commandContext == null || formKey == null) {
      return Optional.empty();
    }
    var forms = commandContext.getCamundaFormDefinitionManager();
    CamundaFormDefinitionEntity definition = null;
    String deploymentId = null;
    if (processDefinitionId != null) {
      deploymentId = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(processDefinitionId).getDeploymentId();
      Set<String> known = byDeploymentAndKey.get(deploymentId + "/" + formKey);
      if (known != null) {
        return Optional.of(known);
      }
      definition = forms.findDefinitionByDeploymentAndKey(deploymentId, formKey);
      if (definition != null) {
        CamundaFormDefinitionEntity own = definition;
        Set<String> keys = byFormDefinition.computeIfAbsent(own.getId(), id -> read(own));
        byDeploymentAndKey.put(deploymentId + "/" + formKey, keys);
        return Optional.of(keys);
      }
    }
    if (definition == null) {
      definition = forms.findLatestDefinitionByKey(formKey);
    }
    if (definition == null) {
      log.warn("No deployed Camunda Form {}: its submissions' fields are not checked", formKey);
      return Optional.empty();
    }
    CamundaFormDefinitionEntity form = definition;
    return Optional.of(byFormDefinition.computeIfAbsent(form.getId(), id -> read(form)));
  }

  private static Set<String> read(CamundaFormDefinitionEntity form) {
    var resource = Context.getCommandContext().getResourceManager()
        .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
    try {
      Set<String> keys = new TreeSet<>();
      collect(JSON.readTree(resource.getBytes()).path("components"), keys);
      return Set.copyOf(keys);
    } catch (IOException e) {
      throw new IllegalStateException("Camunda Form " + form.getKey() + " is not JSON", e);
    }
  }

  /** Every component's key, groups' components included. */
  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.path("key").isTextual()) {
        keys.add(component.path("key").asText());
      }
      collect(component.path("components"), keys);
    }
  }
}
