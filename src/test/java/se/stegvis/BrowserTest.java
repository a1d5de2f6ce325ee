package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stegvis.deadline.Deadline;

/**
 * Stegvis in a real browser: Debian's chromium, driven by playwright-core from
 * {@code .ci/browser/browser-test.mjs}, against this app with the demo users and cases. The coach
 * anna works in Swedish Tasklist (filter "Mina uppgifter", the "Ärende" tab, the action plan's
 * Camunda Form completed); the manager maria logs in to Cockpit and finds an overdue demo case in
 * "Försenade steg". Screenshots go to {@code target/browser/}.
 *
 * <p>Needs chromium ({@code /usr/bin/chromium} or {@code STEGVIS_CHROMIUM}), node 20+ and npm; the
 * test installs {@code .ci/browser} with {@code npm ci} when its node_modules is missing or older than
 * the lock file. Without them the browser test is skipped, or fails when
 * {@code STEGVIS_REQUIRE_BROWSER=true} (as in CI). The job executor runs here, unlike in the other
 * tests: the demo's deadlines that have passed are escalated as after a real start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"stegvis.demo.enabled=true", "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@DirtiesContext // its job executor stops with it
class BrowserTest {

  static final Path SCRIPT_DIR = Path.of(".ci/browser");
  static final String SCRIPT = "browser-test.mjs";
  static final Path SCREENSHOTS = Path.of("target/browser");
  static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(15);

  static final String TASKLIST_LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";
  static final String PLAN_TASK = "Upprätta handlingsplan";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  @DisplayName("The Swedish Tasklist locale has exactly the keys and placeholders of Camunda's English one and is served")
  void swedishTasklistLocale() throws IOException {
    JsonNode english = readResource(TASKLIST_LOCALES + "en.json");
    JsonNode swedish = readResource(TASKLIST_LOCALES + "sv.json");
    Map<String, String> englishLeaves = leaves(english);
    Map<String, String> swedishLeaves = leaves(swedish);

    assertThat(swedishLeaves.keySet()).as("keys of sv.json against Camunda's en.json")
        .containsExactlyElementsOf(englishLeaves.keySet());
    for (var entry : englishLeaves.entrySet()) {
      String translated = swedishLeaves.get(entry.getKey());
      assertThat(placeholders(translated)).as("placeholders of %s", entry.getKey())
          .isEqualTo(placeholders(entry.getValue()));
      if (!entry.getValue().isEmpty()) {
        assertThat(translated).as("translation of %s", entry.getKey()).isNotBlank();
      }
    }
    assertThat(swedish.at("/labels/COMPLETE").asText()).isEqualTo("Slutför");
    assertThat(swedish.at("/labels/CLAIM_TASK").asText()).isEqualTo("Tilldela mig");

    var served = http.getForEntity("/camunda/app/tasklist/locales/sv.json", byte[].class);
    assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(served.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
    assertThat(new ObjectMapper().readTree(served.getBody())).isEqualTo(swedish);
  }

  @Test
  @DisplayName("In chromium: anna completes her action plan in Swedish Tasklist, maria sees overdue steps in Cockpit")
  void browser() throws Exception {
    String chromium = Objects.requireNonNullElse(System.getenv("STEGVIS_CHROMIUM"), "/usr/bin/chromium");
    requireTools(chromium);
    installScript();

    // The demo as after a real start-up: every deadline that has passed is escalated.
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> managementService.createJobQuery().executable().count() == 0);
    Task plan = taskService.createTaskQuery().taskAssignee("anna").taskName(PLAN_TASK).singleResult();
    assertThat(plan).as("anna's demo task %s", PLAN_TASK).isNotNull();
    assertThat(plan.getPriority()).as("the late action plan is escalated").isEqualTo(Deadline.OVERDUE_PRIORITY);
    String planCase = businessKey(plan.getProcessInstanceId());
    String overdueCase = taskService.createTaskQuery().dueBefore(new Date()).list().stream()
        .map(task -> businessKey(task.getProcessInstanceId()))
        .filter(caseNumber -> !caseNumber.equals(planCase)).sorted().findFirst()
        .orElseThrow(() -> new AssertionError("the demo has no overdue step besides the action plan"));

    var output = run(List.of("node", SCRIPT), Map.of(
        "STEGVIS_URL", "http://localhost:" + port,
        "STEGVIS_CHROMIUM", chromium,
        "STEGVIS_SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString(),
        "STEGVIS_PLAN_CASE", planCase,
        "STEGVIS_OVERDUE_CASE", overdueCase), BROWSER_TIMEOUT);
    assertThat(output.exitCode()).as("node %s exit code; screenshots in %s:%n%s", SCRIPT, SCREENSHOTS,
        output.tail()).isZero();

    // What the browser did, seen from the engine.
    assertThat(taskService.createTaskQuery().taskId(plan.getId()).count()).isZero();
    var done = historyService.createHistoricTaskInstanceQuery().taskId(plan.getId()).singleResult();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo("anna");
  }

  private String businessKey(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  /** Skips the test, or fails it when STEGVIS_REQUIRE_BROWSER=true, if a tool is missing. */
  private static void requireTools(String chromium) {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(Path.of(chromium))) {
      missing.add("chromium (" + chromium + ")");
    }
    String node = firstLine("node", "--version");
    if (node == null) {
      missing.add("node");
    } else if (nodeMajor(node) < 20) {
      missing.add("node 20 or newer (found " + node + ")");
    }
    if (firstLine("npm", "--version") == null) {
      missing.add("npm");
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "BrowserTest needs " + String.join(", ", missing)
        + " (Debian: apt-get install -y chromium nodejs npm; another chromium: STEGVIS_CHROMIUM=/path)";
    if ("true".equalsIgnoreCase(System.getenv("STEGVIS_REQUIRE_BROWSER"))) {
      fail(message + "; STEGVIS_REQUIRE_BROWSER=true makes this a failure");
    }
    message += "; skipped (set STEGVIS_REQUIRE_BROWSER=true to fail instead)";
    System.out.println(message);
    Assumptions.abort(message);
  }

  private static int nodeMajor(String version) {
    Matcher m = Pattern.compile("v?(\\d+)").matcher(version);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** npm ci in .ci/browser when node_modules is missing or was installed from another lock file. */
  private static void installScript() throws Exception {
    Path lock = SCRIPT_DIR.resolve("package-lock.json");
    Path stamp = SCRIPT_DIR.resolve("node_modules/.installed-from-lock");
    String lockHash = sha256(Files.readAllBytes(lock));
    if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(lockHash)
        && Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"))) {
      return;
    }
    System.out.println("BrowserTest: installing " + SCRIPT_DIR + " (npm ci)");
    var output = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(),
        INSTALL_TIMEOUT);
    assertThat(output.exitCode()).as("npm ci in %s:%n%s", SCRIPT_DIR, output.tail()).isZero();
    Files.writeString(stamp, lockHash + "\n");
  }

  record Output(int exitCode, String tail) {
  }

  /** Runs a command in .ci/browser, echoing its output, and kills it (with chromium) after the timeout. */
  private static Output run(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
    var builder = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    var tail = new ArrayDeque<String>();
    Thread reader = new Thread(() -> {
      try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          System.out.println(line);
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > 60) {
              tail.removeFirst();
            }
          }
        }
      } catch (IOException e) {
        // the process is gone
      }
    });
    reader.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      reader.join(5_000);
      fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + String.join("\n", tail));
    }
    reader.join(5_000);
    synchronized (tail) {
      return new Output(process.exitValue(), String.join("\n", tail));
    }
  }

  private static String firstLine(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String line;
      try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        line = lines.readLine();
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      return process.exitValue() == 0 ? Objects.requireNonNullElse(line, "").strip() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static JsonNode readResource(String name) throws IOException {
    try (InputStream in = BrowserTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("classpath resource %s", name).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  /** Every text of a locale file by its path; arrays by their length, so both must have as many. */
  static Map<String, String> leaves(JsonNode root) {
    Map<String, String> leaves = new TreeMap<>();
    collect(root, "", leaves);
    return leaves;
  }

  private static void collect(JsonNode node, String path, Map<String, String> leaves) {
    if (node.isObject()) {
      for (var field : node.properties()) {
        collect(field.getValue(), path + "/" + field.getKey(), leaves);
      }
    } else if (node.isArray()) {
      leaves.put(path + "[" + node.size() + "]", "");
    } else {
      leaves.put(path, node.asText());
    }
  }

  static List<String> placeholders(String text) {
    Matcher m = Pattern.compile("\\{\\{\\s*(\\w+)\\s*\\}\\}|%[sd]").matcher(text);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1) != null ? m.group(1) : m.group());
    }
    found.sort(null);
    return found;
  }
}
