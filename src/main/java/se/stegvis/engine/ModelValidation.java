package se.stegvis.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.spin.Spin;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import se.stegvis.deadline.DeadlinePeriod;

/**
 * Refuses a deployment whose models refer to a form or a bean that does not exist, with a message
 * that names each element, before anything is stored. The engine alone would accept such a model
 * and fail only when a case reaches the step; a file that is not BPMN XML at all is refused
 * here too, as a bad request, and so is a deadline step whose escalation timer disagrees with its
 * due date ({@link DeadlinePeriod#disagreements}).
 */
@Component
class ModelValidation extends AbstractProcessEnginePlugin implements Deployer {

  /** {@code ${beanName}}: a delegate expression naming a bean directly. */
  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  private final ApplicationContext beans;

  ModelValidation(ApplicationContext beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(this);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Set<String> formsInDeployment = deployment.getResources().values().stream()
        .filter(r -> r.getName().endsWith(".form"))
        .map(ModelValidation::formId)
        .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
        problems.addAll(check(resource, formsInDeployment));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Modellen kan inte driftsättas, inget har ändrats: " + String.join(" ", problems));
    }
  }

  private List<String> check(ResourceEntity resource, Set<String> formsInDeployment) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return List.of(resource.getName() + ": filen kan inte läsas som BPMN (" + cause.getMessage() + ").");
    }
    List<String> problems = new ArrayList<>();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      String formRef = formRef(element);
      if (formRef != null && !formRef.contains("${") && !formExists(formRef, binding(element), formsInDeployment)) {
        problems.add(resource.getName() + ": \"" + label(element) + "\" använder formuläret \"" + formRef
            + "\", som inte finns" + ("deployment".equals(binding(element)) ? " i driftsättningen (ta med formulärfilen)." : "."));
      }
    }
    model.getModelElementsByType(BaseElement.class).forEach(element -> {
      for (String expression : delegateExpressions(element)) {
        var bean = BEAN_REFERENCE.matcher(expression);
        if (bean.matches() && !beans.containsBean(bean.group(1))) {
          problems.add(resource.getName() + ": \"" + label(element) + "\" anropar \"" + expression
              + "\", som inte finns i Stegvis.");
        }
      }
    });
    DeadlinePeriod.disagreements(model).forEach(problem -> problems.add(resource.getName() + ": " + problem));
    return problems;
  }

  private static String formRef(FlowElement element) {
    if (element instanceof UserTask task) {
      return task.getCamundaFormRef();
    }
    return element instanceof StartEvent start ? start.getCamundaFormRef() : null;
  }

  private static String binding(FlowElement element) {
    String binding = element instanceof UserTask task ? task.getCamundaFormRefBinding()
        : ((StartEvent) element).getCamundaFormRefBinding();
    return binding == null ? "latest" : binding;
  }

  private static boolean formExists(String formId, String binding, Set<String> formsInDeployment) {
    if (formsInDeployment.contains(formId)) {
      return true;
    }
    return !"deployment".equals(binding) && Context.getCommandContext().getCamundaFormDefinitionManager()
        .findLatestDefinitionByKey(formId) != null;
  }

  private static List<String> delegateExpressions(BaseElement element) {
    List<String> expressions = new ArrayList<>();
    String own = element.getAttributeValueNs(org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS,
        "delegateExpression");
    if (own != null) {
      expressions.add(own);
    }
    if (element.getExtensionElements() != null) {
      for (CamundaExecutionListener listener : element.getExtensionElements()
          .getChildElementsByType(CamundaExecutionListener.class)) {
        if (listener.getCamundaDelegateExpression() != null) {
          expressions.add(listener.getCamundaDelegateExpression());
        }
      }
      for (CamundaTaskListener listener : element.getExtensionElements()
          .getChildElementsByType(CamundaTaskListener.class)) {
        if (listener.getCamundaDelegateExpression() != null) {
          expressions.add(listener.getCamundaDelegateExpression());
        }
      }
    }
    return expressions;
  }

  private static String label(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name == null || name.isBlank() ? element.getId() : name;
  }

  private static String formId(ResourceEntity form) {
    try {
      return Spin.JSON(new String(form.getBytes(), java.nio.charset.StandardCharsets.UTF_8)).prop("id").stringValue();
    } catch (RuntimeException e) {
      return form.getName();
    }
  }
}
