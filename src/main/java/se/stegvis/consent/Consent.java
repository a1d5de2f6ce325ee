package se.stegvis.consent;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * The person's consent that lifts secrecy (OSL) towards one party, for one category of
 * information, in one direction. Withdrawal ends the joint work.
 */
@Entity
public class Consent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  private String party;
  private String category;
  private String direction;
  private String purpose;

  @Column(name = "given_on")
  private LocalDate givenOn;

  @Column(name = "withdrawn_on")
  private LocalDate withdrawnOn;

  protected Consent() {
  }

  Consent(Long caseId, String party, String category, String direction, String purpose, LocalDate givenOn) {
    this.caseId = caseId;
    this.party = party;
    this.category = category;
    this.direction = direction;
    this.purpose = purpose;
    this.givenOn = givenOn;
  }

  void withdraw(LocalDate on) {
    this.withdrawnOn = on;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getParty() {
    return party;
  }

  public String getCategory() {
    return category;
  }

  public String getDirection() {
    return direction;
  }

  public String getPurpose() {
    return purpose;
  }

  public LocalDate getGivenOn() {
    return givenOn;
  }

  public LocalDate getWithdrawnOn() {
    return withdrawnOn;
  }

  public boolean isActive() {
    return withdrawnOn == null;
  }
}
