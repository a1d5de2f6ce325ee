package se.stegvis.security;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every password check through {@link LoginThrottle}: the webapps' login form and HTTP Basic
 * on {@code /api} and {@code /engine-rest}; and bearer tokens there, by client address (a rejected
 * token is a failed login; this runs before Spring Security's filters, which check the token). A
 * refused login gets 429 with a Swedish problem detail and {@code Retry-After}; the outcome of an
 * allowed one (401 = wrong password or token) is recorded.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean webappLogin = isWebappLogin(request);
    boolean bearer = !webappLogin && hasBearerToken(request);
    String userId = webappLogin ? request.getParameter("username")
        : BasicCredentials.of(request).map(BasicCredentials::userId).orElse(null);
    if (userId == null && !bearer) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    var refused = throttle.refusedFor(userId, address);
    if (refused.isPresent()) {
      refuse(response, refused.get());
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      // A rejected bearer token (expired, wrongly signed, another issuer or audience) counts for the address.
      throttle.failed(userId, address);
    } else if (userId != null && (!webappLogin || status == HttpServletResponse.SC_OK)) {
      throttle.succeeded(userId);
    }
  }

  private static boolean hasBearerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static boolean isWebappLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && WEBAPP_LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(wait.toSeconds() + 1));
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write("""
        {"type":"about:blank","title":"För många inloggningsförsök","status":429,\
        "detail":"För många misslyckade inloggningsförsök. Försök igen om %d minuter."}""".formatted(minutes));
  }
}
