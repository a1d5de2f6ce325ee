package se.stegvis.logging;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the authenticated user (as the engine knows them, after the API's own authentication) and
 * the case number of the path, where there is one, into the log context of the request: for the
 * application API a Spring MVC interceptor, for the engine REST API a Jersey request filter.
 */
class RequestUser implements HandlerInterceptor, ContainerRequestFilter {

  private final IdentityService identityService;

  RequestUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    user();
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
        && variables.get(RequestLogging.CASE_NUMBER) instanceof String caseNumber) {
      MDC.put(RequestLogging.CASE_NUMBER, caseNumber);
    }
    return true;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    user();
  }

  private void user() {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      MDC.put(RequestLogging.USER_ID, authentication.getUserId());
    }
  }
}
