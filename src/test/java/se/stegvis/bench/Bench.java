package se.stegvis.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import se.stegvis.support.CaseProcessTest;
import se.stegvis.support.PostgresTestDatabase;

/** What every benchmark shares: scratch databases, load generation, statistics and the printed report. */
final class Bench {

  /** Open cases for the deadline and reading benchmarks; a tenth of them fall due at once. */
  static final int SCALE = Integer.getInteger("bench.scale", 100_000);
  /** Seconds of measurement per throughput figure, after as many seconds' warm-up as a third of it. */
  static final int SECONDS = Integer.getInteger("bench.seconds", 15);
  static final int WARM_UP_CALLS = 10;
  /**
   * {@code -Dbench.statementLog=true}: every statement of the applications' and the bench's own
   * sessions goes to the PostgreSQL server log ({@code log_min_duration_statement = 0}, those
   * sessions only), with a marker statement at each phase ({@link #mark}), to count statements per
   * operation. Slows the database: for counting, not for figures.
   */
  static final boolean STATEMENT_LOG = Boolean.getBoolean("bench.statementLog");
  static final Path RESULTS = Path.of("target", "bench", "results.txt");

  private static final List<String> SUMMARY = Collections.synchronizedList(new ArrayList<>());

  private Bench() {
  }

  // --- databases ----------------------------------------------------------------------------

  /** A fresh database on the local PostgreSQL, named so that CI's clean-up of test databases leaves it alone. */
  static String createDatabase(String purpose) {
    String name = ("stegbench_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    admin("create database " + name);
    return name;
  }

  static String url(String database) {
    String admin = PostgresTestDatabase.ADMIN_URL;
    return admin.substring(0, admin.lastIndexOf('/') + 1) + database;
  }

  static void dropDatabase(String database) {
    admin("drop database if exists " + database + " with (force)");
  }

  private static void admin(String sql) {
    try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.ADMIN_URL, PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD); var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** With {@link #STATEMENT_LOG}: a statement in the server log that names the phase beginning now. */
  static void mark(Connection db, String phase) throws SQLException {
    if (STATEMENT_LOG) {
      try (var statement = db.createStatement()) {
        statement.execute("set log_min_duration_statement to 0");
        statement.execute("select 'bench-mark: " + phase.replace("'", "") + "'");
      }
    }
  }

  // --- load ---------------------------------------------------------------------------------

  interface Operation {
    /** One unit of work; false when there is no more work. */
    boolean run(int client) throws Exception;
  }

  record Rate(int clients, long operations, long errors, double seconds) {
    double perSecond() {
      return operations / seconds;
    }
  }

  /**
   * After {@link #WARM_UP_CALLS} untimed calls, {@code clients} threads repeat the operation: a
   * warm-up of a third of the measuring time, then the measured {@link #SECONDS} (or until the work
   * runs out). Failures are counted, not hidden.
   */
  static Rate rate(int clients, Operation operation) throws Exception {
    // The first calls load classes and fill caches: a few go before any clock runs.
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      operation.run(0);
    }
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long warmUpEnds = System.nanoTime() + Duration.ofSeconds(Math.max(2, SECONDS / 3)).toNanos();
    long ends = warmUpEnds + Duration.ofSeconds(SECONDS).toNanos();
    CountDownLatch finished = new CountDownLatch(clients);
    AtomicLong measuredEnd = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread thread = new Thread(() -> {
        try {
          while (true) {
            long now = System.nanoTime();
            if (now >= ends) {
              break;
            }
            boolean measured = now >= warmUpEnds;
            boolean more;
            try {
              more = operation.run(client);
            } catch (Exception e) {
              errors.incrementAndGet();
              if (errors.get() <= 3) {
                System.out.println("bench: operation failed: " + e);
              }
              continue;
            }
            if (!more) {
              break;
            }
            if (measured) {
              done.incrementAndGet();
            }
          }
        } finally {
          measuredEnd.accumulateAndGet(System.nanoTime(), Math::max);
          finished.countDown();
        }
      }, "bench-client-" + c);
      thread.start();
      threads.add(thread);
    }
    finished.await();
    double seconds = Math.max(1e-3, (Math.min(ends, measuredEnd.get()) - warmUpEnds) / 1e9);
    return new Rate(clients, done.get(), errors.get(), seconds);
  }

  record Latency(int samples, double medianMs, double p95Ms, double maxMs) {
  }

  static Latency latency(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return new Latency(sorted.size(), percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }

  /** Nearest-rank percentile. */
  static double percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  // --- HTTP ---------------------------------------------------------------------------------

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(5));
  }

  /** Sends and insists on the expected status, so a benchmark never counts failures as work. */
  static HttpResponse<String> expect(int status, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = send(request);
    if (response.statusCode() != status) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode() + ": "
          + response.body().substring(0, Math.min(300, response.body().length())));
    }
    return response;
  }

  // --- people -------------------------------------------------------------------------------

  /**
   * The n-th of a series of distinct valid Swedish personal identity numbers (born 1940–1990),
   * 900 per birth day, enough for millions of referrals.
   */
  static String personnummer(long n) {
    return CaseProcessTest.personnummer(LocalDate.of(1940, 1, 1).plusDays(n / 900 % 18_000), (int) (100 + n % 900));
  }

  // --- report -------------------------------------------------------------------------------

  static void print(String line) {
    System.out.println(line);
    try {
      Files.createDirectories(RESULTS.getParent());
      Files.writeString(RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One summary row: what was measured, the target, Stegvis, the bare engine, their ratio, met or not. */
  static void summary(String what, String target, String stegvis, String bare, String ratio, Boolean met) {
    String row = "| %s | %s | %s | %s | %s | %s |".formatted(what, target, stegvis, bare, ratio,
        met == null ? "–" : met ? "yes" : "NO");
    SUMMARY.add(row);
    print("SUMMARY " + row);
  }

  static void printSummary() {
    print("");
    print("| Benchmark (scale " + SCALE + ") | Target | Stegvis | Bare engine | Ratio | Met |");
    print("|---|---|---|---|---|---|");
    SUMMARY.forEach(Bench::print);
  }

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
