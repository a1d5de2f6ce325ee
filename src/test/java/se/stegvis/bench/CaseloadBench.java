package se.stegvis.bench;

import static se.stegvis.bench.Bench.f1;
import static se.stegvis.bench.Bench.print;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import se.stegvis.bench.BenchApp.Kind;
import se.stegvis.support.PostgresTestDatabase;
import se.stegvis.time.EngineClock;

/**
 * "Mina deltagare" and the search at {@link Bench#SCALE} cases in minutes: the cases are written
 * straight into Stegvis's case tables with COPY (participant, case file and deadlines; no process
 * instance, which the lists do not read), then {@link StegvisBench#caseload} takes the same three
 * figures as the full run does on cases opened through the referral service (whose seeding alone
 * takes 13 minutes at 100,000). Run with {@code ./mvnw -Pbench verify -Dtest=CaseloadBench}.
 *
 * <p>The shape: four projects of a quarter each; of every ten cases six are referred (the intake
 * decision due 14 days after the referral, made over the last 30 days, so about half are late),
 * two accepted (the decision met) and two in participation (plan due 14 days after the start, a
 * meeting two months after it); the accepted and active ones shared by 20 coaches.
 */
class CaseloadBench {

  @Test
  void caseloadAtScale() throws Exception {
    print("Stegvis caseload benchmark " + ZonedDateTime.now() + ": scale " + Bench.SCALE + " cases");
    String database = Bench.createDatabase("caseload");
    try (Connection db = DriverManager.getConnection(Bench.url(database), PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD); BenchApp app = BenchApp.start(Kind.STEGVIS, database, false)) {
      StegvisBench.staff(app);
      long started = System.nanoTime();
      seed(db);
      print("Stegvis: %d cases written with COPY in %s s".formatted(Bench.SCALE, f1((System.nanoTime() - started) / 1e9)));
      StegvisBench.Caseload caseload = new StegvisBench().caseload(app, db);
      caseload.summarise();
      Bench.printSummary();
    } finally {
      Bench.dropDatabase(database);
    }
  }

  private static void seed(Connection db) throws Exception {
    Map<String, Long> projects = new HashMap<>();
    try (var rows = db.createStatement().executeQuery("select code, id from project")) {
      while (rows.next()) {
        projects.put(rows.getString(1), rows.getLong(2));
      }
    }
    long first;
    try (var rows = db.createStatement().executeQuery(
        "select coalesce(max(id), 0) + 1 from (select id from participant union all select id from case_file) ids")) {
      rows.next();
      first = rows.getLong(1) + 1_000;
    }
    LocalDate today = LocalDate.now(EngineClock.ZONE);
    StringBuilder people = new StringBuilder();
    StringBuilder cases = new StringBuilder();
    StringBuilder deadlines = new StringBuilder();
    for (int i = 0; i < Bench.SCALE; i++) {
      long id = first + i;
      String last = StegvisBench.lastName(i);
      people.append(id).append(",BENCH").append(i).append(",RESERVNUMMER,Testa,").append(last)
          .append(",WOMAN,false,now,testa ").append(last.toLowerCase()).append('\n');
      String project = StegvisBench.PROJECTS[i % StegvisBench.PROJECTS.length];
      int kind = i % 10;
      String phase = kind < 6 ? "REFERRED" : kind < 8 ? "ACCEPTED" : "ACTIVE";
      LocalDate referred = today.minusDays(i % 30 + (kind < 6 ? 0 : 40));
      LocalDate decided = kind < 6 ? null : referred.plusDays(7);
      LocalDate start = kind < 8 ? null : referred.plusDays(10);
      String coach = kind < 6 ? "" : StegvisBench.coach(i / 10 % StegvisBench.COACHES + 1);
      cases.append(id).append(',').append(project).append("-2026-").append(i).append(',').append(projects.get(project))
          .append(',').append(id).append(',').append(phase).append(',').append(coach).append(',').append(referred)
          .append(',').append(decided == null ? "" : decided).append(',').append(start == null ? "" : start)
          .append(",now,0\n");
      String decision = endOfDay(referred.plusDays(14));
      if (kind < 6) {
        deadlines.append(id).append(",INTAKE_DECISION,1,").append(decision).append(",OPEN,").append(decision).append('\n');
      } else {
        deadlines.append(id).append(",INTAKE_DECISION,1,").append(decision).append(",MET,\n");
      }
      if (start != null) {
        String plan = endOfDay(start.plusDays(14));
        String meeting = endOfDay(start.plusMonths(2));
        deadlines.append(id).append(",PLAN,1,").append(plan).append(",OPEN,").append(plan).append('\n');
        deadlines.append(id).append(",MEETING,1,").append(meeting).append(",OPEN,").append(meeting).append('\n');
      }
    }
    var copy = db.unwrap(PGConnection.class).getCopyAPI();
    copy.copyIn("copy participant (id, identity_number, identity_kind, first_name, last_name, gender, "
        + "protected_identity, created_at, search_name) from stdin with (format csv)", new StringReader(people.toString()));
    copy.copyIn("copy case_file (id, case_number, project_id, participant_id, phase, coach, referred_on, decided_on, "
        + "started_on, created_at, version) from stdin with (format csv)", new StringReader(cases.toString()));
    copy.copyIn("copy deadline (case_id, kind, sequence, due_at, state, unfinished_due_at) from stdin with (format csv)",
        new StringReader(deadlines.toString()));
    try (var statement = db.createStatement()) {
      for (String table : new String[] {"participant", "case_file"}) {
        statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
            + "))");
      }
      statement.execute("analyze");
    }
  }

  private static String endOfDay(LocalDate day) {
    return day.atTime(LocalTime.of(23, 59, 59)).atZone(EngineClock.ZONE).toOffsetDateTime().toString();
  }
}
