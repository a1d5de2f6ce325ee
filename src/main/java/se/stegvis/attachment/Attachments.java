package se.stegvis.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.stegvis.time.EngineClock;


/**
 * A case's attachments, stored in the database next to the case (so backups, gallring and
 * protected identity cover them as they cover the rest of the record), each with its SHA-256
 * checksum. The content is read only when downloaded, never with the list.
 */
@Service
public class Attachments {

  public static final int MAX_BYTES = 10 * 1024 * 1024;

  public record Attachment(Long id, String fileName, String contentType, int sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt) {
  }

  public record Content(Attachment attachment, byte[] bytes) {
  }

  private static final String COLUMNS = "id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  Attachments(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Attachment store(Long caseId, String fileName, AttachmentType type, byte[] content, String uploadedBy) {
    String sha256 = sha256(content);
    Instant now = clock.now();
    jdbc.update("""
        insert into attachment (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", caseId, fileName, type.mediaType(), content.length, sha256, content,
        uploadedBy, Timestamp.from(now));
    Long id = jdbc.queryForObject("select max(id) from attachment where case_id = ? and sha256 = ?", Long.class,
        caseId, sha256);
    return new Attachment(id, fileName, type.mediaType(), content.length, sha256, uploadedBy, now);
  }

  public List<Attachment> of(Long caseId) {
    return jdbc.query("select " + COLUMNS + " from attachment where case_id = ? order by uploaded_at, id",
        (rs, n) -> attachment(rs), caseId);
  }

  Optional<Content> content(Long caseId, Long id) {
    return jdbc.query("select " + COLUMNS + ", content from attachment where case_id = ? and id = ?",
        (rs, n) -> new Content(attachment(rs), rs.getBytes("content")), caseId, id).stream().findFirst();
  }

  private static Attachment attachment(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getInt("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant());
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
