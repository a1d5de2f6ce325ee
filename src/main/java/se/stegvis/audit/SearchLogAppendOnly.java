package se.stegvis.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import se.stegvis.schema.VersionedJavaMigration;

/**
 * Flyway 15: the log of person searches ({@code search_entry}, Flyway 13) becomes append-only in
 * the database, as {@code audit_entry} is: a trigger refuses every UPDATE and DELETE (and, on
 * PostgreSQL, TRUNCATE), so not even a direct SQL session of the application's user can rewrite who
 * searched for whom. Java, not SQL, because the trigger's language differs: PL/pgSQL on PostgreSQL,
 * a Java class ({@link AppendOnlyAuditLog.Refusal}) on H2. A Spring bean, which Spring Boot hands to
 * Flyway. On PostgreSQL the runtime role also loses UPDATE, DELETE and TRUNCATE on the table
 * ({@link AppendOnlyAuditLog}, after every migration).
 *
 * <p>Gallring deletes no search entries (they hold what was typed and user ids, and are kept like
 * the audit log, docs/security.md): there is no delete path to keep open.
 */
@Component
public class SearchLogAppendOnly extends VersionedJavaMigration {

  public SearchLogAppendOnly() {
    super("15", "search log append-only");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        statement.execute("""
            create or replace function search_entry_append_only() returns trigger language plpgsql as $$
            begin
              raise exception 'search_entry is append-only: % refused', tg_op;
            end $$""");
        statement.execute("create trigger search_entry_append_only before update or delete on search_entry "
            + "for each row execute function search_entry_append_only()");
        statement.execute("create trigger search_entry_no_truncate before truncate on search_entry "
            + "for each statement execute function search_entry_append_only()");
      } else {
        statement.execute("create trigger search_entry_append_only before update, delete on search_entry "
            + "for each row call '" + AppendOnlyAuditLog.Refusal.class.getName() + "'");
      }
    }
  }
}
