package se.stegvis.exit;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How participation ended, and who takes over: nobody leaves without a next step. */
@Entity
@Table(name = "case_exit")
public class CaseExit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  @Column(name = "exit_date")
  private LocalDate exitDate;

  private String outcome;

  @Column(name = "consent_withdrawn")
  private boolean consentWithdrawn;

  @Column(name = "income_source")
  private String incomeSource;

  /** Extent of work or studies, 100 % = 40 hours a week. */
  @Column(name = "extent_percent")
  private Integer extentPercent;

  @Column(name = "receiving_party")
  private String receivingParty;

  @Column(name = "next_step")
  private String nextStep;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected CaseExit() {
  }

  CaseExit(Long caseId, LocalDate exitDate, String outcome, boolean consentWithdrawn, String incomeSource,
      Integer extentPercent, String receivingParty, String nextStep, String recordedBy, Instant recordedAt) {
    this.caseId = caseId;
    this.exitDate = exitDate;
    this.outcome = outcome;
    this.consentWithdrawn = consentWithdrawn;
    this.incomeSource = incomeSource;
    this.extentPercent = extentPercent;
    this.receivingParty = receivingParty;
    this.nextStep = nextStep;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getCaseId() {
    return caseId;
  }

  public LocalDate getExitDate() {
    return exitDate;
  }

  public String getOutcome() {
    return outcome;
  }

  public boolean isConsentWithdrawn() {
    return consentWithdrawn;
  }

  public String getIncomeSource() {
    return incomeSource;
  }

  public Integer getExtentPercent() {
    return extentPercent;
  }

  public String getReceivingParty() {
    return receivingParty;
  }

  public String getNextStep() {
    return nextStep;
  }
}
