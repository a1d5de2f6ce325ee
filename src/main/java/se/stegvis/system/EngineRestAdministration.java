package se.stegvis.system;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stegvis.identity.Groups;

/**
 * Changing what runs (deployments, migrations, process definitions, jobs, batches) through the
 * engine REST API is for administrators only; Camunda Modeler deploys this way. Runs after the
 * engine's authentication filter, which has made the caller known to the identity service.
 */
class EngineRestAdministration extends OncePerRequestFilter {

  private static final Pattern ADMINISTRATION = Pattern.compile(
      "/engine-rest/(engine/[^/]+/)?(deployment|migration|modification|process-definition|job-definition|job|batch)(/.*)?");

  private final IdentityService identityService;

  EngineRestAdministration(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isAdministration(request) && !isAdministrator()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("""
          {"type":"AuthorizationException","message":"Bara administratörer (gruppen camunda-admin) får \
          driftsätta eller ändra processer."}""");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isAdministration(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!ADMINISTRATION.matcher(path).matches()) {
      return false;
    }
    if ("GET".equals(request.getMethod())) {
      return false;
    }
    // Starting a case (and its start form) is work, not administration.
    return !path.matches(".*/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form)");
  }

  private boolean isAdministrator() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.ADMINISTRATORS);
  }
}
