package se.stegvis.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API is closed to anonymous callers: HTTP Basic through {@link BasicAuthentications}
 * (as Camunda's own {@code ProcessEngineAuthenticationFilter} with its Basic provider does, but
 * without three engine queries on every call); the user is then known to the engine, with groups
 * and tenants, for the request.
 */
class EngineRestAuthentication extends OncePerRequestFilter {

  private final BasicAuthentications basic;
  private final IdentityService identityService;

  EngineRestAuthentication(BasicAuthentications basic, IdentityService identityService) {
    this.basic = basic;
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var authentication = request.getAttribute(ApiAuthenticationFilter.AUTHENTICATED) instanceof Authentication token
        ? Optional.of(token) : basic.authenticate(request);
    if (authentication.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"default\"");
      return;
    }
    identityService.setAuthentication(authentication.get());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
