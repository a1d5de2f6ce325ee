package se.stegvis.audit;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.api.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Makes {@code audit_entry} append-only in the database itself, so that not even a direct SQL
 * session of the application's user can rewrite the log: a trigger refuses every UPDATE and DELETE
 * (and, on PostgreSQL, TRUNCATE). Installed at start-up, after Flyway, because the trigger's
 * language differs between PostgreSQL (PL/pgSQL) and H2 (a Java class) and the migration is shared.
 */
@Component
class AppendOnlyAuditLog {

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  AppendOnlyAuditLog(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  @PostConstruct
  void install() throws SQLException {
    String database;
    try (Connection connection = dataSource.getConnection()) {
      database = connection.getMetaData().getDatabaseProductName();
    }
    if ("PostgreSQL".equals(database)) {
      jdbc.execute("""
          create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
          begin
            raise exception 'audit_entry is append-only: % refused', tg_op;
          end $$""");
      jdbc.execute("create or replace trigger audit_entry_append_only before update or delete on audit_entry "
          + "for each row execute function audit_entry_append_only()");
      jdbc.execute("create or replace trigger audit_entry_no_truncate before truncate on audit_entry "
          + "for each statement execute function audit_entry_append_only()");
    } else {
      jdbc.execute("create trigger if not exists audit_entry_append_only before update, delete on audit_entry "
          + "for each row call '" + Refusal.class.getName() + "'");
    }
  }

  /** H2's trigger: refuses the statement. */
  public static class Refusal implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
      throw new SQLException("audit_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
  }
}
