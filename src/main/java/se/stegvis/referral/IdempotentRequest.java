package se.stegvis.referral;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** An answered request with an Idempotency-Key: what was asked (as a hash) and what was answered. */
@Entity
@Table(name = "idempotent_request")
class IdempotentRequest implements Persistable<String> {

  @Id
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "request_hash")
  private String requestHash;

  @Column(name = "response_status")
  private int responseStatus;

  @Column(name = "response_body")
  private String responseBody;

  @Column(name = "created_at")
  private Instant createdAt;

  /** New until stored: saving inserts (and fails on a taken key) instead of merging into the other's row. */
  @Transient
  private boolean isNew = true;

  protected IdempotentRequest() {
  }

  /** Claims the key before the work is done, so a concurrent request with the same key waits for it. */
  IdempotentRequest(String idempotencyKey, String requestHash, Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.responseBody = "";
    this.createdAt = createdAt;
  }

  /** Records the answer in the claimed row; it commits with the registration or not at all. */
  void answer(int status, String body) {
    this.responseStatus = status;
    this.responseBody = body;
  }

  @PostLoad
  @PostPersist
  void stored() {
    isNew = false;
  }

  @Override
  public String getId() {
    return idempotencyKey;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  String getRequestHash() {
    return requestHash;
  }

  int getResponseStatus() {
    return responseStatus;
  }

  String getResponseBody() {
    return responseBody;
  }
}
