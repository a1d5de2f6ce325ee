package se.stegvis.audit;

import java.time.Instant;

/**
 * One line of the audit log, as the review shows it. {@code authSubject} and {@code authProvider}: how
 * the user signed in (the identity provider's subject and issuer; provider "lokal" for a Stegvis
 * password; neither for work with no one logged in or entries before V17).
 */
public record AuditEntry(long id, Instant occurredAt, String userId, String caseNumber, long projectId,
    String caseCoach, String action, String resource, String clientAddress, String client, String readerRelation,
    String authSubject, String authProvider) {
}
