// The client of .ci/crash-drill and .ci/load-drill: plain JDK (run as `java DrillClient.java`),
// loopback HTTP only. It plays referrers, the working group and coaches against a running Stegvis.
//
//   crash <baseUrl> <seconds> <log>  referrals (Idempotency-Key) and task completions until the time is
//                                    up or the application dies; every referral is logged as "sent", and
//                                    "ack <caseNumber>" once its 201 came back
//   retry <baseUrl> <log>            after the restart: re-sends every referral sent but not acknowledged,
//                                    with its key, as a client would; then writes acked case numbers
//   load  <baseUrl> <seconds> <coaches>  that many coaches, each with cases of their own, completing tasks
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class DrillClient {

  static final String ADMIN = "admin";
  static final String PASSWORD = System.getenv().getOrDefault("DRILL_PASSWORD", "demo");
  static final String ADMIN_PASSWORD = System.getenv().getOrDefault("STEGVIS_ADMIN_PASSWORD", "demo");
  static final AtomicInteger PEOPLE = new AtomicInteger(Integer.parseInt(System.getenv().getOrDefault("DRILL_SEED", "0")));
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern KEY = Pattern.compile("\"taskDefinitionKey\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern CASE_NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([^\"]+)\"");

  final String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, AtomicLong> figures = new ConcurrentHashMap<>();

  DrillClient(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    DrillClient client = new DrillClient(args[1]);
    switch (args[0]) {
      case "crash" -> client.crash(Duration.ofSeconds(Long.parseLong(args[2])), Path.of(args[3]));
      case "retry" -> client.retry(Path.of(args[2]));
      case "load" -> client.load(Duration.ofSeconds(Long.parseLong(args[2])), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("crash | retry | load");
    }
  }

  // ---- crash: referrals and completions until the application is killed ----

  void crash(Duration duration, Path log) throws Exception {
    Instant end = Instant.now().plus(duration);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      threads.add(started(() -> untilDown(end, () -> referOnce(log))));
      threads.add(started(() -> untilDown(end, () -> {
        if (!workOnce(ADMIN, ADMIN_PASSWORD, "anna")) {
          referOnce(log);
        }
      })));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    System.out.println("crash client: " + figures);
  }

  /** Runs the step until the time is up or the application stops answering (it was killed). */
  void untilDown(Instant end, IoStep step) {
    int failuresInARow = 0;
    while (Instant.now().isBefore(end) && failuresInARow < 3) {
      try {
        step.run();
        failuresInARow = 0;
      } catch (IOException e) {
        failuresInARow++;
        count("connectionFailures");
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void referOnce(Path log) throws IOException, InterruptedException {
    String key = UUID.randomUUID().toString();
    String body = referral();
    append(log, "sent " + key + " " + body);
    HttpResponse<String> response = send("POST", "/api/referrals", ADMIN, ADMIN_PASSWORD, body, key);
    if (response.statusCode() == 201) {
      append(log, "ack " + key + " " + first(CASE_NUMBER, response.body()));
      count("acknowledged");
    } else {
      count("referral" + response.statusCode());
    }
  }

  void retry(Path log) throws IOException, InterruptedException {
    Map<String, String> sent = new LinkedHashMap<>();
    Map<String, String> acked = new LinkedHashMap<>();
    for (String line : Files.readAllLines(log)) {
      String[] parts = line.split(" ", 3);
      (parts[0].equals("sent") ? sent : acked).put(parts[1], parts[2]);
    }
    int retried = 0;
    for (var entry : sent.entrySet()) {
      if (!acked.containsKey(entry.getKey())) {
        HttpResponse<String> response = send("POST", "/api/referrals", ADMIN, ADMIN_PASSWORD, entry.getValue(),
            entry.getKey());
        retried++;
        if (response.statusCode() != 201) {
          System.out.println("retry of " + entry.getKey() + " answered " + response.statusCode() + ": " + response.body());
          System.exit(1);
        }
        acked.put(entry.getKey(), first(CASE_NUMBER, response.body()));
      }
    }
    // Acknowledged before the crash and answered again now: both must name one case.
    for (var entry : acked.entrySet()) {
      HttpResponse<String> replay = send("POST", "/api/referrals", ADMIN, ADMIN_PASSWORD, sent.get(entry.getKey()),
          entry.getKey());
      String caseNumber = first(CASE_NUMBER, replay.body());
      if (replay.statusCode() != 201 || !entry.getValue().equals(caseNumber)) {
        System.out.println("replay of " + entry.getKey() + " gave " + replay.statusCode() + " " + caseNumber
            + ", first answer " + entry.getValue());
        System.exit(1);
      }
    }
    Files.write(log.resolveSibling("acked-cases.txt"), acked.values());
    System.out.println("retried (sent, no answer before the kill): " + retried + "; acknowledged in all: " + acked.size());
  }

  // ---- load: coaches completing tasks ----

  void load(Duration duration, int coaches) throws Exception {
    for (int i = 1; i <= coaches; i++) {
      createCoach("drill%02d".formatted(i));
    }
    Instant end = Instant.now().plus(duration);
    CountDownLatch done = new CountDownLatch(coaches);
    long start = System.nanoTime();
    for (int i = 1; i <= coaches; i++) {
      String coach = "drill%02d".formatted(i);
      started(() -> {
        try {
          while (Instant.now().isBefore(end)) {
            try {
              if (!workOnce(coach, PASSWORD, coach)) {
                newCaseFor(coach);
              }
            } catch (IOException e) {
              count("errors");
              System.out.println("error: " + e);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long completions = figure("completions");
    System.out.printf("load: coaches=%d seconds=%.0f completions=%d per_second=%.1f referrals=%d conflicts=%d"
        + " busy_retried=%d errors=%d%n", coaches, seconds, completions, completions / seconds, figure("referrals"),
        figure("conflicts"), figure("busy"), figure("errors"));
  }

  void createCoach(String id) throws IOException, InterruptedException {
    String user = "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Drill\",\"lastName\":\"" + id
        + "\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}";
    expect(send("POST", "/engine-rest/user/create", ADMIN, ADMIN_PASSWORD, user, null), 204, 500);
    expect(send("PUT", "/engine-rest/group/coach/members/" + id, ADMIN, ADMIN_PASSWORD, null, null), 204);
  }

  /** A referral accepted with this coach: the working group's decision made by the administrator. */
  void newCaseFor(String coach) throws IOException, InterruptedException {
    HttpResponse<String> referred = send("POST", "/api/referrals", ADMIN, ADMIN_PASSWORD, referral(),
        UUID.randomUUID().toString());
    if (referred.statusCode() != 201) {
      throw new IOException("referral answered " + referred.statusCode() + ": " + referred.body());
    }
    count("referrals");
    String instance = first(Pattern.compile("\"processInstanceId\"\\s*:\\s*\"([^\"]+)\""), referred.body());
    String tasks = send("GET", "/engine-rest/task?processInstanceId=" + instance, ADMIN, ADMIN_PASSWORD, null, null).body();
    complete(ADMIN, ADMIN_PASSWORD, first(ID, tasks), "decideIntake", coach);
  }

  /** Completes one of the user's tasks (as the user, or as the administrator for a coach); false when there is none. */
  boolean workOnce(String user, String password, String coach) throws IOException, InterruptedException {
    String query = "/engine-rest/task?maxResults=3&sortBy=created&sortOrder=asc&assignee=" + enc(coach)
        + "&taskDefinitionKeyIn=startParticipation,makeActionPlan,holdMeeting,exitParticipation";
    String tasks = send("GET", query, user, password, null, null).body();
    List<String> ids = all(ID, tasks);
    List<String> keys = all(KEY, tasks);
    if (ids.isEmpty()) {
      HttpResponse<String> open = send("GET", "/engine-rest/task?maxResults=1&taskDefinitionKey=decideIntake",
          user, password, null, null);
      List<String> decisions = all(ID, open.body());
      if (decisions.isEmpty() || !user.equals(ADMIN)) {
        return false;
      }
      complete(user, password, decisions.get(0), "decideIntake", coach);
      return true;
    }
    int pick = (int) (Math.random() * ids.size());
    complete(user, password, ids.get(pick), keys.get(pick), coach);
    return true;
  }

  void complete(String user, String password, String taskId, String taskKey, String coach)
      throws IOException, InterruptedException {
    String today = LocalDate.now().toString();
    Map<String, Object> form = switch (taskKey) {
      case "decideIntake" -> Map.of("decision", "ACCEPTED", "coach", coach, "decidedOn", today);
      case "startParticipation" -> Map.of("outcome", "STARTED", "firstMeetingOn", today, "mappingSummary",
          "Kartläggning: vill arbeta", "agreementSignedOn", today, "startedOn", today, "consentParties", "[\"AF\"]",
          "consentCategories", "[\"WORK_HISTORY\"]", "consentDirections", "[\"OBTAIN\"]", "consentPurpose",
          "Samordning", "consentGivenOn", today);
      case "makeActionPlan" -> Map.of("goals", "Mål: arbete", "activities", "Praktik", "madeOn", today);
      case "holdMeeting" -> Map.of("heldOn", today, "personPresent", true, "partiesPresent", "[\"AF\"]",
          "summary", "Samtal");
      case "exitParticipation" -> Map.of("exitedOn", today, "outcome", "WORK", "extentPercent", 75, "incomeSource", "SALARY",
          "receivingParty", "EMPLOYER", "nextStep", "Anställning");
      default -> throw new IllegalArgumentException("no drill form for " + taskKey);
    };
    StringBuilder variables = new StringBuilder("{\"variables\":{");
    form.forEach((name, value) -> variables.append('"').append(name).append("\":{\"value\":")
        .append(value instanceof String s ? json(s) : value).append("},"));
    variables.setLength(variables.length() - 1);
    variables.append("}}");
    HttpResponse<String> response = send("POST", "/engine-rest/task/" + taskId + "/submit-form", user, password,
        variables.toString(), null);
    if (response.statusCode() == 204) {
      count("completions");
    } else if (response.statusCode() == 409) {
      count("conflicts");
    } else {
      count("errors");
      System.out.println(taskKey + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  // ---- helpers ----

  String referral() {
    int n = PEOPLE.incrementAndGet();
    LocalDate born = LocalDate.of(1955, 1, 1).plusDays(n % 12000);
    String date = born.toString().replace("-", "");
    String serial = "%03d".formatted(900 + n / 12000);
    String nine = date.substring(2) + serial;
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int product = Character.digit(nine.charAt(i), 10) * (i % 2 == 0 ? 2 : 1);
      sum += product / 10 + product % 10;
    }
    String personnummer = date + "-" + serial + (10 - sum % 10) % 10;
    return "{\"projectCode\":\"C2\",\"identityNumber\":\"" + personnummer + "\",\"firstName\":\"Drill\","
        + "\"lastName\":\"Person" + n + "\",\"gender\":\"WOMAN\",\"party\":\"AF\",\"referrerName\":\"Remi\","
        + "\"reason\":\"Behöver stöd\",\"incomeSource\":\"SOCIAL_ASSISTANCE\",\"timeInSupport\":\"Y3\","
        + "\"educationLevel\":\"UPPER_SECONDARY\",\"referredOn\":\"" + LocalDate.now() + "\"}";
  }

  HttpResponse<String> send(String method, String path, String user, String password, String body, String key)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    // 503 with Retry-After means "busy, try again then": a client does so (twice at most), counted as "busy".
    for (int retry = 0; retry < 2 && response.statusCode() == 503; retry++) {
      long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
      if (seconds < 0) {
        break;
      }
      count("busy");
      Thread.sleep(seconds * 1000);
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
    return response;
  }

  static Thread started(Runnable work) {
    Thread thread = new Thread(work);
    thread.start();
    return thread;
  }

  static void expect(HttpResponse<String> response, int... statuses) throws IOException {
    for (int status : statuses) {
      if (response.statusCode() == status) {
        return;
      }
    }
    throw new IOException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
  }

  static synchronized void append(Path log, String line) {
    try {
      Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void count(String name) {
    figures.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
  }

  long figure(String name) {
    return figures.getOrDefault(name, new AtomicLong()).get();
  }

  static String first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  interface IoStep {
    void run() throws IOException, InterruptedException;
  }
}
