package se.stegvis.system;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API is closed to anonymous callers: HTTP Basic ({@link EngineRestAuthentication});
 * changing what runs there is for administrators ({@link EngineRestAdministration}). The application's own API ({@code /api}) is guarded by {@link ApiAuthenticationFilter}.
 */
@Configuration
class RestAuthentication {

  /** Before any password is checked: the webapps' login and HTTP Basic on both APIs. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/v3/api-docs", "/v3/api-docs/*",
        "/camunda/api/admin/auth/user/*");
    registration.setOrder(0);
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
  FilterRegistrationBean<EngineRestAdministration> engineRestAdministration(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new EngineRestAdministration(identityService));
    registration.setName("engine-rest-administration");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(2);
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
}
