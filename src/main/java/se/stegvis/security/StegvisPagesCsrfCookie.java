package se.stegvis.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our pages under {@code /stegvis} write through {@code /api} with the webapps' session, and such a
 * write must carry the session's CSRF token ({@link ApiAuthenticationFilter}). Camunda keeps the
 * token in a cookie of the path {@code /camunda}, which a page under {@code /stegvis} cannot read;
 * this filter hands the same token to those pages in a cookie of their own path. A page opened
 * before the session has a token gets it from the first answer of the webapps' API
 * ({@code stegvis.js}).
 */
class StegvisPagesCsrfCookie extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    // Without a token (no session yet, or a new one after a login) an older copy is taken away, so
    // that the page asks the webapps' API, which makes the session's token and names it.
    response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(CsrfConstants.CSRF_TOKEN_DEFAULT_COOKIE_NAME,
            token == null ? "" : token.toString())
        .path(request.getContextPath() + "/stegvis").sameSite("Lax").secure(request.isSecure())
        .maxAge(token == null ? 0 : -1).build().toString());
    chain.doFilter(request, response);
  }
}
