package se.stegvis.audit;

import java.time.Instant;

/** One line of the audit log, as the review shows it. */
public record AuditEntry(long id, Instant occurredAt, String userId, String caseNumber, long projectId,
    String caseCoach, String action, String resource, String clientAddress, String client, String readerRelation) {
}
