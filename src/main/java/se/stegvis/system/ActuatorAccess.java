package se.stegvis.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import se.stegvis.identity.Groups;

/**
 * The actuator endpoints besides health (metrics for Prometheus, info) are for administrators, by
 * HTTP Basic: Prometheus scrapes with an administrator's credentials. Anonymous health shows only
 * {@code {"status":"UP"}} ({@code management.endpoint.health.show-details: never}), enough for a
 * load balancer.
 */
class ActuatorAccess extends OncePerRequestFilter {

  private final BasicAuthentications basic;

  ActuatorAccess(BasicAuthentications basic) {
    this.basic = basic;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      chain.doFilter(request, response);
      return;
    }
    var authentication = basic.authenticate(request);
    if (authentication.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"Stegvis\", charset=\"UTF-8\"");
      return;
    }
    var groups = authentication.get().getGroupIds();
    if (groups == null || !groups.contains(Groups.ADMINISTRATORS)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }
}
