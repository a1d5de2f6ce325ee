package se.stegvis.meeting;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A multi-party meeting (flerpartssamtal) with the person and the involved parties. */
@Entity
public class Meeting {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  private int sequence;

  @Column(name = "held_on")
  private LocalDate heldOn;

  @Column(name = "person_present")
  private boolean personPresent;

  /** Party codes, comma-separated (SOC,AF,FK,REGION). */
  @Column(name = "parties_present")
  private String partiesPresent;

  private String summary;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected Meeting() {
  }

  Meeting(Long caseId, int sequence, LocalDate heldOn, boolean personPresent, String partiesPresent, String summary,
      String recordedBy, Instant recordedAt) {
    this.caseId = caseId;
    this.sequence = sequence;
    this.heldOn = heldOn;
    this.personPresent = personPresent;
    this.partiesPresent = partiesPresent;
    this.summary = summary;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public int getSequence() {
    return sequence;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public boolean isPersonPresent() {
    return personPresent;
  }

  public String getPartiesPresent() {
    return partiesPresent;
  }

  public String getSummary() {
    return summary;
  }
}
