package se.stegvis.casefile;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A message to the person, the referrer, the working group, a coach or a manager, kept in the case whether or not it was e-mailed. */
@Entity
public class Notification {

  public enum Recipient { PERSON, REFERRER, MANAGER, COACH, WORKING_GROUP }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Recipient recipient;

  private String address;
  private String subject;
  private String body;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected Notification() {
  }

  Notification(Long caseId, Recipient recipient, String address, String subject, String body, Instant createdAt) {
    this.caseId = caseId;
    this.recipient = recipient;
    this.address = address;
    this.subject = subject;
    this.body = body;
    this.createdAt = createdAt;
  }

  void sent(Instant at) {
    this.sentAt = at;
  }

  public Long getCaseId() {
    return caseId;
  }

  public Recipient getRecipient() {
    return recipient;
  }

  public String getAddress() {
    return address;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
