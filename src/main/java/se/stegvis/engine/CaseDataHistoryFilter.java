package se.stegvis.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;

/**
 * Keeps case data out of engine history: variable history (ACT_HI_VARINST, ACT_HI_DETAIL) is
 * written only for the process variables on the allow-list, whatever a form or client submits.
 */
@Component
class CaseDataHistoryFilter extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private final HistoryEventHandler database = new DbHistoryEventHandler();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(this);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (isRecorded(event)) {
      database.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  static boolean isRecorded(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return ProcessVariables.isAllowed(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity formField) {
      // submit-form (Tasklist) logs every submitted field as a "FormProperty" detail.
      return ProcessVariables.isAllowed(formField.getPropertyId());
    }
    return true;
  }
}
