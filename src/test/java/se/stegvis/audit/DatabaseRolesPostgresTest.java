package se.stegvis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/**
 * The two-role set-up of docs/security.md on a real PostgreSQL: Flyway migrates as the owner, the
 * application runs as a runtime role that may insert into the audit log but neither rewrite nor
 * empty it, nor disable, drop or redefine its trigger.
 */
@EnabledIfPostgres
@SpringBootTest
@ContextConfiguration(initializers = DatabaseRolesPostgresTest.TwoRoles.class)
@DisplayName("PostgreSQL med två roller: ägaren migrerar, körrollen kan inte ändra granskningsloggen eller dess trigger")
class DatabaseRolesPostgresTest {

  static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  static final String OWNER = "stegvis_owner_" + SUFFIX;
  static final String RUNTIME = "stegvis_app_" + SUFFIX;
  static final String PASSWORD = "Roll-test-2026";

  /** A fresh database owned by the owner role, and a runtime role that owns nothing. */
  static class TwoRoles implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String name = "stegvis_roles_" + SUFFIX;
      try (Connection admin = DriverManager.getConnection(PostgresTestDatabase.ADMIN_URL, PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD); var statement = admin.createStatement()) {
        statement.execute("create role " + OWNER + " login password '" + PASSWORD + "'");
        statement.execute("create role " + RUNTIME + " login password '" + PASSWORD + "'");
        statement.execute("create database " + name + " owner " + OWNER);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      String url = PostgresTestDatabase.ADMIN_URL.substring(0, PostgresTestDatabase.ADMIN_URL.lastIndexOf('/') + 1) + name;
      TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + RUNTIME,
          "spring.datasource.password=" + PASSWORD, "spring.flyway.user=" + OWNER,
          "spring.flyway.password=" + PASSWORD).applyTo(context);
    }
  }

  @Autowired JdbcTemplate jdbc;
  @Value("${spring.datasource.url}") String url;

  @Test
  @DisplayName("körrollen lägger till i loggen men kan inte ändra, tömma eller koppla bort triggern")
  void theRuntimeRoleOnlyAppends() throws Exception {
    assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(RUNTIME);
    assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'audit_entry'", String.class))
        .isEqualTo(OWNER);
    assertThat(jdbc.queryForObject("select has_table_privilege(current_user, 'audit_entry', 'INSERT')",
        Boolean.class)).isTrue();
    for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER")) {
      assertThat(jdbc.queryForObject("select has_table_privilege(current_user, 'audit_entry', '" + privilege + "')",
          Boolean.class)).as(privilege).isFalse();
    }
    try (Connection runtime = DriverManager.getConnection(url, RUNTIME, PASSWORD);
        var statement = runtime.createStatement()) {
      for (String attack : List.of("update audit_entry set user_id = 'x'", "delete from audit_entry",
          "truncate audit_entry", "alter table audit_entry disable trigger all",
          "drop trigger audit_entry_append_only on audit_entry",
          "create or replace function audit_entry_append_only() returns trigger language plpgsql as $$ "
              + "begin return new; end $$")) {
        assertThatThrownBy(() -> statement.execute(attack)).as(attack).isInstanceOf(SQLException.class);
      }
    }
    // The membership history the log review judges reads by (Flyway 18) is protected the same way.
    for (String table : AppendOnlyAuditLog.MEMBERSHIP_HISTORY) {
      assertThat(jdbc.queryForObject("select has_table_privilege(current_user, '" + table + "', 'INSERT')",
          Boolean.class)).as(table + " INSERT").isTrue();
      for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER")) {
        assertThat(jdbc.queryForObject("select has_table_privilege(current_user, '" + table + "', '" + privilege
            + "')", Boolean.class)).as(table + " " + privilege).isFalse();
      }
    }
    try (Connection runtime = DriverManager.getConnection(url, RUNTIME, PASSWORD);
        var statement = runtime.createStatement()) {
      for (String attack : List.of("update membership_change set group_id = 'chef'", "delete from membership_change",
          "truncate membership_change", "update membership_history_start set started_at = now() - interval '1 year'",
          "alter table membership_change disable trigger all",
          "drop trigger membership_change_append_only on membership_change",
          "create or replace function stegvis_append_only() returns trigger language plpgsql as $$ "
              + "begin return new; end $$")) {
        assertThatThrownBy(() -> statement.execute(attack)).as(attack).isInstanceOf(SQLException.class);
      }
    }
    // The application works as the runtime role: it writes cases and reads them back.
    assertThat(jdbc.queryForObject("select count(*) from project", Integer.class)).isNotNegative();
  }
}
