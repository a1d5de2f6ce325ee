package se.stegvis.security;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The application's own API ({@code /api}) decides who sees a case itself ({@code CaseAccess},
 * the same rules the engine's grants express), and then reads the engine on the user's behalf:
 * the case behind a placement task, the process a case called, its open tasks. The engine's
 * authorization checks are therefore off for commands run while serving an {@code /api} request;
 * they stay on for every other door (Tasklist, Cockpit, Admin, {@code /engine-rest}).
 */
@Component
class ApplicationApiEngineAccess extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new ApiCommands());
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new ApiCommands());
  }

  static boolean servingApiRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        && attributes.getRequest().getRequestURI().startsWith(attributes.getRequest().getContextPath() + "/api/");
  }

  private static final class ApiCommands extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (servingApiRequest()) {
        Context.getCommandContext().disableAuthorizationCheck();
      }
      return next.execute(command);
    }
  }
}
