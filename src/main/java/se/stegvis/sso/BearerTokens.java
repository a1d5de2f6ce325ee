package se.stegvis.sso;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stegvis.audit.SignIn;
import se.stegvis.security.ApiAuthenticationFilter;

/**
 * Bearer tokens (JWT) for the application API, the engine REST API and the API description, on
 * when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set. Only requests that
 * carry {@code Authorization: Bearer} are Spring Security's: HTTP Basic and the webapps' sessions
 * go on through the application's own filters exactly as without single sign-on. A token must
 * be signed by the issuer's keys, unexpired, from that issuer and for one of
 * {@code spring.security.oauth2.resourceserver.jwt.audiences}, else 401; a valid token whose
 * groups map to none of Stegvis's ({@link SsoGroups}) gets 403. The user (the claim
 * {@code principal-claim-name}, default {@code sub}) and the mapped groups are handed to the
 * application's filters, which make the engine act as that user: authorizations, case access
 * and the audit log see the same user id as with a password.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, SsoGroups.class})
class BearerTokens {

  static final String MAPPED = "STEGVIS_GROUP_";
  private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);

  /** Fetches the issuer's discovery document and keys on first use: a provider that is down does not stop the start. */
  @Bean
  JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) {
    var jwt = properties.getJwt();
    List<String> audiences = jwt.getAudiences();
    OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
        aud -> aud != null && aud.stream().anyMatch(audiences::contains));
    OAuth2TokenValidator<Jwt> validator = audiences.isEmpty() ? JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri())
        : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()), audience);
    return new SupplierJwtDecoder(() -> {
      var decoder = NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri()).build();
      decoder.setJwtValidator(validator);
      return decoder;
    });
  }

  @Bean
  @Order(1)
  SecurityFilterChain bearerTokenChain(HttpSecurity http, OAuth2ResourceServerProperties properties,
      SsoGroups groups) throws Exception {
    String userClaim = properties.getJwt().getPrincipalClaimName() == null ? JwtClaimNames.SUB
        : properties.getJwt().getPrincipalClaimName();
    http.securityMatcher(request -> isApi(request) && hasBearer(request))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .oauth2ResourceServer(server -> server
            .authenticationEntryPoint(Refusals::unauthenticated)
            .accessDeniedHandler(Refusals::forbidden)
            .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token,
                groups.of(token.getClaim(groups.groupsClaim())).stream()
                    .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(MAPPED + group)).toList(),
                token.getClaimAsString(userClaim)))))
        .exceptionHandling(handling -> handling.accessDeniedHandler(Refusals::forbidden))
        .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
            new org.springframework.security.authorization.AuthorizationDecision(authentication.get()
                .getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith(MAPPED)))))
        .addFilterAfter(new EngineUser(), AuthorizationFilter.class);
    return http.build();
  }

  /** Spring Boot's registration of the security filters, left out with its auto-configuration (StegvisApplication). */
  @Bean
  DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
    return securityFilters();
  }

  static DelegatingFilterProxyRegistrationBean securityFilters() {
    var registration = new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    registration.setOrder(-100);
    return registration;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/v3/api-docs");
  }

  private static boolean hasBearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /** Hands the token's user and groups to the application's own API filters. */
  private static final class EngineUser extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
        List<String> groups = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith(MAPPED)).map(a -> a.substring(MAPPED.length())).toList();
        log.debug("Bearer token of {} from {}", token.getName(), token.getToken().getIssuer());
        request.setAttribute(ApiAuthenticationFilter.AUTHENTICATED, new Authentication(token.getName(), groups));
        // The audit log records the provider's subject and issuer beside the user id.
        SignIn.onRequest(request, token.getToken().getSubject(),
            token.getToken().getIssuer() == null ? null : token.getToken().getIssuer().toString());
      }
      chain.doFilter(request, response);
    }
  }
}
