package se.stegvis.problems;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws in a generic ProcessEngineException (twice:
 * "ENGINE-03051 … Exception while invoking TaskListener: …"), so a refused form would reach the
 * caller, and the REST API, as an internal error. Outside the transaction (which has rolled back
 * by then) this hands the caller the {@link FormRejectedException} itself: a 400 with the
 * Swedish message only.
 */
@Component
class FormRejectionUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Unwrap());
  }

  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
          if (cause instanceof FormRejectedException rejected) {
            throw rejected;
          }
        }
        throw e;
      }
    }
  }
}
