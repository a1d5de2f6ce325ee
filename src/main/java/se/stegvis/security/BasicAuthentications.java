package se.stegvis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.stegvis.identity.Groups;

/**
 * HTTP Basic on both APIs, one way: the identity service checks the password and the user's
 * groups and tenants are read, and the outcome is remembered for {@code stegvis.basic-auth.remembered}
 * (a minute) under the user and a salted hash of the password. A client that sends its
 * credentials with every call (Modeler, other systems) then costs three engine queries a minute
 * instead of three per call. A wrong password is never remembered: it goes to the identity service
 * (and {@link LoginThrottle}) every time. A changed password, a removed membership or a locked user
 * reaches Basic clients within that time, as the webapps re-check a logged-in user only every five
 * minutes.
 */
@Component
class BasicAuthentications {

  /** Bounds the memory a flood of distinct valid logins could take; the map simply starts over. */
  private static final int MAX_REMEMBERED = 10_000;

  /** A check made at {@code since}, standing until {@code until}; a clock set back before it (tests) checks anew. */
  private record Remembered(Authentication authentication, Instant since, Instant until) {
    boolean standsAt(Instant now) {
      return !now.isBefore(since) && now.isBefore(until);
    }
  }

  private final IdentityService identityService;
  private final Duration remembered;
  private final Map<String, Remembered> known = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[16];

  BasicAuthentications(IdentityService identityService,
      @Value("${stegvis.basic-auth.remembered:PT1M}") Duration remembered) {
    this.identityService = identityService;
    this.remembered = remembered;
    new SecureRandom().nextBytes(salt);
  }

  /** The caller of an HTTP Basic request, or empty when there are no credentials or they are wrong. */
  Optional<Authentication> authenticate(HttpServletRequest request) {
    return BasicCredentials.of(request).flatMap(this::authenticate);
  }

  private Optional<Authentication> authenticate(BasicCredentials credentials) {
    String key = credentials.userId() + ":" + hash(credentials.password());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Remembered earlier = known.get(key);
    if (earlier != null && earlier.standsAt(now)) {
      return Optional.of(earlier.authentication());
    }
    String userId = credentials.userId();
    if (!identityService.checkPassword(userId, credentials.password())) {
      known.remove(key);
      return Optional.empty();
    }
    var authentication = new Authentication(userId, Groups.of(identityService, userId),
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
    if (known.size() >= MAX_REMEMBERED) {
      known.clear();
    }
    known.put(key, new Remembered(authentication, now, now.plus(remembered)));
    return Optional.of(authentication);
  }

  private String hash(String password) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
