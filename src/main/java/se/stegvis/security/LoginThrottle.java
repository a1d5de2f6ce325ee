package se.stegvis.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed logins for one user name, or from one client
 * address, within the window, every login for it is refused until the lockout has passed, even
 * with the right password. A successful login clears the user's failures. Kept in memory: one
 * application node (a restart forgets the failures).
 */
@Component
class LoginThrottle {

  private final int maxFailuresPerUser;
  private final int maxFailuresPerAddress;
  private final Duration window;
  private final Duration lockout;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginThrottle(@Value("${stegvis.login.max-failures-per-user:5}") int maxFailuresPerUser,
      @Value("${stegvis.login.max-failures-per-address:20}") int maxFailuresPerAddress,
      @Value("${stegvis.login.window:PT15M}") Duration window,
      @Value("${stegvis.login.lockout:PT15M}") Duration lockout) {
    this.maxFailuresPerUser = maxFailuresPerUser;
    this.maxFailuresPerAddress = maxFailuresPerAddress;
    this.window = window;
    this.lockout = lockout;
  }

  /**
   * How long logins for the user from the address stay refused; empty when they may try. Without a
   * user (a bearer token, whose user is not known until it is valid) the address alone counts.
   */
  Optional<Duration> refusedFor(String userId, String address) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return (userId == null ? Optional.<Instant>empty() : lockedUntil(userKey(userId), maxFailuresPerUser, now))
        .or(() -> lockedUntil(addressKey(address), maxFailuresPerAddress, now))
        .map(until -> Duration.between(now, until));
  }

  void failed(String userId, String address) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (userId != null) {
      record(userKey(userId), now);
    }
    record(addressKey(address), now);
  }

  void succeeded(String userId) {
    failures.remove(userKey(userId));
  }

  private Optional<Instant> lockedUntil(String key, int maxFailures, Instant now) {
    Deque<Instant> recent = failures.get(key);
    if (recent == null) {
      return Optional.empty();
    }
    synchronized (recent) {
      prune(recent, now);
      if (recent.isEmpty()) {
        return Optional.empty();
      }
      Instant last = recent.peekLast();
      long inWindow = recent.stream().filter(failure -> !failure.isBefore(last.minus(window))).count();
      Instant until = last.plus(lockout);
      return inWindow >= maxFailures && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
  }

  private void record(String key, Instant now) {
    Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent, now);
      recent.addLast(now);
    }
  }

  /** Forgets failures that can neither count in a window nor hold a lockout any more. */
  private void prune(Deque<Instant> recent, Instant now) {
    Instant oldest = now.minus(window).minus(lockout);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
      recent.removeFirst();
    }
  }

  private static String userKey(String userId) {
    return "user:" + userId;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
