package se.stegvis.audit;

import java.time.Instant;

/**
 * One line of the audit log, as the review shows it. {@code authSubject} and {@code authProvider}: how
 * the user signed in (the identity provider's subject and issuer; provider "lokal" for a Stegvis
 * password; neither for work with no one logged in or entries before V17). {@code judgedBy}, in the
 * list of accesses outside the team only: what the entry was judged by ({@link Judgement}).
 */
public record AuditEntry(long id, Instant occurredAt, String userId, String caseNumber, long projectId,
    String caseCoach, String action, String resource, String clientAddress, String client, String readerRelation,
    String authSubject, String authProvider, Judgement judgedBy) {

  /** What the review judged an entry's relation to the case by. */
  public enum Judgement {
    /** The reader's relation recorded with the entry (since Flyway 11). */
    RECORDED,
    /** The membership history at the entry's time (Flyway 18). */
    HISTORY,
    /** Today's memberships: the entry is older than both, so nothing better is known. */
    TODAY
  }

  AuditEntry judged(Judgement judgement) {
    return new AuditEntry(id, occurredAt, userId, caseNumber, projectId, caseCoach, action, resource, clientAddress,
        client, readerRelation, authSubject, authProvider, judgement);
  }
}
