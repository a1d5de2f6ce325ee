package se.stegvis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import se.stegvis.identity.Groups;
import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;

/**
 * Not a test: the report benchmark, run only by {@code ./mvnw -Pbench test} (its name matches no
 * surefire pattern of the normal build). Seeds a fresh PostgreSQL database (created by
 * {@link PostgresTestDatabase}, at STEGVIS_TEST_POSTGRES_URL) with 100,000 closed and 10,000
 * active cases in ten projects, set-based in SQL (participants, referrals, exits, follow-ups,
 * exit survey answers, three deadlines per case), then times the full steering-group report for
 * the calendar year 2031 as one project's manager and as an administrator: two warm-up runs, then
 * the median of seven. Prints the figures against the target of 2 seconds.
 */
@EnabledIfPostgres
@SpringBootTest
@org.springframework.test.context.ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
class ReportBenchmark {

  static final int CLOSED = 100_000;
  static final int ACTIVE = 10_000;
  static final int PROJECTS = 10;
  static final int WARM_UP = 2;
  static final int RUNS = 7;
  static final ReportPeriod YEAR = new ReportPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31));

  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired SteeringGroupReport steeringGroup;
  @Autowired ReportCases cases;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  @Test
  void steeringGroupReportForOneYear() {
    long seeding = System.nanoTime();
    seed();
    System.out.printf("%nREPORT BENCHMARK: seeded %,d closed and %,d active cases in %.1f s%n", CLOSED, ACTIVE,
        (System.nanoTime() - seeding) / 1e9);

    double manager = time("manager of BENCH0", "bench-chef", List.of(Groups.MANAGERS, "benchchef0"), "BENCH0");
    double managerAll = time("manager, all projects", "bench-chef", List.of(Groups.MANAGERS, "benchchef0"), null);
    double admin = time("administrator, all projects", "bench-admin", List.of(Groups.ADMINISTRATORS), null);
    phases("bench-admin", List.of(Groups.ADMINISTRATORS));
    System.out.printf("REPORT BENCHMARK: target < 2.000 s: %s%n%n",
        Math.max(Math.max(manager, managerAll), admin) < 2.0 ? "met" : "NOT MET");
  }

  private double time(String who, String userId, List<String> groups, String project) {
    identityService.setAuthentication(userId, groups);
    try {
      int tables = 0;
      long cells = 0;
      for (int i = 0; i < WARM_UP; i++) {
        var report = steeringGroup.report(project, YEAR);
        tables = report.tables().size();
        cells = report.tables().stream().mapToLong(t -> t.rows().size()).sum();
      }
      List<Double> seconds = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        var report = steeringGroup.report(project, YEAR);
        seconds.add((System.nanoTime() - start) / 1e9);
        assertThat(report.tables()).hasSize(tables);
      }
      seconds.sort(null);
      double median = seconds.get(RUNS / 2);
      System.out.printf("REPORT BENCHMARK: %-30s median %.3f s (min %.3f, max %.3f) over %d runs; %d tables, %d rows%n",
          who, median, seconds.get(0), seconds.get(RUNS - 1), RUNS, tables, cells);
      return median;
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Where the administrator's time goes: reading the case rows, the deadlines, the answers. */
  private void phases(String userId, List<String> groups) {
    identityService.setAuthentication(userId, groups);
    try {
      transactions.executeWithoutResult(status -> {
        long start = System.nanoTime();
        var data = cases.load(null, YEAR);
        long read = System.nanoTime();
        long deadlines = data.deadlines(java.time.Instant.now()).stream()
            .mapToLong(ReportCases.DeadlineRow::count).sum();
        long due = System.nanoTime();
        long answers = data.surveyCounts(se.stegvis.survey.Survey.EXIT).respondents()
            + data.surveyCounts(se.stegvis.survey.Survey.FOLLOW_UP).respondents();
        long answered = System.nanoTime();
        System.out.printf("REPORT BENCHMARK: administrator's reads: %,d case rows %.3f s, %,d deadlines counted "
            + "in SQL %.3f s, survey answers of %,d respondents counted in SQL %.3f s%n", data.cases().size(),
            (read - start) / 1e9, deadlines, (due - read) / 1e9, answers, (answered - due) / 1e9);
      });
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Everything in set-based SQL; ids far above anything the application has made. */
  private void seed() {
    int total = CLOSED + ACTIVE;
    jdbc.update("""
        insert into project (id, code, name, individual_level, planned_participants_per_year, manager_group, active)
        select 900000 + k, 'BENCH' || k, 'Benchmark ' || k, true, 1000, 'benchchef' || k, true
        from generate_series(0, ?) k""", PROJECTS - 1);
    jdbc.update("""
        insert into participant (id, identity_number, identity_kind, first_name, last_name, gender, birth_date,
          protected_identity, created_at)
        select 1000000 + i, 'BENCH-' || i, 'RESERVNUMMER', 'Bänk', 'Person ' || i,
          (array['WOMAN','MAN','OTHER','NOT_STATED'])[1 + i % 4], date '1960-01-01' + (i * 7 % 15000), false, now()
        from generate_series(1, ?) i""", total);
    // Closed cases referred 2027–2032 and exited 90–389 days after start; active ones referred 2031–2032.
    jdbc.update("""
        insert into case_file (id, case_number, project_id, participant_id, phase, coach, referred_on, decided_on,
          started_on, exited_on, created_at, version)
        select 1000000 + i, 'BENCH-' || i, 900000 + i % ?, 1000000 + i,
          case when i <= ? then 'CLOSED' else 'ACTIVE' end, 'benchcoach' || (i % 50), ref, ref + 7, ref + 20,
          case when i <= ? then ref + 110 + i % 300 end, now(), 0
        from (select i, case when i <= ? then date '2027-01-01' + (i * 37 % 2000)
                             else date '2031-01-01' + (i % 500) end as ref
              from generate_series(1, ?) i) s""", PROJECTS, CLOSED, CLOSED, CLOSED, total);
    jdbc.update("""
        insert into referral (case_id, party, referrer_name, reason, income_source, time_in_support, education_level,
          referred_on, registered_via, decision, decided_on)
        select c.id, (array['SOC','AF','FK','REGION'])[1 + c.id % 4], 'Remittent', 'Skäl',
          (array['SOCIAL_ASSISTANCE','UNEMPLOYMENT_INSURANCE','ACTIVITY_SUPPORT','SICKNESS_BENEFIT','SALARY'])[1 + c.id % 5],
          (array['LT1','Y1','Y2','Y3','Y4','Y5','GT5'])[1 + c.id % 7], 'UPPER_SECONDARY', c.referred_on, 'API',
          'ACCEPTED', c.decided_on
        from case_file c where c.id > 1000000""");
    jdbc.update("""
        insert into case_exit (case_id, exit_date, outcome, consent_withdrawn, income_source, receiving_party,
          next_step, recorded_at)
        select c.id, c.exited_on, (array['WORK','STUDIES','WORK_AND_STUDIES','JOB_SEEKING','OTHER_MEASURE',
          'SICK_LEAVE','MOVED','DROPPED_OUT','NO_ACTION','WORK'])[1 + c.id % 10], false,
          (array['SALARY','STUDENT_AID','SOCIAL_ASSISTANCE','UNEMPLOYMENT_INSURANCE'])[1 + c.id % 4], 'AF', 'Nästa steg',
          now()
        from case_file c where c.id > 1000000 and c.exited_on is not null""");
    jdbc.update("""
        insert into follow_up (case_id, followed_up_on, reached, status, income_source, recorded_at)
        select c.id, c.exited_on + 200, c.id % 7 <> 0,
          case when c.id % 7 <> 0 then (array['WORK','STUDIES','OTHER_MEASURE','MOVED','NO_ACTION'])[1 + c.id % 5] end,
          case when c.id % 7 <> 0 then (array['SALARY','STUDENT_AID','SOCIAL_ASSISTANCE'])[1 + c.id % 3] end, now()
        from case_file c where c.id > 1000000 and c.exited_on is not null and c.exited_on + 200 < date '2032-06-30'""");
    jdbc.update("""
        insert into survey_answer (case_id, survey, question, answer)
        select c.id, 'EXIT', q.question, 1 + (c.id + q.sort_order) % 5
        from case_file c, survey_question q
        where c.id > 1000000 and c.exited_on is not null and q.survey = 'EXIT'""");
    jdbc.update("""
        insert into deadline (case_id, kind, sequence, due_at, state, completed_at, unfinished_due_at)
        select c.id, k.kind, 1, (c.referred_on + k.days)::timestamptz,
          case when c.id % 5 = 0 then 'MET_LATE' when c.id % 11 = 0 then 'MISSED' else 'MET' end,
          (c.referred_on + k.days)::timestamptz,
          case when c.id % 5 <> 0 and c.id % 11 = 0 then (c.referred_on + k.days)::timestamptz end
        from case_file c,
          (values ('INTAKE_DECISION', 14), ('PLAN', 34), ('MEETING', 80)) as k(kind, days)
        where c.id > 1000000""");
    jdbc.execute("analyze");
  }
}
