package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript unit tests ({@code src/test/js/*.test.mjs}) with {@code node --test}, on a copy of
 * the pages' folder marked as ES modules (the served files are plain {@code .js}). Needs node 20 or
 * newer; without it the test is skipped, or fails when {@code STEGVIS_REQUIRE_BROWSER=true} (CI).
 */
@DisplayName("JavaScript: enhetstester med node --test")
class JavaScriptUnitTest {

  private static final Path PAGES = Path.of("src/main/resources/static/stegvis");
  private static final Path UNDER_TEST = Path.of("target/js-under-test");
  private static final Pattern PASSED = Pattern.compile("(?m)^# pass (\\d+)$");
  private static final Pattern DECLARED = Pattern.compile("(?m)^test\\(");
  private static final Pattern FAILED = Pattern.compile("(?m)^# fail (\\d+)$");

  @Test
  @DisplayName("alla JavaScript-tester går igenom")
  void nodeTestsPass() throws Exception {
    requireNode();
    copyPages();
    var process = new ProcessBuilder("node", "--test", "src/test/js/")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE);
    process.environment().put("STEGVIS_JS_UNDER_TEST", UNDER_TEST.toAbsolutePath().toString());
    Process node = process.start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("node --test finished").isTrue();
    System.out.println(output.lines().filter(l -> l.startsWith("# ") || l.startsWith("not ok")).reduce("",
        (a, b) -> a + b + System.lineSeparator()));
    assertThat(node.exitValue()).as("node --test exit code:%n%s", output).isZero();
    assertThat(count(FAILED, output)).as(output).isZero();
    assertThat(count(PASSED, output)).as("every test the files declare passed").isEqualTo(declaredTests());
  }

  /** The number of {@code test(...)} calls in the test files: none may go missing unnoticed. */
  private static int declaredTests() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/js"))) {
      int declared = 0;
      for (Path file : files.filter(f -> f.toString().endsWith(".test.mjs")).toList()) {
        declared += (int) DECLARED.matcher(Files.readString(file)).results().count();
      }
      return declared;
    }
  }

  private static int count(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static void copyPages() throws IOException {
    Path target = UNDER_TEST.resolve("stegvis");
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(PAGES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(UNDER_TEST.resolve("package.json"), "{\"type\": \"module\"}\n");
  }

  private static void requireNode() {
    String version = null;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      // no node on the PATH
    }
    if (version != null && version.matches("v(2\\d|[3-9]\\d)\\..*")) {
      return;
    }
    String message = "node 20 or newer is needed for the JavaScript unit tests, found " + version;
    if ("true".equalsIgnoreCase(System.getenv("STEGVIS_REQUIRE_BROWSER"))) {
      fail(message + "; STEGVIS_REQUIRE_BROWSER=true makes this a failure");
    }
    Assumptions.abort(message + "; skipped (set STEGVIS_REQUIRE_BROWSER=true to fail instead)");
  }
}
