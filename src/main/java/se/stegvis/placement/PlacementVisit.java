package se.stegvis.placement;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A follow-up visit at the workplace during a placement. */
@Entity
@jakarta.persistence.Table(name = "placement_visit")
public class PlacementVisit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "placement_id")
  private Long placementId;

  private int sequence;

  @Column(name = "visited_on")
  private LocalDate visitedOn;

  @Column(name = "attendance_as_planned")
  private boolean attendanceAsPlanned;

  private String notes;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected PlacementVisit() {
  }

  PlacementVisit(Long placementId, int sequence, LocalDate visitedOn, boolean attendanceAsPlanned, String notes,
      String recordedBy, Instant recordedAt) {
    this.placementId = placementId;
    this.sequence = sequence;
    this.visitedOn = visitedOn;
    this.attendanceAsPlanned = attendanceAsPlanned;
    this.notes = notes;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getPlacementId() {
    return placementId;
  }

  public int getSequence() {
    return sequence;
  }

  public LocalDate getVisitedOn() {
    return visitedOn;
  }

  public boolean isAttendanceAsPlanned() {
    return attendanceAsPlanned;
  }

  public String getNotes() {
    return notes;
  }
}
