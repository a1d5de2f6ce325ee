package se.stegvis.plan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The action plan (handlingsplan), due within 14 days of the start of participation. */
@Entity
@Table(name = "action_plan")
public class ActionPlan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  private String goals;
  private String activities;

  @Column(name = "made_on")
  private LocalDate madeOn;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected ActionPlan() {
  }

  ActionPlan(Long caseId, String goals, String activities, LocalDate madeOn, String recordedBy, Instant recordedAt) {
    this.caseId = caseId;
    this.goals = goals;
    this.activities = activities;
    this.madeOn = madeOn;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getGoals() {
    return goals;
  }

  public String getActivities() {
    return activities;
  }

  public LocalDate getMadeOn() {
    return madeOn;
  }
}
