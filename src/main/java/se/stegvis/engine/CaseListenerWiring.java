package se.stegvis.engine;

import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.springframework.stereotype.Component;

/**
 * Wires the case's cross-cutting listeners into every model at deployment, so an administrator
 * adding a task in Modeler cannot forget them: form prefill and submission ({@code caseForms})
 * deadline tracking ({@code deadlineTracker}) and the per-case grants ({@code caseAuthorizations}) on
 * every user task, and the referral start
 * form on every start event that has a form.
 */
@Component
class CaseListenerWiring extends AbstractProcessEnginePlugin {

  private static final Namespace CAMUNDA_NS = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new Listener(configuration));
  }

  private static final class Listener extends AbstractBpmnParseListener {

    private final ProcessEngineConfigurationImpl configuration;

    Listener(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    private ExpressionManager expressions() {
      return configuration.getExpressionManager();
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      var forms = new DelegateExpressionTaskListener(expressions().createExpression("${caseForms}"), List.of());
      var deadlines = new DelegateExpressionTaskListener(expressions().createExpression("${deadlineTracker}"), List.of());
      var grants = new DelegateExpressionTaskListener(expressions().createExpression("${caseAuthorizations}"), List.of());
      task.addTaskListener(TaskListener.EVENTNAME_CREATE, forms);
      task.addTaskListener(TaskListener.EVENTNAME_CREATE, grants);
      task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, grants);
      task.addTaskListener(TaskListener.EVENTNAME_CREATE, deadlines);
      task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, forms);
      task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, deadlines);
      task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, grants);
      task.addTaskListener(TaskListener.EVENTNAME_DELETE, deadlines);
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (element.attributeNS(CAMUNDA_NS, "formRef") != null) {
        activity.addListener(ExecutionListener.EVENTNAME_START, new DelegateExpressionExecutionListener(
            expressions().createExpression("${caseForms}"), List.of()));
      }
    }
  }
}
