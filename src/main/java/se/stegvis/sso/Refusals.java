package se.stegvis.sso;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 401 and 403 for bearer tokens in the API's one error format, in Swedish. Nothing about the token is echoed. */
final class Refusals {

  private Refusals() {
  }

  static void unauthenticated(HttpServletRequest request, HttpServletResponse response, Exception e)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    write(response, "Inloggning krävs", 401,
        "Token kunde inte godtas: den är ogiltig, har gått ut eller är inte utfärdad för Stegvis.");
  }

  static void forbidden(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    write(response, "Åtkomst nekad", 403,
        "Din inloggning ger ingen roll i Stegvis. Be administratören koppla din grupp till en roll.");
  }

  private static void write(HttpServletResponse response, String title, int status, String detail)
      throws IOException {
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
        .formatted(title, status, detail));
  }
}
