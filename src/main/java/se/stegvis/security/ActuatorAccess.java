package se.stegvis.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stegvis.identity.Groups;

/**
 * The actuator endpoints besides health (metrics for Prometheus, info) are for administrators, by
 * HTTP Basic: Prometheus scrapes with an administrator's credentials. Anonymous health shows only
 * {@code {"status":"UP"}} (or DOWN, with 503), enough for a load balancer: the root is answered
 * here, since the actuator would also list the names of the probe groups; the groups themselves
 * ({@code /actuator/health/readiness}, {@code /liveness}) show no details by configuration.
 */
class ActuatorAccess extends OncePerRequestFilter {

  private final BasicAuthentications basic;
  private final ObjectProvider<HealthEndpoint> health;

  ActuatorAccess(BasicAuthentications basic, ObjectProvider<HealthEndpoint> health) {
    this.basic = basic;
    this.health = health;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.equals("/actuator/health") && "GET".equals(request.getMethod())) {
      Status status = health.getObject().health().getStatus();
      response.setStatus(Status.UP.equals(status) ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setContentType("application/json");
      response.getWriter().write("{\"status\":\"" + status.getCode() + "\"}");
      return;
    }
    if (path.startsWith("/actuator/health/")) {
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
