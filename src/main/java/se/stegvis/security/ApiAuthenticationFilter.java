package se.stegvis.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stegvis.identity.Groups;

/**
 * Authenticates calls to the application's API: a logged-in Camunda webapp session (the
 * Tasklist and Cockpit plugins) or HTTP Basic (other systems, {@link BasicAuthentications}). The user is then known to the
 * engine for the request, so authorizations and audit see who acted. Anonymous calls get 401; a
 * write by session without the session's CSRF token ({@code X-XSRF-TOKEN}, as the webapps send it) 403.
 */
@Component
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** A request attribute: the engine {@link Authentication} of a caller already authenticated by a bearer token (se.stegvis.sso). */
  public static final String AUTHENTICATED = ApiAuthenticationFilter.class.getName() + ".authenticated";

  private final IdentityService identityService;
  private final BasicAuthentications basic;

  ApiAuthenticationFilter(IdentityService identityService, BasicAuthentications basic) {
    this.identityService = identityService;
    this.basic = basic;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String sessionUser = sessionUser(request);
    var basicUser = sessionUser != null ? Optional.<Authentication>empty()
        : request.getAttribute(AUTHENTICATED) instanceof Authentication token ? Optional.of(token)
        : basic.authenticate(request);
    if (sessionUser == null && basicUser.isEmpty()) {
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
    if (sessionUser != null && !SAFE_METHODS.contains(request.getMethod()) && !hasSessionCsrfToken(request)) {
      // A write by cookie session must prove it comes from our own pages (Camunda's CSRF token).
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("""
          {"type":"about:blank","title":"Begäran saknar säkerhetstoken","status":403,\
          "detail":"Ladda om sidan och försök igen (X-XSRF-TOKEN saknas eller stämmer inte)."}""");
      return;
    }
    if (sessionUser != null) {
      // The groups the webapps hold for the session (re-checked by them every five minutes): a user
      // from the identity provider has them from her login and may have no row in Admin.
      List<String> groups = sessionGroups(request);
      if (groups != null) {
        identityService.setAuthentication(sessionUser, groups);
      } else {
        Groups.actAs(identityService, sessionUser);
      }
    } else {
      identityService.setAuthentication(basicUser.get());
    }
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static boolean hasSessionCsrfToken(HttpServletRequest request) {
    Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected != null && sent != null && MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> sessionGroups(HttpServletRequest request) {
    var session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null ? null : authentications.getAuthentications().stream()
        .map(UserAuthentication::getGroupIds).filter(java.util.Objects::nonNull).findFirst().orElse(null);
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
}
