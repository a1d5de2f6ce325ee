package se.stegvis.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API is closed to anonymous callers: HTTP Basic ({@link EngineRestAuthentication});
 * what the roles may do there and in the webapps' engine API is guarded by {@link EngineDoorGuard}. The
 * application's own API ({@code /api}) is authenticated by {@link ApiAuthenticationFilter} and guarded by
 * {@link ApiAccess}.
 */
@Configuration
class RestAuthentication {

  /**
   * Before any password or token is checked: the webapps' login and HTTP Basic on both APIs, and
   * bearer tokens, so before Spring Security's filters (se.stegvis.sso, order -100).
   */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/v3/api-docs", "/v3/api-docs/*",
        "/camunda/api/admin/auth/user/*", "/actuator/*");
    registration.setOrder(-110);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestAuthentication> engineRestAuthentication(BasicAuthentications basic,
      IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new EngineRestAuthentication(basic, identityService));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineDoorGuard> engineDoorGuard(IdentityService identityService, TaskService taskService,
      AuthorizationService authorizationService) {
    var registration = new FilterRegistrationBean<>(new EngineDoorGuard(identityService, taskService,
        authorizationService));
    registration.setName("engine-door-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ActuatorAccess> actuatorAccess(BasicAuthentications basic,
      ObjectProvider<HealthEndpoint> health) {
    var registration = new FilterRegistrationBean<>(new ActuatorAccess(basic, health));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ApiAuthenticationFilter filter) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName("api-authentication");
    // The API's description (se.stegvis.apidoc) is read with the same credentials as the API.
    registration.addUrlPatterns("/api/*", "/v3/api-docs", "/v3/api-docs/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<StegvisPagesCsrfCookie> stegvisPagesCsrfCookie() {
    var registration = new FilterRegistrationBean<>(new StegvisPagesCsrfCookie());
    registration.setName("stegvis-pages-csrf-cookie");
    registration.addUrlPatterns("/stegvis/*");
    return registration;
  }
}
