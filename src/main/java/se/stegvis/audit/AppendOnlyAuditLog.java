package se.stegvis.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.h2.api.Trigger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes {@code audit_entry} (and the membership history) append-only in the database itself, so that not even a direct SQL
 * session of the application's user can rewrite the log: a trigger refuses every UPDATE and DELETE
 * (and, on PostgreSQL, TRUNCATE). Installed after every Flyway migration, on Flyway's connection,
 * because the trigger's language differs between PostgreSQL (PL/pgSQL) and H2 (a Java class) and
 * the migration is shared.
 *
 * <p>On PostgreSQL Flyway runs as the schema's owner ({@code spring.flyway.user}) and the application
 * as a runtime role ({@code spring.datasource.username}, see docs/security.md). When they differ, the
 * owner grants the runtime role what it needs on every start: read and write the tables, use the
 * sequences, create the engine's tables; but on the audit log only SELECT and INSERT. Not owning the
 * audit log, its trigger or the trigger's function, the runtime role cannot alter, disable or drop them.
 */
@Component
class AppendOnlyAuditLog implements Callback {

  /**
   * The membership history (Flyway 18, {@link MembershipHistoryBegins}) is append-only too: the log
   * review judges reads by it, so rewriting it would move reads in or out of the review.
   */
  static final List<String> MEMBERSHIP_HISTORY = List.of("membership_change",
      "membership_history_start");

  private final String runtimeUser;

  AppendOnlyAuditLog(@Value("${spring.datasource.username:}") String runtimeUser) {
    this.runtimeUser = runtimeUser;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try (Statement statement = context.getConnection().createStatement()) {
      Connection connection = context.getConnection();
      if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        statement.execute("""
            create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
            begin
              raise exception 'audit_entry is append-only: % refused', tg_op;
            end $$""");
        statement.execute("create or replace trigger audit_entry_append_only before update or delete on audit_entry "
            + "for each row execute function audit_entry_append_only()");
        statement.execute("create or replace trigger audit_entry_no_truncate before truncate on audit_entry "
            + "for each statement execute function audit_entry_append_only()");
        statement.execute("""
            create or replace function stegvis_append_only() returns trigger language plpgsql as $$
            begin
              raise exception '% is append-only: % refused', tg_table_name, tg_op;
            end $$""");
        for (String table : MEMBERSHIP_HISTORY) {
          statement.execute("create or replace trigger " + table + "_append_only before update or delete on " + table
              + " for each row execute function stegvis_append_only()");
          statement.execute("create or replace trigger " + table + "_no_truncate before truncate on " + table
              + " for each statement execute function stegvis_append_only()");
        }
        if (!runtimeUser.isBlank() && !runtimeUser.equals(connection.getMetaData().getUserName())) {
          grantRuntimeRole(statement, '"' + runtimeUser.replace("\"", "\"\"") + '"');
        }
      } else {
        statement.execute("create trigger if not exists audit_entry_append_only before update, delete on audit_entry "
            + "for each row call '" + Refusal.class.getName() + "'");
        for (String table : MEMBERSHIP_HISTORY) {
          statement.execute("create trigger if not exists " + table + "_append_only before update, delete on " + table
              + " for each row call '" + Refusal.class.getName() + "'");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot make audit_entry append-only", e);
    }
  }

  private static void grantRuntimeRole(Statement statement, String role) throws SQLException {
    statement.execute("grant usage, create on schema public to " + role);
    statement.execute("grant select, insert, update, delete on all tables in schema public to " + role);
    statement.execute("grant usage, select on all sequences in schema public to " + role);
    statement.execute("revoke update, delete, truncate, trigger, references on audit_entry from " + role);
    // The log of person searches is append-only too (SearchLogAppendOnly, Flyway 15).
    statement.execute("revoke update, delete, truncate, trigger, references on search_entry from " + role);
    for (String table : MEMBERSHIP_HISTORY) {
      statement.execute("revoke update, delete, truncate, trigger, references on " + table + " from " + role);
    }
    statement.execute("revoke insert, update, delete, truncate, trigger on flyway_schema_history from " + role);
  }

  @Override
  public String getCallbackName() {
    return "append-only audit log";
  }

  /**
   * H2's trigger: refuses the statement, naming the table it guards (audit_entry, search_entry,
   * membership_change, membership_history_start).
   * The table is known by the trigger's name ({@code <table>_append_only}): when a migration alters
   * the table, H2 builds it anew under a temporary name and the trigger keeps that name.
   */
  public static class Refusal implements Trigger {
    private String table = "audit_entry";

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
      this.table = trigger.toLowerCase(java.util.Locale.ROOT).replaceFirst("_append_only$", "");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
      throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
  }
}
