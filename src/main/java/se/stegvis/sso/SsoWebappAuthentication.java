package se.stegvis.sso;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;

/**
 * Camunda's container-based login for users who come from the identity provider, who need no row
 * in Camunda Admin. Camunda's own version builds the webapps' authentication from the identity
 * service, and finds nothing for such a user: the login fails, and so does the webapps'
 * re-check of a logged-in session (every five minutes, {@code AuthenticationFilter} rebuilds the
 * authentication from the identity service and removes it when the user is not there). Here the
 * authentication is built from the provider's login alone (user, mapped groups, the webapps the
 * groups may open), and rebuilt from it when the re-check falls due, before Camunda's filter
 * would look, so the user stays logged in with the groups of her login, until the session ends.
 */
public class SsoWebappAuthentication extends ContainerBasedAuthenticationFilter {

  /** When the webapps' own time to live is not known (it is off): five minutes, Camunda's default. */
  static final Duration RECHECK = Duration.ofMinutes(5);

  private ServletContext servletContext;

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    this.servletContext = filterConfig.getServletContext();
  }

  /**
   * Camunda's version finds the engine only in the paths of the apps and the engine API; the
   * webapps' other calls (their user, {@code /camunda/api/admin/auth/user/default}, the plugins)
   * then pass without the re-check falling due here, and Camunda's filter drops the user. Stegvis
   * runs one engine.
   */
  @Override
  protected String extractEngineName(HttpServletRequest request) {
    String name = super.extractEngineName(request);
    return name != null ? name : ProcessEngines.NAME_DEFAULT;
  }

  /** A session's authentication holds until its re-check is due; then it is built anew from the login. */
  @Override
  protected boolean existisAuthentication(Authentications authentications, String engineName, String username) {
    var existing = authentications.getAuthenticationForProcessEngine(engineName);
    if (existing instanceof UserAuthentication user && isAuthenticated(user, engineName, username)) {
      Date due = user.getCacheValidationTime();
      return due != null && !ClockUtil.getCurrentTime().after(due);
    }
    return false;
  }

  @Override
  protected UserAuthentication createAuthentication(ProcessEngine engine, String userId, List<String> groupIds,
      List<String> tenantIds) {
    // Camunda's own login checks the application grants without anyone authenticated, too.
    engine.getIdentityService().clearAuthentication();
    Set<String> apps = new HashSet<>(Set.of(AuthenticationUtil.APP_WELCOME));
    for (String app : AuthenticationUtil.APPS) {
      if (!engine.getProcessEngineConfiguration().isAuthorizationEnabled()
          || engine.getAuthorizationService().isUserAuthorized(userId, groupIds, ACCESS, APPLICATION, app)) {
        apps.add(app);
      }
    }
    var authentication = new UserAuthentication(userId, engine.getName());
    authentication.setGroupIds(groupIds);
    authentication.setTenantIds(tenantIds);
    authentication.setAuthorizedApps(apps);
    Date due = servletContext == null ? null : ServletContextUtil.getAuthCacheValidationTime(servletContext);
    authentication.setCacheValidationTime(due != null ? due
        : new Date(ClockUtil.getCurrentTime().getTime() + RECHECK.toMillis()));
    return authentication;
  }
}
