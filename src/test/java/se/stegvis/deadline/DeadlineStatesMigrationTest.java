package se.stegvis.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.PostgresTestDatabase;
import se.stegvis.time.EngineClock;

/**
 * Flyway 12 and 12.1 on a copy of a database as the old code left it (schema up to version 10,
 * deadlines judged by registration time, escalations as MISSED, every exit as CANCELLED): each
 * state recomputed from the stored dates.
 */
@DisplayName("Migrering V12: tidsfristernas status räknas om från sparade datum")
@AlsoOnPostgres
class DeadlineStatesMigrationTest {

  DataSource dataSource() {
    if (PostgresTestDatabase.selected()) {
      return new DriverManagerDataSource(PostgresTestDatabase.createDatabase("stegvis_v12"), PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD);
    }
    return new DriverManagerDataSource("jdbc:h2:mem:deadline-states-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", "");
  }

  @Test
  @DisplayName("gamla rader: i tid efter stegets datum, eskalerad men ogjord blir öppen, avslut efter förfallodagen blir missad")
  void oldRowsAreRecomputedFromTheStoredDates() {
    DataSource dataSource = dataSource();
    Flyway.configure().dataSource(dataSource).target("10").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("insert into project (code, name, individual_level, manager_group, active) values"
        + " ('GAMMAL', 'Gammalt projekt', true, 'chef', true)");
    jdbc.update("insert into participant (identity_number, identity_kind, last_name, gender, protected_identity,"
        + " created_at) values ('196408233234', 'PERSONNUMMER', 'Testsson', 'MAN', false, ?)", at(2030, 1, 1, 9));
    long project = jdbc.queryForObject("select id from project where code = 'GAMMAL'", Long.class);
    long person = jdbc.queryForObject("select id from participant", Long.class);
    // Referred 2030-01-07, decided 01-14 but registered 01-31; started 02-01, plan made 02-10 but
    // registered 02-20; exit dated 03-10 (registered 03-12).
    jdbc.update("insert into case_file (case_number, project_id, participant_id, phase, referred_on, decided_on,"
        + " started_on, exited_on, created_at, version) values ('G-1', ?, ?, 'EXITED', ?, ?, ?, ?, ?, 0)",
        project, person, day(2030, 1, 7), day(2030, 1, 14), day(2030, 2, 1), day(2030, 3, 10), at(2030, 1, 7, 9));
    long caseId = jdbc.queryForObject("select id from case_file", Long.class);
    jdbc.update("insert into action_plan (case_id, goals, activities, made_on, recorded_at) values (?, 'Mål',"
        + " 'Aktiviteter', ?, ?)", caseId, day(2030, 2, 10), at(2030, 2, 20, 9));
    // Old-style rows: states as the old code judged them.
    deadline(jdbc, caseId, "INTAKE_DECISION", 1, endOf(2030, 1, 21), "MET_LATE", at(2030, 1, 31, 9),
        at(2030, 1, 22, 0));
    deadline(jdbc, caseId, "PLAN", 1, endOf(2030, 2, 15), "MET_LATE", at(2030, 2, 20, 9), at(2030, 2, 16, 0));
    deadline(jdbc, caseId, "MEETING", 1, endOf(2030, 4, 1), "CANCELLED", at(2030, 3, 12, 9), null);
    deadline(jdbc, caseId, "PROPOSAL", 1, endOf(2030, 3, 5), "CANCELLED", at(2030, 3, 12, 9), at(2030, 3, 6, 0));
    deadline(jdbc, caseId, "PLACEMENT_MATCH", 1, endOf(2030, 2, 28), "MET", at(2030, 2, 27, 9), null);
    deadline(jdbc, caseId, "FOLLOW_UP", 1, endOf(2031, 3, 10), "MISSED", null, at(2031, 3, 11, 0));
    deadline(jdbc, caseId, "MEETING", 2, endOf(2030, 6, 1), "OPEN", null, null);

    Flyway.configure().dataSource(dataSource).javaMigrations(new DeadlineStatesMigration()).load().migrate();

    RowMapper<Tuple> row = (r, n) -> tuple(r.getString(1), r.getInt(2), r.getString(3), date(r.getDate(4)),
        date(r.getDate(5)), r.getBoolean(6), r.getBoolean(7));
    List<Tuple> rows = jdbc.query("select kind, sequence, state, step_on, ended_on, escalated_at is not null,"
        + " unfinished_due_at is not null from deadline order by id", row);
    assertThat(rows).containsExactly(
        tuple("INTAKE_DECISION", 1, "MET", day(2030, 1, 14), null, true, false),
        tuple("PLAN", 1, "MET", day(2030, 2, 10), null, true, false),
        tuple("MEETING", 1, "CANCELLED", null, day(2030, 3, 10), false, false),
        tuple("PROPOSAL", 1, "MISSED", null, day(2030, 3, 10), true, false),
        tuple("PLACEMENT_MATCH", 1, "MET", day(2030, 2, 27), null, false, false),
        tuple("FOLLOW_UP", 1, "OPEN", null, null, true, true),
        tuple("MEETING", 2, "OPEN", null, null, false, true));
  }

  private static void deadline(JdbcTemplate jdbc, long caseId, String kind, int sequence, Timestamp dueAt,
      String state, Timestamp completedAt, Timestamp missedAt) {
    boolean unfinished = state.equals("OPEN") || state.equals("MISSED");
    jdbc.update("insert into deadline (case_id, kind, sequence, due_at, state, completed_at, missed_at,"
        + " unfinished_due_at) values (?, ?, ?, ?, ?, ?, ?, ?)", caseId, kind, sequence, dueAt, state, completedAt,
        missedAt, unfinished ? dueAt : null);
  }

  private static LocalDate day(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private static Timestamp at(int year, int month, int day, int hour) {
    return Timestamp.from(ZonedDateTime.of(day(year, month, day), LocalTime.of(hour, 0), EngineClock.ZONE)
        .toInstant());
  }

  private static Timestamp endOf(int year, int month, int day) {
    return Timestamp.from(ZonedDateTime.of(day(year, month, day), LocalTime.of(23, 59, 59), EngineClock.ZONE)
        .toInstant());
  }
}
