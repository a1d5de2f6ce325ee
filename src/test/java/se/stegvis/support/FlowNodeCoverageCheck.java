package se.stegvis.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * After a class annotated with {@link FlowNodeCoverage}: reads the coverage report that
 * ProcessEngineCoverageTestExecutionListener has just written and fails when the model's
 * flow-node coverage is below the minimum.
 */
public class FlowNodeCoverageCheck implements TestExecutionListener, Ordered {

  private static final Logger log = LoggerFactory.getLogger(FlowNodeCoverageCheck.class);
  /** The coverage library's own system property for its report directory. */
  private static final String REPORT_ROOT = "camunda-process-test-coverage.target-dir-root";
  private final Set<String> ran = new HashSet<>();

  @Override
  public int getOrder() {
    // Before the coverage listener (LOWEST_PRECEDENCE), so afterTestClass runs after it has written the report.
    return Ordered.LOWEST_PRECEDENCE - 1;
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    ran.add(testContext.getTestMethod().getName());
  }

  @Override
  public void afterTestClass(TestContext testContext) throws IOException {
    FlowNodeCoverage wanted = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestClass(),
        FlowNodeCoverage.class);
    if (wanted == null) {
      return;
    }
    Set<String> all = new HashSet<>();
    for (Class<?> c = testContext.getTestClass(); c != null; c = c.getSuperclass()) {
      Stream.of(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).forEach(m -> all.add(m.getName()));
    }
    if (!ran.containsAll(all)) {
      log.info("Flow-node coverage not asserted: only {} of {} tests ran", ran.size(), all.size());
      return;
    }
    // Where the coverage library writes: target/process-test-coverage/ unless the execution says otherwise
    // (the postgres execution writes to its own directory, so the H2 run's reports stay).
    Path report = Path.of(System.getProperty(REPORT_ROOT, "target/process-test-coverage/"),
        testContext.getTestClass().getName(), "report.json");
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    for (JsonNode model : json.path("models")) {
      String key = model.path("key").asText();
      Set<String> covered = new HashSet<>();
      json.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events").forEach(event -> {
        if (key.equals(event.path("modelKey").asText())) {
          covered.add(event.path("definitionKey").asText());
        }
      })));
      double coverage = (double) covered.size() / model.path("totalElementCount").asInt();
      log.info("Flow-node coverage of {} by {}: {} of {} elements = {} %", key,
          testContext.getTestClass().getSimpleName(), covered.size(), model.path("totalElementCount").asInt(),
          Math.round(coverage * 1000) / 10.0);
      if (key.equals(wanted.process()) && coverage < wanted.minimum()) {
        throw new AssertionError("Flow-node coverage of " + key + " is " + coverage + ", below " + wanted.minimum()
            + " (report " + report + ")");
      }
    }
  }
}
