package se.stegvis.bench;

import static se.stegvis.bench.Bench.f1;
import static se.stegvis.bench.Bench.f2;
import static se.stegvis.bench.Bench.print;

import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.transaction.support.TransactionTemplate;

import se.stegvis.StegvisApplication;
import se.stegvis.bench.BenchApp.Kind;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.identity.Groups;
import se.stegvis.referral.ReferralRequest;
import se.stegvis.support.CaseProcessTest;
import se.stegvis.referral.ReferralService;
import se.stegvis.support.PostgresTestDatabase;
import se.stegvis.time.EngineClock;

/**
 * Stegvis beside the bare engine ({@link BareEngineApplication}) on the local PostgreSQL, each on
 * fresh databases that are dropped afterwards. Prints figures and a summary table; asserts nothing
 * about speed. Run with {@code ./mvnw -Pbench verify [-Dbench.scale=2000]} (README, "Performance").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StegvisBench {

  static final String PASSWORD = "Bänk-2026-lösenord";
  static final String REFERRER = "benchremi";
  static final String DECIDER = "benchbeslut";
  static final String MANAGER = "benchchef";
  static final int COACHES = 20;
  static final String[] PROJECTS = {"C2", "SAMVERKAN", "NYIVARDEN", "UNGA"};
  static final int SEED_THREADS = 4;
  static final int SEED_BATCH = 25;
  static final String MY_TASKS = "Mina uppgifter";
  /** The coach whose "Mina deltagare" holds 40 cases. */
  static final String CASELOAD_COACH = "coach40";

  final ObjectMapper json = new ObjectMapper();
  /** Numbers people and cases across all runs of an operation, so no referral repeats an earlier one. */
  final AtomicLong people = new AtomicLong();

  @BeforeAll
  static void header() throws Exception {
    if (!PostgresTestDatabase.isAvailable()) {
      throw new IllegalStateException("The benchmarks need PostgreSQL at " + PostgresTestDatabase.ADMIN_URL);
    }
    Files.deleteIfExists(Bench.RESULTS);
    print("Stegvis benchmarks " + ZonedDateTime.now() + ": scale " + Bench.SCALE + " open cases ("
        + Bench.SCALE / 10 + " due at once), " + Bench.SECONDS + " s per throughput figure, "
        + Runtime.getRuntime().availableProcessors() + " cores, load average "
        + Files.readString(Path.of("/proc/loadavg")).strip());
  }

  @AfterAll
  static void summary() {
    Bench.printSummary();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // === start-up and memory =====================================================================

  record Boot(double seconds, double processSeconds, long rssKb, long rssAfterGcKb, double restartSeconds) {
  }

  @Test
  @Order(1)
  void startupAndMemory() throws Exception {
    print("");
    print("== Start-up and resident memory (separate JVMs, -Xmx512m, fresh databases) ==");
    Boot stegvis = boot(Kind.STEGVIS);
    Boot bare = boot(Kind.BARE);
    double ratio = stegvis.processSeconds / bare.processSeconds;
    Bench.summary("start-up, first boot with schema creation (s)", "≤ 1.3× bare", f1(stegvis.processSeconds),
        f1(bare.processSeconds), f2(ratio), ratio <= 1.3);
    double restart = stegvis.restartSeconds / bare.restartSeconds;
    Bench.summary("start-up, restart on the existing schema (s)", "≤ 1.3× bare", f1(stegvis.restartSeconds),
        f1(bare.restartSeconds), f2(restart), restart <= 1.3);
    double rss = (double) stegvis.rssKb / bare.rssKb;
    Bench.summary("RSS after start-up (MB)", "≤ 1.3× bare", String.valueOf(stegvis.rssKb / 1024),
        String.valueOf(bare.rssKb / 1024), f2(rss), rss <= 1.3);
    double gc = (double) stegvis.rssAfterGcKb / bare.rssAfterGcKb;
    Bench.summary("RSS after a full GC (MB)", "≤ 1.3× bare", String.valueOf(stegvis.rssAfterGcKb / 1024),
        String.valueOf(bare.rssAfterGcKb / 1024), f2(gc), gc <= 1.3);
  }

  private Boot boot(Kind kind) throws Exception {
    String database = Bench.createDatabase("boot");
    try {
      Boot first = launch(kind, database, true);
      Boot second = launch(kind, database, false);
      Boot boot = new Boot(first.seconds, first.processSeconds, first.rssKb, first.rssAfterGcKb, second.processSeconds);
      print("%s: first boot %s s (JVM %s s), restart %s s; RSS %d MB after start-up, %d MB after GC".formatted(
          kind.label, f1(boot.seconds), f1(boot.processSeconds), f1(boot.restartSeconds), boot.rssKb / 1024,
          boot.rssAfterGcKb / 1024));
      return boot;
    } finally {
      Bench.dropDatabase(database);
    }
  }

  private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

  private Boot launch(Kind kind, String database, boolean memory) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = new ArrayList<>(Arrays.asList(classpath.split(File.pathSeparator)));
    if (kind == Kind.STEGVIS) {
      // Stegvis as it ships: its classes and dependencies, none of the test classes.
      entries.removeIf(e -> e.endsWith("test-classes") || e.endsWith("test-classes/"));
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-Duser.timezone=Europe/Stockholm", "-cp", String.join(File.pathSeparator, entries),
        kind == Kind.STEGVIS ? StegvisApplication.class.getName() : BareEngineApplication.class.getName(),
        "--spring.datasource.url=" + Bench.url(database),
        "--spring.datasource.username=" + PostgresTestDatabase.USER,
        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
        "--server.port=0"));
    if (kind == Kind.STEGVIS) {
      command.addAll(List.of("--spring.profiles.active=postgres",
          "--camunda.bpm.admin-user.password=" + BenchApp.ADMIN_PASSWORD, "--stegvis.reminders.initial-delay=P3650D"));
    }
    Path log = Path.of("target", "bench", kind.name().toLowerCase() + (memory ? "-boot.log" : "-restart.log"));
    Files.createDirectories(log.getParent());
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Matcher started = null;
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (started == null) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(kind.label + " did not start; see " + log);
        }
        Thread.sleep(100);
        Matcher m = STARTED.matcher(Files.readString(log));
        if (m.find()) {
          started = m;
        }
      }
      double seconds = (System.nanoTime() - launched) / 1e9;
      double processSeconds = Double.parseDouble(started.group(2));
      long rss = 0;
      long afterGc = 0;
      if (memory) {
        Thread.sleep(5000);
        rss = rssKb(process.pid());
        new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.run").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        Thread.sleep(2000);
        afterGc = rssKb(process.pid());
      }
      return new Boot(seconds, processSeconds, rss, afterGc, 0);
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static long rssKb(long pid) throws Exception {
    return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
        .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
        .findFirst().orElseThrow();
  }

  // === intake =================================================================================

  @Test
  @Order(2)
  void intake() throws Exception {
    print("");
    print("== Intake: process starts per second (" + Bench.SECONDS + " s each after warm-up) ==");
    double[] pgbench = pgbench();
    Map<Integer, Bench.Rate> bareRest = new HashMap<>();
    Map<Integer, Bench.Rate> bareJava = new HashMap<>();
    String bareDb = Bench.createDatabase("intake_bare");
    try (BenchApp bare = BenchApp.start(Kind.BARE, bareDb, false)) {
      for (int clients : new int[] {1, 16}) {
        bareRest.put(clients, report("bare engine, POST /engine-rest/.../start", Bench.rate(clients, bareRestStart(bare))));
        bareJava.put(clients, report("bare engine, RuntimeService in-process", Bench.rate(clients, bareJavaStart(bare))));
      }
    } finally {
      Bench.dropDatabase(bareDb);
    }
    Map<Integer, Bench.Rate> stegvis = new HashMap<>();
    String stegvisDb = Bench.createDatabase("intake_stegvis");
    try (BenchApp app = BenchApp.start(Kind.STEGVIS, stegvisDb, false)) {
      staff(app);
      for (int clients : new int[] {1, 16}) {
        stegvis.put(clients, report("Stegvis, POST /api/referrals", Bench.rate(clients, referral(app))));
      }
    } finally {
      Bench.dropDatabase(stegvisDb);
    }
    int i = 0;
    for (int clients : new int[] {1, 16}) {
      double s = stegvis.get(clients).perSecond();
      double rest = bareRest.get(clients).perSecond();
      double java = bareJava.get(clients).perSecond();
      Bench.summary("intake at " + clients + " client(s), starts/s (bare: engine REST)", "≥ 0.8× bare", f1(s), f1(rest),
          f2(s / rest), s / rest >= 0.8);
      Bench.summary("intake at " + clients + " client(s), starts/s (bare: Java API, no HTTP)", "(for information)", f1(s),
          f1(java), f2(s / java), null);
      Bench.summary("intake at " + clients + " client(s) vs pgbench simple-update tps", "(for information)", f1(s),
          "pgbench " + f1(pgbench[i]), f2(s / pgbench[i]), null);
      i++;
    }
  }

  private Bench.Rate report(String what, Bench.Rate rate) {
    print("%s at %d client(s): %s/s (%d in %s s, %d errors)".formatted(what, rate.clients(), f1(rate.perSecond()),
        rate.operations(), f1(rate.seconds()), rate.errors()));
    return rate;
  }

  private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");

  /** pgbench simple-update at 1 and 16 clients on a scratch database. */
  private double[] pgbench() throws Exception {
    String database = Bench.createDatabase("pgbench");
    try {
      String host = "127.0.0.1";
      run(List.of("pgbench", "-i", "-q", "-h", host, "-U", PostgresTestDatabase.USER, database));
      double[] tps = new double[2];
      int i = 0;
      for (String clients : new String[] {"1", "16"}) {
        String out = run(List.of("pgbench", "-h", host, "-U", PostgresTestDatabase.USER, "-b", "simple-update",
            "-c", clients, "-j", clients.equals("1") ? "1" : "2", "-T", "10", database));
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
          throw new IllegalStateException("pgbench printed no tps: " + out);
        }
        tps[i++] = Double.parseDouble(m.group(1));
        print("pgbench simple-update at %s client(s): %s tps".formatted(clients, f1(tps[i - 1])));
      }
      return tps;
    } finally {
      Bench.dropDatabase(database);
    }
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
    return out;
  }

  private Bench.Operation referral(BenchApp app) {
    LocalDate today = LocalDate.now(EngineClock.ZONE);
    String auth = Bench.basic(REFERRER, PASSWORD);
    return client -> {
      String body = json.writeValueAsString(referralForm(Bench.personnummer(people.incrementAndGet()), today, "C2"));
      Bench.expect(201, Bench.request(app.port(), "/api/referrals").header("Authorization", auth)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
      return true;
    };
  }

  private Bench.Operation bareRestStart(BenchApp app) {
    String referralDate = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .format(EngineClock.toDate(LocalDate.now(EngineClock.ZONE)));
    return client -> {
      long n = people.incrementAndGet();
      String caseNumber = "C2-2026-" + n;
      String body = """
          {"businessKey": "%s", "variables": {"caseId": {"value": %d, "type": "Long"},
           "referralDate": {"value": "%s", "type": "Date"}, "caseNumber": {"value": "%s", "type": "String"}}}"""
          .formatted(caseNumber, n, referralDate, caseNumber);
      Bench.expect(200, Bench.request(app.port(), "/engine-rest/process-definition/key/participant-case/start")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
      return true;
    };
  }

  private Bench.Operation bareJavaStart(BenchApp app) {
    Date referralDate = EngineClock.toDate(LocalDate.now(EngineClock.ZONE));
    RuntimeService runtime = app.engine().getRuntimeService();
    return client -> {
      startBare(runtime, people.incrementAndGet(), referralDate);
      return true;
    };
  }

  private static void startBare(RuntimeService runtime, long n, Date referralDate) {
    String caseNumber = "C2-2026-" + n;
    runtime.createProcessInstanceByKey("participant-case").businessKey(caseNumber)
        .setVariable("caseId", n).setVariable("referralDate", referralDate).setVariable("caseNumber", caseNumber)
        .execute();
  }

  /** The tests' valid referral form, for one of the bench projects. */
  static Map<String, Object> referralForm(String identityNumber, LocalDate referredOn, String project) {
    Map<String, Object> form = CaseProcessTest.referralForm(identityNumber, referredOn);
    form.put("projectCode", project);
    return form;
  }

  /** Users for every role the benchmarks act as, and the projects, all managed by the group chef. */
  static void staff(BenchApp app) {
    IdentityService identity = app.engine().getIdentityService();
    for (String group : List.of(Groups.REFERRERS, Groups.WORKING_GROUP, Groups.COACHES, Groups.MANAGERS)) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        var g = identity.newGroup(group);
        g.setName(group);
        identity.saveGroup(g);
      }
    }
    user(identity, REFERRER, "Remi", Groups.REFERRERS);
    user(identity, DECIDER, "Berit", Groups.WORKING_GROUP);
    user(identity, MANAGER, "Maja", Groups.MANAGERS);
    for (int c = 1; c <= COACHES; c++) {
      user(identity, coach(c), "Coach" + c, Groups.COACHES);
    }
    ProjectRepository projects = app.bean(ProjectRepository.class);
    for (String code : PROJECTS) {
      if (projects.findByCode(code).isEmpty()) {
        projects.save(new Project(code, "Insats " + code, 80, Groups.MANAGERS));
      }
    }
  }

  private static void user(IdentityService identity, String id, String firstName, String group) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    var user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName("Bänksson");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  static String coach(int c) {
    return "coach%02d".formatted(c);
  }

  // === deadline burst, task completion and reading at scale ===================================

  record Scaled(double seedSeconds, long jobRows, long due, double burstSeconds, long failedJobs, long incidents,
      Bench.Rate completion, Bench.Latency myTasks, Bench.Latency overdue, int overdueShown, Caseload caseload) {
  }

  /** Search for a person, a coach's "Mina deltagare" with 40 cases, a manager's for one project. */
  record Caseload(Bench.Latency search, Bench.Latency coach, Bench.Latency manager, int managerCases) {
    /** The three rows of the summary table, against the targets of issue 19. */
    void summarise() {
      Bench.summary("search for a person by name: median / p95 (ms)", "p95 < 100 ms",
          f1(search.medianMs()) + " / " + f1(search.p95Ms()), "–", "–", search.p95Ms() < 100);
      Bench.summary("coach's \"Mina deltagare\", 40 cases: median / p95 (ms)", "p95 < 100 ms",
          f1(coach.medianMs()) + " / " + f1(coach.p95Ms()), "–", "–", coach.p95Ms() < 100);
      Bench.summary("manager's caseload of one project, " + managerCases + " cases, first page: median / p95 (ms)",
          "p95 < 300 ms", f1(manager.medianMs()) + " / " + f1(manager.p95Ms()), "–", "–", manager.p95Ms() < 300);
    }
  }

  @Test
  @Order(3)
  void deadlinesCompletionAndReading() throws Exception {
    print("");
    print("== " + Bench.SCALE + " open cases, " + Bench.SCALE / 10 + " intake deadlines due at once ==");
    Scaled bare = scaled(Kind.BARE);
    Scaled stegvis = scaled(Kind.STEGVIS);
    double burst = stegvis.burstSeconds / bare.burstSeconds;
    Bench.summary("deadline burst: " + stegvis.due + " escalations (s), " + stegvis.jobRows + " timer jobs",
        "≤ 40 s and ≤ 1.2× bare", f1(stegvis.burstSeconds), f1(bare.burstSeconds), f2(burst),
        stegvis.burstSeconds <= 40 && burst <= 1.2);
    double completion = stegvis.completion.perSecond() / bare.completion.perSecond();
    Bench.summary("task completion at 4 clients, submit-form over engine REST (/s)", "≥ 150/s",
        f1(stegvis.completion.perSecond()), f1(bare.completion.perSecond()), f2(completion),
        stegvis.completion.perSecond() >= 150);
    Bench.summary("coach's \"Mina uppgifter\" filter, 15 tasks: median / p95 (ms)", "p95 < 25 ms",
        f1(stegvis.myTasks.medianMs()) + " / " + f1(stegvis.myTasks.p95Ms()),
        f1(bare.myTasks.medianMs()) + " / " + f1(bare.myTasks.p95Ms()),
        f2(stegvis.myTasks.p95Ms() / bare.myTasks.p95Ms()), stegvis.myTasks.p95Ms() < 25);
    Bench.summary("overdue view, " + stegvis.overdueShown + " overdue steps: median / p95 (ms)", "p95 < 100 ms",
        f1(stegvis.overdue.medianMs()) + " / " + f1(stegvis.overdue.p95Ms()), "–", "–",
        stegvis.overdue.p95Ms() < 100);
    stegvis.caseload.summarise();
  }

  private Scaled scaled(Kind kind) throws Exception {
    String database = Bench.createDatabase("scale_" + kind.name().toLowerCase());
    LocalDate today = LocalDate.now(EngineClock.ZONE);
    // The tenth of the cases referred 14 days ago has its intake deadline at the end of today.
    Date dueMoment = Date.from(today.atTime(LocalTime.of(23, 59, 59)).atZone(EngineClock.ZONE).toInstant());
    Date burstAt = new Date(dueMoment.getTime() + 30_000);
    try (Connection db = DriverManager.getConnection(Bench.url(database), PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD)) {
      double seedSeconds;
      try (BenchApp app = BenchApp.start(kind, database, true)) {
        if (kind == Kind.STEGVIS) {
          staff(app);
        }
        Bench.mark(db, kind.label + " seeding");
        seedSeconds = seed(app, today);
        Bench.mark(db, kind.label + " seeded");
      }
      try (var statement = db.createStatement()) {
        statement.execute("analyze");
      }
      try (BenchApp app = BenchApp.start(kind, database, false)) {
        long jobRows = count(db, "select count(*) from act_ru_job");
        long due = count(db, "select count(*) from act_ru_job where duedate_ <= '" + new java.sql.Timestamp(burstAt.getTime()) + "'");
        print("%s: seeded %d cases in %s s (%s/s); %d timer jobs, %d due at %s".formatted(kind.label, Bench.SCALE,
            f1(seedSeconds), f1(Bench.SCALE / seedSeconds), jobRows, due, dueMoment));

        // The burst: the clock passes the due moment; the job executor is woken as a new job would wake it.
        long started = System.nanoTime();
        ClockUtil.offset(burstAt.getTime() - System.currentTimeMillis());
        app.configuration().getJobExecutor().jobWasAdded();
        long escalated = 0;
        long timeout = started + Duration.ofMinutes(20).toNanos();
        while (escalated < due && System.nanoTime() < timeout) {
          Thread.sleep(200);
          escalated = count(db, "select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ = 'intakeDecisionOverdue'");
        }
        double burstSeconds = (System.nanoTime() - started) / 1e9;
        long failed = count(db, "select count(*) from act_hi_job_log where job_state_ = 1");
        long incidents = count(db, "select count(*) from act_ru_incident");
        print("%s: %d of %d deadlines escalated in %s s (%s/s), %d failed job attempts, %d incidents".formatted(
            kind.label, escalated, due, f1(burstSeconds), f1(escalated / burstSeconds), failed, incidents));
        if (escalated < due) {
          print(kind.label + ": the burst did NOT finish within 20 minutes");
        }
        if (kind == Kind.STEGVIS) {
          // An escalation marks the deadline escalated; it is judged met or missed later (MissedDeadline).
          print("Stegvis: deadlines marked escalated: "
              + count(db, "select count(*) from deadline where escalated_at is not null"));
        }

        Bench.mark(db, kind.label + " completion");
        Bench.Rate completion = report(kind.label + ", submit-form on decideIntake (ACCEPTED)",
            Bench.rate(4, completeIntake(app, db, burstAt)));
        if (Bench.STATEMENT_LOG) {
          Bench.mark(db, kind.label + " completed " + count(db, "select count(*) from act_hi_taskinst "
              + "where task_def_key_ = 'decideIntake' and end_time_ is not null and delete_reason_ = 'completed'"));
        }
        String filterId = kind == Kind.STEGVIS
            ? app.engine().getFilterService().createFilterQuery().filterName(MY_TASKS).singleResult().getId()
            : bareMyTasksFilter(app);
        Bench.Latency myTasks = myTasks(app, filterId);
        print("%s: \"Mina uppgifter\" for %s (%d samples): median %s ms, p95 %s ms, max %s ms".formatted(kind.label,
            coach(1), myTasks.samples(), f1(myTasks.medianMs()), f1(myTasks.p95Ms()), f1(myTasks.maxMs())));
        Bench.Latency overdue = null;
        Caseload caseload = null;
        int[] shown = new int[1];
        if (kind == Kind.STEGVIS) {
          overdue = overdue(app, shown);
          print("Stegvis: overdue view with %d overdue steps (%d samples): median %s ms, p95 %s ms, max %s ms"
              .formatted(shown[0], overdue.samples(), f1(overdue.medianMs()), f1(overdue.p95Ms()), f1(overdue.maxMs())));
          caseload = caseload(app, db);
        }
        return new Scaled(seedSeconds, jobRows, due, burstSeconds, failed, incidents, completion, myTasks, overdue,
            shown[0], caseload);
      } finally {
        ClockUtil.reset();
      }
    } finally {
      Bench.dropDatabase(database);
    }
  }

  /**
   * Opens {@link Bench#SCALE} cases the way each application opens them, in parallel transactions of
   * {@link #SEED_BATCH}: Stegvis through {@link ReferralService#registerAndStart} (participant, case,
   * referral, deadline and process, as the API does), the bare engine through RuntimeService with the
   * same variables. Every tenth case was referred 14 days ago.
   */
  private double seed(BenchApp app, LocalDate today) throws Exception {
    TransactionTemplate tx = app.bean(TransactionTemplate.class);
    AtomicInteger done = new AtomicInteger();
    IntConsumer open;
    if (app.kind() == Kind.STEGVIS) {
      ReferralService referrals = app.bean(ReferralService.class);
      ReferenceCodes codes = app.bean(ReferenceCodes.class);
      open = i -> {
        var form = referralForm(Bench.personnummer(i), referredOn(i, today), PROJECTS[i / SEED_BATCH % PROJECTS.length]);
        form.put("lastName", lastName(i));
        referrals.registerAndStart(ReferralRequest.read(new FormValues(form, codes, today)), REFERRER);
      };
    } else {
      RuntimeService runtime = app.engine().getRuntimeService();
      open = i -> startBare(runtime, i, EngineClock.toDate(referredOn(i, today)));
    }
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < Bench.SCALE; from += SEED_BATCH) {
        int first = from;
        int last = Math.min(Bench.SCALE, from + SEED_BATCH);
        Runnable batch = () -> {
          tx.executeWithoutResult(s -> {
            for (int i = first; i < last; i++) {
              open.accept(i);
            }
          });
          int total = done.addAndGet(last - first);
          if (total % Math.max(SEED_BATCH, Bench.SCALE / 10 / SEED_BATCH * SEED_BATCH) == 0) {
            System.out.printf("bench: %s seeding %d/%d%n", app.kind().label, total, Bench.SCALE);
          }
        };
        batches.add(pool.submit(batch));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return (System.nanoTime() - started) / 1e9;
  }

  private static LocalDate referredOn(int i, LocalDate today) {
    return i % 10 == 0 ? today.minusDays(14) : today;
  }

  /** Completes intake decisions of cases not due, accepting each with one of the coaches. */
  private Bench.Operation completeIntake(BenchApp app, Connection db, Date burstAt) throws SQLException {
    int wanted = 4 * Bench.SECONDS * 2 * 400;
    Queue<String> tasks = new ConcurrentLinkedQueue<>();
    try (var statement = db.prepareStatement(
        "select id_ from act_ru_task where task_def_key_ = 'decideIntake' and due_date_ > ? limit " + wanted)) {
      statement.setTimestamp(1, new java.sql.Timestamp(burstAt.getTime() + Duration.ofDays(2).toMillis()));
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          tasks.add(rows.getString(1));
        }
      }
    }
    String auth = app.kind() == Kind.STEGVIS ? Bench.basic(DECIDER, PASSWORD) : null;
    // The day of the decision as the engine's clock has it: the burst moved that clock past midnight,
    // and a decision dated the day before would be a backdated step (an extra audit entry and label
    // lookup in Stegvis), not the decision of the day a working group enters.
    String decidedOn = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), EngineClock.ZONE).toString();
    AtomicInteger next = new AtomicInteger();
    return client -> {
      String task = tasks.poll();
      if (task == null) {
        return false;
      }
      String body = """
          {"variables": {"decision": {"value": "ACCEPTED"}, "coach": {"value": "%s"}, "decidedOn": {"value": "%s"}}}"""
          .formatted(coach(next.incrementAndGet() % COACHES + 1), decidedOn);
      var request = Bench.request(app.port(), "/engine-rest/task/" + task + "/submit-form")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
      if (auth != null) {
        request.header("Authorization", auth);
      }
      Bench.expect(204, request.build());
      return true;
    };
  }

  /** The bare engine's equivalent of "Mina uppgifter": the same query with the coach filled in (no login there). */
  private static String bareMyTasksFilter(BenchApp app) {
    FilterService filters = app.engine().getFilterService();
    var filter = filters.newTaskFilter(MY_TASKS);
    filter.setQuery(app.engine().getTaskService().createTaskQuery().taskAssignee(coach(1)).orderByDueDate().asc());
    filter.setProperties(Map.of("variables", List.of(Map.of("name", "caseNumber", "label", "Ärende"))));
    return filters.saveFilter(filter).getId();
  }

  private Bench.Latency myTasks(BenchApp app, String filterId) throws Exception {
    var request = Bench.request(app.port(), "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15")
        .header("Accept", "application/hal+json").GET();
    if (app.kind() == Kind.STEGVIS) {
      request.header("Authorization", Bench.basic(coach(1), PASSWORD));
    }
    HttpRequest get = request.build();
    JsonNode first = json.readTree(Bench.expect(200, get).body());
    int tasks = first.path("_embedded").path("task").size();
    if (tasks == 0) {
      throw new IllegalStateException("\"Mina uppgifter\" is empty for " + coach(1) + ": " + first);
    }
    return sample(get, 300, Duration.ofSeconds(60));
  }

  private Bench.Latency overdue(BenchApp app, int[] shown) throws Exception {
    // The first page, as Cockpit's "Försenade steg" asks for it; the total counts every overdue step.
    HttpRequest get = Bench.request(app.port(), "/api/deadlines/overdue?page=0&size=50")
        .header("Authorization", Bench.basic(MANAGER, PASSWORD)).GET().build();
    long started = System.nanoTime();
    JsonNode first = json.readTree(Bench.expect(200, get).body());
    print("Stegvis: first overdue view took %s ms: %d of %d overdue steps, %d of %d due soon".formatted(
        f1((System.nanoTime() - started) / 1e6), first.path("overdue").size(), first.path("overdueTotal").asLong(),
        first.path("dueSoon").size(), first.path("dueSoonTotal").asLong()));
    shown[0] = first.path("overdueTotal").asInt();
    return sample(get, 100, Duration.ofSeconds(90));
  }

  /**
   * The caseload pages at scale: a search by a name among all cases (every participant has a last
   * name of its own, see {@link #seed}), "Mina deltagare" of a coach given 40 cases, and a manager's
   * caseload of project C2 (a quarter of all cases).
   */
  Caseload caseload(BenchApp app, Connection db) throws Exception {
    user(app.engine().getIdentityService(), CASELOAD_COACH, "Fyrtio", Groups.COACHES);
    try (var statement = db.createStatement()) {
      statement.executeUpdate("update case_file set coach = '" + CASELOAD_COACH + "' where id in "
          + "(select id from case_file where phase in ('ACCEPTED', 'ACTIVE') order by id limit 40)");
    }
    String name = URLEncoder.encode("testa " + lastName(Bench.SCALE / 2), StandardCharsets.UTF_8);
    HttpRequest search = Bench.request(app.port(), "/api/cases?status=all&q=" + name)
        .header("Authorization", Bench.basic(MANAGER, PASSWORD)).GET().build();
    int hits = json.readTree(Bench.expect(200, search).body()).size();
    Bench.Latency searchLatency = sample(search, 200, Duration.ofSeconds(60));
    print("Stegvis: search for a name, %d hit(s) (%d samples): median %s ms, p95 %s ms, max %s ms".formatted(hits,
        searchLatency.samples(), f1(searchLatency.medianMs()), f1(searchLatency.p95Ms()), f1(searchLatency.maxMs())));

    HttpRequest coach = Bench.request(app.port(), "/api/caseload")
        .header("Authorization", Bench.basic(CASELOAD_COACH, PASSWORD)).GET().build();
    int coachCases = json.readTree(Bench.expect(200, coach).body()).path("total").asInt();
    Bench.Latency coachLatency = sample(coach, 200, Duration.ofSeconds(60));
    print("Stegvis: \"Mina deltagare\" of a coach with %d cases (%d samples): median %s ms, p95 %s ms, max %s ms"
        .formatted(coachCases, coachLatency.samples(), f1(coachLatency.medianMs()), f1(coachLatency.p95Ms()),
            f1(coachLatency.maxMs())));

    HttpRequest manager = Bench.request(app.port(), "/api/caseload?project=C2")
        .header("Authorization", Bench.basic(MANAGER, PASSWORD)).GET().build();
    // The first page (100 rows) by coach, with the counts per coach over all of C2's cases.
    int managerCases = json.readTree(Bench.expect(200, manager).body()).path("total").asInt();
    Bench.Latency managerLatency = sample(manager, 50, Duration.ofSeconds(90));
    print("Stegvis: a manager's caseload of C2, %d cases (%d samples): median %s ms, p95 %s ms, max %s ms".formatted(
        managerCases, managerLatency.samples(), f1(managerLatency.medianMs()), f1(managerLatency.p95Ms()),
        f1(managerLatency.maxMs())));
    return new Caseload(searchLatency, coachLatency, managerLatency, managerCases);
  }

  /** A last name of its own for seeded person i, so a search by name finds one person. */
  static String lastName(int i) {
    StringBuilder s = new StringBuilder("Berg");
    for (int n = i + 1; n > 0; n /= 26) {
      s.append((char) ('a' + (n - 1) % 26));
    }
    return s.toString();
  }

  /** One client, one request after the other: a few warm-up calls, then up to {@code samples} timed calls. */
  private static Bench.Latency sample(HttpRequest get, int samples, Duration atMost) throws Exception {
    for (int i = 0; i < 5; i++) {
      Bench.expect(200, get);
    }
    List<Long> nanos = new ArrayList<>();
    long until = System.nanoTime() + atMost.toNanos();
    while (nanos.size() < samples && (nanos.size() < 5 || System.nanoTime() < until)) {
      long started = System.nanoTime();
      Bench.expect(200, get);
      nanos.add(System.nanoTime() - started);
    }
    return Bench.latency(nanos);
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
