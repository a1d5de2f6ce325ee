package se.stegvis.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before every authorization check, the engine narrows the user's groups to those named in any
 * grant, with {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}: a read of the whole
 * grant table once per command. Stegvis grants per case ({@code CaseAuthorizations}), several rows
 * per case, so at 100,000 cases that read alone outweighed the work it guarded. A Stegvis user has
 * a handful of groups (roles and teams), so they go into the check as they are; a group without
 * grants matches nothing there, so who may see what is unchanged. Only a user in more than
 * {@link #UNFILTERED_UP_TO} groups (from a directory, say) still gets the engine's narrowing.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

  static final int UNFILTERED_UP_TO = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    // Replaces the engine's factory of the same session type.
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new FewGroupsAuthorizationManager();
      }
    });
  }

  static final class FewGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > UNFILTERED_UP_TO) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(authenticatedGroupIds);
    }
  }
}
