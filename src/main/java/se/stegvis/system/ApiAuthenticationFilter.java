package se.stegvis.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stegvis.identity.Groups;

/**
 * Authenticates calls to the application's API: a logged-in Camunda webapp session (the
 * Tasklist and Cockpit plugins) or HTTP Basic (other systems). The user is then known to the
 * engine for the request, so authorizations and audit see who acted. Anonymous calls get 401.
 */
@Component
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String userId = sessionUser(request);
    if (userId == null) {
      userId = basicUser(request);
    }
    if (userId == null) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      // A plugin's background call (webapp session expired) shows its own message; a Basic
      // challenge would open the browser's login dialog over the page instead.
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Stegvis\", charset=\"UTF-8\"");
      }
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("""
          {"type":"about:blank","title":"Inloggning krävs","status":401,\
          "detail":"Logga in eller skicka användarnamn och lösenord (HTTP Basic)."}""");
      return;
    }
    Groups.actAs(identityService, userId);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String sessionUser(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthentications().stream()
        .map(UserAuthentication::getIdentityId).findFirst().orElse(null);
  }

  private String basicUser(HttpServletRequest request) {
    return BasicCredentials.of(request)
        .filter(credentials -> identityService.checkPassword(credentials.userId(), credentials.password()))
        .map(BasicCredentials::userId).orElse(null);
  }
}
