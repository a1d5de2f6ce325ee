package se.stegvis.journal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A signed entry in a case's journal: what happened, on which day, written and signed by whom.
 * Never changed once written (nor can it be: {@link Immutable}, and the API has no way to); a
 * correction is a new entry that names the one it corrects and why.
 */
@Entity
@Immutable
@Table(name = "journal_entry")
public class JournalEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private Long caseId;

  private String text;

  @Column(name = "occurred_on")
  private LocalDate occurredOn;

  private String author;

  @Column(name = "author_title")
  private String authorTitle;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "corrects_id")
  private Long correctsId;

  @Column(name = "correction_reason")
  private String correctionReason;

  protected JournalEntry() {
  }

  JournalEntry(Long caseId, String text, LocalDate occurredOn, String author, String authorTitle, Instant signedAt,
      Long correctsId, String correctionReason) {
    this.caseId = caseId;
    this.text = text;
    this.occurredOn = occurredOn;
    this.author = author;
    this.authorTitle = authorTitle;
    this.signedAt = signedAt;
    this.correctsId = correctsId;
    this.correctionReason = correctionReason;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getText() {
    return text;
  }

  public LocalDate getOccurredOn() {
    return occurredOn;
  }

  public String getAuthor() {
    return author;
  }

  public String getAuthorTitle() {
    return authorTitle;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public Long getCorrectsId() {
    return correctsId;
  }

  public String getCorrectionReason() {
    return correctionReason;
  }
}
