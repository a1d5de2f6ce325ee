package se.stegvis.journal;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A task form's drafts ({@code task:<id>}, {@link CaseDrafts}) go when the task is completed or
 * deleted (a case that ends takes its open tasks with it), in the same transaction: whoever
 * completes it, through Tasklist, the engine's REST API or the application, and whatever the
 * browser does after. Wired into every user task of every model at deployment, like the case's
 * other listeners, so a task added in Modeler is covered too.
 */
@Component
class TaskDraftsEndWithTheTask extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseDrafts> drafts;

  TaskDraftsEndWithTheTask(ObjectProvider<CaseDrafts> drafts) {
    this.drafts = drafts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener discard = (DelegateTask task) -> drafts.getObject().discardTask(task.getId());
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, discard);
        task.addTaskListener(TaskListener.EVENTNAME_DELETE, discard);
      }
    });
  }
}
