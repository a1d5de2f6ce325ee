package se.stegvis.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/** The user name and password of an HTTP Basic {@code Authorization} header. */
record BasicCredentials(String userId, String password) {

  static Optional<BasicCredentials> of(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon <= 0 ? Optional.empty()
        : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }
}
