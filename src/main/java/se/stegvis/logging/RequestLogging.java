package se.stegvis.logging;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per API call (method, path without the query, status, milliseconds) and a request id
 * on every line logged while the call runs. The user and the case are added by
 * {@link RequestUser} as soon as they are known. The query string is never logged: searches
 * carry free text ({@code /api/workplaces?q=…}). With {@code logging.structured.format.console}
 * set, the keys of {@link #REQUEST_ID}, {@link #USER_ID} and {@link #CASE_NUMBER} are fields of
 * each JSON line.
 */
class RequestLogging extends OncePerRequestFilter {

  static final String REQUEST_ID = "requestId";
  static final String USER_ID = "userId";
  static final String CASE_NUMBER = "caseNumber";
  static final String HEADER = "X-Request-Id";

  /** A caller's (load balancer's) own request id is kept when it is a plain token. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger("se.stegvis.request");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String requestId = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    MDC.put(REQUEST_ID, requestId);
    response.setHeader(HEADER, requestId);
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (MDC.get(USER_ID) == null) {
        sessionUser(request);
      }
      log.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
          (System.nanoTime() - start) / 1_000_000);
      MDC.remove(REQUEST_ID);
      MDC.remove(USER_ID);
      MDC.remove(CASE_NUMBER);
    }
  }

  /** Calls of the webapps themselves (Tasklist's engine calls) run under the webapp session's user. */
  private static void sessionUser(HttpServletRequest request) {
    var session = request.getSession(false);
    var authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications != null) {
      authentications.getAuthentications().stream().map(UserAuthentication::getIdentityId).findFirst()
          .ifPresent(user -> MDC.put(USER_ID, user));
    }
  }
}
