package se.stegvis.plan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The proposed action (förslag till åtgärd), due within 6 months of start: agreed with the
 * person and presented to the parties at a multi-party meeting.
 */
@Entity
@Table(name = "proposed_action")
public class ProposedAction {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  private String proposal;

  @Column(name = "agreed_with_person")
  private boolean agreedWithPerson;

  @Column(name = "presented_at_meeting")
  private Long presentedAtMeeting;

  @Column(name = "documented_on")
  private LocalDate documentedOn;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected ProposedAction() {
  }

  ProposedAction(Long caseId, String proposal, Long presentedAtMeeting, LocalDate documentedOn, String recordedBy,
      Instant recordedAt) {
    this.caseId = caseId;
    this.proposal = proposal;
    this.agreedWithPerson = true;
    this.presentedAtMeeting = presentedAtMeeting;
    this.documentedOn = documentedOn;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getProposal() {
    return proposal;
  }

  public boolean isAgreedWithPerson() {
    return agreedWithPerson;
  }

  public Long getPresentedAtMeeting() {
    return presentedAtMeeting;
  }

  public LocalDate getDocumentedOn() {
    return documentedOn;
  }
}
