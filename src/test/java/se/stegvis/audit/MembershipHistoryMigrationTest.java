package se.stegvis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import se.stegvis.deadline.DeadlineStatesMigration;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.PostgresTestDatabase;
import se.stegvis.time.EngineClock;

/**
 * Flyway 18 on a database as the old code left it: the memberships of that moment begin the history,
 * marked as members when the history began (since when is unknown); on a new database, where the
 * engine has not yet made its tables, only the moment is recorded.
 */
@DisplayName("Migrering V18: medlemskapshistoriken börjar med dagens medlemskap")
@AlsoOnPostgres
class MembershipHistoryMigrationTest {

  private static final Instant MIGRATED = Instant.parse("2027-02-01T08:30:00Z");

  DataSource dataSource(String name) {
    if (PostgresTestDatabase.selected()) {
      return new DriverManagerDataSource(PostgresTestDatabase.createDatabase(name), PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD);
    }
    return new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", "");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("befintliga medlemskap blir perioder från migreringen, utan slut; historikens början sparas")
  void existingMembershipsBeginTheHistory() {
    DataSource dataSource = dataSource("stegvis_v18");
    Flyway.configure().dataSource(dataSource).target("17")
        .javaMigrations(new DeadlineStatesMigration(), new SearchLogAppendOnly()).load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // The engine's identity tables, as far as the migration reads them.
    jdbc.execute("create table act_id_group (id_ varchar(64) primary key, type_ varchar(255))");
    jdbc.execute("create table act_id_membership (user_id_ varchar(64), group_id_ varchar(64))");
    jdbc.update("insert into act_id_group values ('coach', 'WORKFLOW'), ('norr', 'TEAM')");
    jdbc.update("insert into act_id_membership values ('cora', 'coach'), ('cora', 'norr'), ('otto', 'norr')");

    migrateTo18(dataSource);

    assertThat(jdbc.queryForObject("select started_at from membership_history_start", Timestamp.class).toInstant())
        .isEqualTo(MIGRATED);
    assertThat(jdbc.query("select * from membership_history order by user_id, group_id", (rs, row) -> tuple(
        rs.getString("user_id"), rs.getString("group_id"), rs.getString("group_type"),
        rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_to"), rs.getString("start_cause"))))
        .containsExactly(tuple("cora", "coach", "WORKFLOW", MIGRATED, null, "HISTORY_BEGINS"),
            tuple("cora", "norr", "TEAM", MIGRATED, null, "HISTORY_BEGINS"),
            tuple("otto", "norr", "TEAM", MIGRATED, null, "HISTORY_BEGINS"));
  }

  @Test
  @DisplayName("en ny databas utan motorns tabeller: bara historikens början")
  void aNewDatabaseRecordsOnlyTheBeginning() {
    DataSource dataSource = dataSource("stegvis_v18_new");
    migrateTo18(dataSource);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("select count(*) from membership_change", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select started_at from membership_history_start", Timestamp.class).toInstant())
        .isEqualTo(MIGRATED);
  }

  private static void migrateTo18(DataSource dataSource) {
    ClockUtil.setCurrentTime(Date.from(MIGRATED));
    Flyway.configure().dataSource(dataSource).javaMigrations(new DeadlineStatesMigration(), new SearchLogAppendOnly(),
        new MembershipHistoryBegins(new EngineClock())).load().migrate();
  }
}
