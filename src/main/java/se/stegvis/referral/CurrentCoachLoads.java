package se.stegvis.referral;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.value.impl.JsonValueImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;

/**
 * The coaches' loads in "Besluta om insats" as they are when the form is opened, not when the task
 * was created: a referral may wait days for the working group, and cases given to a coach meanwhile
 * count. Whoever fetches a task's form variables (Tasklist, the engine's REST API, {@code
 * FormService}) and gets the task's coach list ({@link ProcessVariables#COACH_OPTIONS}) gets it
 * computed anew ({@link IntakeDecisionForm#coachOptions()}). Nothing is written: the answer is
 * replaced, the stored list stays as it was (it is read by nobody else), so opening a form changes
 * no engine row and no history.
 *
 * <p>The engine has checked the caller's right to read the task before the list is replaced; the
 * coaches (names and counts, no participant) are read without the caller's rights to users, which
 * staff do not have in the engine.
 */
@Component
class CurrentCoachLoads extends AbstractProcessEnginePlugin {

  private final ObjectProvider<IntakeDecisionForm> form;

  CurrentCoachLoads(ObjectProvider<IntakeDecisionForm> form) {
    this.form = form;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Refresh());
  }

  final class Refresh extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (command instanceof GetTaskFormVariablesCmd && result instanceof VariableMap variables
          && variables.containsKey(ProcessVariables.COACH_OPTIONS)) {
        boolean deserialized = !(variables.getValueTyped(ProcessVariables.COACH_OPTIONS)
            instanceof SerializableValue stored) || stored.isDeserialized();
        String options = Context.getCommandContext().runWithoutAuthorization(
            () -> Spin.JSON(form.getObject().coachOptions()).toString());
        variables.putValueTyped(ProcessVariables.COACH_OPTIONS,
            new JsonValueImpl(deserialized ? Spin.JSON(options) : null, options, "application/json", deserialized));
      }
      return result;
    }
  }
}
