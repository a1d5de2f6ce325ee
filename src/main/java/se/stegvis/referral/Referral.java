package se.stegvis.referral;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** What the referring party sent, and the working group's decision on it. */
@Entity
public class Referral {

  public enum Channel { TASKLIST, API }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  private String party;

  @Column(name = "referrer_name")
  private String referrerName;

  @Column(name = "referrer_email")
  private String referrerEmail;

  @Column(name = "referrer_phone")
  private String referrerPhone;

  private String reason;

  @Column(name = "income_source")
  private String incomeSource;

  @Column(name = "time_in_support")
  private String timeInSupport;

  @Column(name = "education_level")
  private String educationLevel;

  @Column(name = "referred_on")
  private LocalDate referredOn;

  @Column(name = "registered_by")
  private String registeredBy;

  @Column(name = "registered_via")
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Channel registeredVia;

  private String decision;

  @Column(name = "decision_reason")
  private String decisionReason;

  @Column(name = "other_measure")
  private String otherMeasure;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  @Column(name = "decided_by")
  private String decidedBy;

  protected Referral() {
  }

  Referral(Long caseId, ReferralRequest request, String registeredBy, Channel channel) {
    this.caseId = caseId;
    this.party = request.party();
    this.referrerName = request.referrerName();
    this.referrerEmail = request.referrerEmail();
    this.referrerPhone = request.referrerPhone();
    this.reason = request.reason();
    this.incomeSource = request.incomeSource();
    this.timeInSupport = request.timeInSupport();
    this.educationLevel = request.educationLevel();
    this.referredOn = request.referredOn();
    this.registeredBy = registeredBy;
    this.registeredVia = channel;
  }

  void decide(String decision, String reason, String otherMeasure, LocalDate decidedOn, String decidedBy) {
    this.decision = decision;
    this.decisionReason = reason;
    this.otherMeasure = otherMeasure;
    this.decidedOn = decidedOn;
    this.decidedBy = decidedBy;
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

  public String getReferrerName() {
    return referrerName;
  }

  public String getReferrerEmail() {
    return referrerEmail;
  }

  public String getReferrerPhone() {
    return referrerPhone;
  }

  public String getReason() {
    return reason;
  }

  public String getIncomeSource() {
    return incomeSource;
  }

  public String getTimeInSupport() {
    return timeInSupport;
  }

  public String getEducationLevel() {
    return educationLevel;
  }

  public LocalDate getReferredOn() {
    return referredOn;
  }

  public Channel getRegisteredVia() {
    return registeredVia;
  }

  public String getDecision() {
    return decision;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public String getOtherMeasure() {
    return otherMeasure;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }

  public String getDecidedBy() {
    return decidedBy;
  }
}
