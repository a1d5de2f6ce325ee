package se.stegvis.sso;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import se.stegvis.audit.SignIn;

/**
 * Single sign-on for the webapps (Tasklist, Cockpit, Admin) and our pages, on when the client
 * registration {@code spring.security.oauth2.client.registration.stegvis} is configured: an
 * unauthenticated visit goes to the provider (authorization-code flow), and on return the user
 * (claim {@code stegvis.sso.user-claim}, default {@code preferred_username}) and the mapped groups
 * ({@link SsoGroups}) become the webapps' login through Camunda's
 * {@link ContainerBasedAuthenticationFilter}, so the engine's authorizations apply as with a
 * password. The webapps' logout ends the session at the provider too (RP-initiated logout).
 */
@Configuration
@EnableWebSecurity
@ConditionalOnProperty("spring.security.oauth2.client.registration.stegvis.client-id")
@EnableConfigurationProperties({OAuth2ClientProperties.class, SsoGroups.class})
class WebappLogin {

  static final String USER_CLAIM = "stegvis.user";

  @Bean
  ClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties) {
    return new InMemoryClientRegistrationRepository(
        List.copyOf(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values()));
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappLoginChain(HttpSecurity http, ClientRegistrationRepository registrations,
      SsoGroups groups, org.springframework.core.env.Environment environment) throws Exception {
    String userClaim = environment.getProperty("stegvis.sso.user-claim", "preferred_username");
    var logout = new ProviderLogout(registrations);
    logout.setPostLogoutRedirectUri("{baseUrl}/camunda/app/tasklist/");
    // Path matchers on the whole path: the webapps' APIs are Jersey servlets, not Spring MVC.
    http.securityMatcher(paths("/camunda/**", "/stegvis/**", "/oauth2/**", "/login/oauth2/**", "/sso/logout"))
        // The webapps send Camunda's own CSRF token; Spring's would refuse their calls.
        .csrf(csrf -> csrf.ignoringRequestMatchers(paths("/camunda/**", "/stegvis/**")))
        .oauth2Login(login -> login.userInfoEndpoint(info -> info.userAuthoritiesMapper(authorities ->
            mapped(authorities, groups, userClaim))).successHandler(signedIn()))
        // Both the webapps' own logout and /sso/logout end the session here and at the provider.
        .logout(out -> out.logoutRequestMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/sso/logout", "GET"),
                ProviderLogout.WEBAPP_LOGOUT))
            .logoutSuccessHandler(logout))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
    return http.build();
  }

  @Bean
  @ConditionalOnMissingBean(name = "securityFilterChainRegistration")
  DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
    return BearerTokens.securityFilters();
  }

  /**
   * Camunda's container-based login for the webapps, after Spring Security (order -100); users
   * need no row in Admin, also past the webapps' periodic re-check ({@link SsoWebappAuthentication}).
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerLogin() {
    var registration = new FilterRegistrationBean<ContainerBasedAuthenticationFilter>(new SsoWebappAuthentication());
    registration.setName("sso-webapp-login");
    registration.addInitParameter("authentication-provider", TokenUser.class.getName());
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(-90);
    return registration;
  }

  /**
   * RP-initiated logout: the browser goes to the provider's {@code end_session_endpoint} with the ID
   * token, and comes back to Tasklist. {@code /sso/logout} is a page the browser opens: a redirect.
   * The webapps' own *Log out* is a background call (XHR) whose redirect the browser would follow
   * out of sight, across origins: it gets 200 with the provider's address in {@link #HEADER}, and
   * the webapps' shared script ({@code /stegvis/webapp-chrome.js}) sends the page there.
   */
  static final class ProviderLogout extends OidcClientInitiatedLogoutSuccessHandler {

    static final String HEADER = "X-Stegvis-Logout";
    static final RequestMatcher WEBAPP_LOGOUT = new AntPathRequestMatcher("/camunda/api/admin/auth/user/*/logout", "POST");

    ProviderLogout(ClientRegistrationRepository registrations) {
      super(registrations);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
        org.springframework.security.core.Authentication authentication)
        throws java.io.IOException, jakarta.servlet.ServletException {
      if (!WEBAPP_LOGOUT.matches(request)) {
        super.onLogoutSuccess(request, response, authentication);
        return;
      }
      String target = determineTargetUrl(request, response, authentication);
      response.setStatus(HttpServletResponse.SC_OK);
      response.setHeader(HEADER, target);
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
          .put("logout", target).toString());
    }
  }

  /** Keeps the ID token's subject and issuer in the session for the audit log, then goes on as Spring does. */
  private static AuthenticationSuccessHandler signedIn() {
    var saved = new SavedRequestAwareAuthenticationSuccessHandler();
    return (request, response, authentication) -> {
      if (authentication.getPrincipal() instanceof OidcUser user) {
        SignIn.inSession(request.getSession(), user.getIdToken().getSubject(),
            user.getIdToken().getIssuer() == null ? null : user.getIdToken().getIssuer().toString());
      }
      saved.onAuthenticationSuccess(request, response, authentication);
    };
  }

  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Stream.of(patterns).<RequestMatcher>map(AntPathRequestMatcher::new).toList());
  }

  /** The provider's groups as Stegvis groups, plus the user id from the configured claim, as authorities. */
  private static Set<GrantedAuthority> mapped(java.util.Collection<? extends GrantedAuthority> authorities,
      SsoGroups groups, String userClaim) {
    return authorities.stream().filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
        .findFirst().map(oidc -> {
          Map<String, Object> claims = oidc.getIdToken().getClaims();
          Object user = claims.getOrDefault(userClaim, oidc.getIdToken().getSubject());
          return Stream.concat(Stream.of(new SimpleGrantedAuthority(USER_CLAIM + "=" + user)),
              groups.of(claims.get(groups.groupsClaim())).stream()
                  .map(group -> new SimpleGrantedAuthority(BearerTokens.MAPPED + group)))
              .<GrantedAuthority>map(a -> a).collect(java.util.stream.Collectors.toSet());
        }).orElse(Set.of());
  }

  /** Reads the logged-in user of Spring Security's session for Camunda's container-based login. */
  public static class TokenUser implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken token)) {
        return AuthenticationResult.unsuccessful();
      }
      var authorities = token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
      var user = authorities.stream().filter(a -> a.startsWith(USER_CLAIM + "=")).findFirst()
          .map(a -> a.substring(USER_CLAIM.length() + 1)).orElse(token.getName());
      var result = AuthenticationResult.successful(user);
      result.setGroups(authorities.stream().filter(a -> a.startsWith(BearerTokens.MAPPED))
          .map(a -> a.substring(BearerTokens.MAPPED.length())).toList());
      result.setTenants(List.of());
      return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    }
  }
}
