package se.stegvis.apidoc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.stegvis.identity.Groups;

/**
 * The API description is for administrators: it names every call and field, which is an
 * integrator's business, not a coach's. The caller is already authenticated by the API's own
 * filter (session or HTTP Basic; anonymous gets 401 there); anyone else than an administrator gets 403.
 */
@Configuration
class ApiDescriptionAccess implements WebMvcConfigurer, HandlerInterceptor {

  private final IdentityService identityService;

  ApiDescriptionAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/v3/api-docs", "/v3/api-docs/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.ADMINISTRATORS)) {
      return true;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write("""
        {"type":"about:blank","title":"Åtkomst nekad","status":403,\
        "detail":"API-beskrivningen är till för administratörer."}""");
    return false;
  }
}
