package se.stegvis.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.stegvis.time.EngineClock;


/**
 * Idempotency-Key for referrals from other systems. The key is claimed (inserted) first in the
 * registration's own transaction: a concurrent request with the same key waits on the key's
 * primary key until the first commits, then fails and reads the first answer. So the key, the
 * case and the answer commit together or not at all, on any number of application nodes. Keys
 * are kept for {@code stegvis.idempotency.retention} (default 7 days).
 */
@Component
class IdempotentReferrals {

  /** The answer to a request: the first one's, replayed, or the one just given. */
  record Answer(int status, ReferralController.Registered registered, boolean replayed) {
  }

  /** The key was used before for a different request body. */
  static class KeyReusedException extends RuntimeException {
    KeyReusedException() {
      super("Idempotency-Key reused with a different request body");
    }
  }

  private final IdempotentRequestRepository requests;
  private final TransactionTemplate transaction;
  private final EngineClock clock;
  private final Duration retention;
  private final ObjectMapper canonical;

  IdempotentReferrals(IdempotentRequestRepository requests, TransactionTemplate transaction,
      EngineClock clock, ObjectMapper objectMapper,
      @Value("${stegvis.idempotency.retention:P7D}") Duration retention) {
    this.requests = requests;
    this.transaction = transaction;
    this.clock = clock;
    this.retention = retention;
    this.canonical = objectMapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  Answer register(String key, Map<String, Object> body, Supplier<ReferralController.Registered> registration) {
    String hash = hash(body);
    Optional<Answer> earlier = earlier(key, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return transaction.execute(status -> {
        requests.deleteCreatedBefore(expiry());
        IdempotentRequest claimed = requests.saveAndFlush(new IdempotentRequest(key, hash, clock.now()));
        ReferralController.Registered registered = registration.get();
        claimed.answer(201, write(registered));
        return new Answer(201, registered, false);
      });
    } catch (DataIntegrityViolationException e) {
      // Another request with this key committed first (or the person's row did): answer as it was.
      return earlier(key, hash).orElseThrow(() -> e);
    }
  }

  private Optional<Answer> earlier(String key, String hash) {
    return requests.findById(key).filter(request -> request.getCreatedAt().isAfter(expiry())).map(request -> {
      if (!request.getRequestHash().equals(hash)) {
        throw new KeyReusedException();
      }
      return new Answer(request.getResponseStatus(), read(request.getResponseBody()), true);
    });
  }

  private Instant expiry() {
    return clock.now().minus(retention);
  }

  private String hash(Map<String, Object> body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(body));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash the request body", e);
    }
  }

  private String write(ReferralController.Registered registered) {
    try {
      return canonical.writeValueAsString(registered);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ReferralController.Registered read(String body) {
    try {
      return canonical.readValue(body, ReferralController.Registered.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored idempotent answer is not readable", e);
    }
  }
}
