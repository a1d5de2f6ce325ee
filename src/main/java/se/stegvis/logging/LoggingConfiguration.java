package se.stegvis.logging;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request lines and the request's log context for the two APIs and the webapps' own API. Plain
 * text by default; JSON lines (ECS or Logstash) with Spring Boot's
 * {@code logging.structured.format.console} (docs/operations.md, "Logs").
 */
@Configuration
@ConditionalOnProperty(name = "stegvis.logging.requests", havingValue = "true", matchIfMissing = true)
class LoggingConfiguration implements WebMvcConfigurer {

  private final RequestUser requestUser;

  LoggingConfiguration(IdentityService identityService) {
    this.requestUser = new RequestUser(identityService);
  }

  /** First of all filters, so that the login throttle's and the authentication's lines carry the request id. */
  @Bean
  FilterRegistrationBean<RequestLogging> requestLogging() {
    var registration = new FilterRegistrationBean<>(new RequestLogging());
    registration.setName("request-logging");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/v3/api-docs", "/v3/api-docs/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer engineRestRequestUser() {
    return config -> config.register(requestUser);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(requestUser).addPathPatterns("/api/**");
  }
}
