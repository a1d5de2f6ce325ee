package se.stegvis.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * How the user of a request signed in, for the audit log: the identity provider's subject and
 * issuer with single sign-on, set by {@code se.stegvis.sso} on the request (a bearer token) or in
 * the session (a webapp login through the provider); a Stegvis password otherwise
 * ({@link #LOCAL}, provider "lokal", no subject: the user id is the subject).
 */
public record SignIn(String subject, String provider) {

  /** The provider recorded for a login with a Stegvis password (HTTP Basic, the webapps' login form). */
  public static final String LOCAL_PROVIDER = "lokal";
  public static final SignIn LOCAL = new SignIn(null, LOCAL_PROVIDER);

  private static final String ATTRIBUTE = SignIn.class.getName();

  /** A bearer token's subject and issuer, for this request only. */
  public static void onRequest(HttpServletRequest request, String subject, String issuer) {
    request.setAttribute(ATTRIBUTE, new SignIn(subject, issuer));
  }

  /** A webapp login's subject and issuer, for the session's requests (our pages' /api calls too). */
  public static void inSession(HttpSession session, String subject, String issuer) {
    session.setAttribute(ATTRIBUTE, new SignIn(subject, issuer));
  }

  /** The request's single sign-on, else a Stegvis password. */
  static SignIn of(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof SignIn token) {
      return token;
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(ATTRIBUTE) instanceof SignIn login) {
      return login;
    }
    return LOCAL;
  }
}
