package se.stegvis.migration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.stegvis.identity.Groups;

/**
 * Only members of {@code camunda-admin} may use the migration API. The API's authentication filter
 * has made the caller known to the engine (anonymous calls got 401 there); this checks the group
 * before the request body is even read, so others get 403 whatever they send.
 */
@Configuration
class AdministratorsOnly implements WebMvcConfigurer, HandlerInterceptor {

  static final String[] PATHS = {MigrationController.PATH, MigrationController.PATH + "/**"};

  private final IdentityService identityService;

  AdministratorsOnly(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(PATHS);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() == null
        || !authentication.getGroupIds().contains(Groups.ADMINISTRATORS)) {
      throw new AdministratorRequiredException();
    }
    return true;
  }
}
