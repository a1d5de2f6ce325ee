package se.stegvis.followup;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What became of the person 6–12 months after exit. */
@Entity
@Table(name = "follow_up")
public class FollowUp {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  @Column(name = "followed_up_on")
  private LocalDate followedUpOn;

  private boolean reached;
  private String status;

  @Column(name = "income_source")
  private String incomeSource;

  private String note;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected FollowUp() {
  }

  FollowUp(Long caseId, LocalDate followedUpOn, boolean reached, String status, String incomeSource, String note,
      String recordedBy, Instant recordedAt) {
    this.caseId = caseId;
    this.followedUpOn = followedUpOn;
    this.reached = reached;
    this.status = status;
    this.incomeSource = incomeSource;
    this.note = note;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getCaseId() {
    return caseId;
  }

  public LocalDate getFollowedUpOn() {
    return followedUpOn;
  }

  public boolean isReached() {
    return reached;
  }

  public String getStatus() {
    return status;
  }

  public String getIncomeSource() {
    return incomeSource;
  }

  public String getNote() {
    return note;
  }
}
