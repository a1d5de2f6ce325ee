package se.stegvis.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Tests start several Spring contexts in one JVM, each with an engine named "default", and close
 * some (a dirtied context, a cluster node, a shutdown test). The engine REST API and the webapps
 * (their login, Tasklist's and Cockpit's APIs) find "default" in the JVM-wide {@link ProcessEngines},
 * where the last started or closed context left it: not necessarily the running test's engine.
 * Before every test method of a Spring test, this points it at the engine of the test's own
 * context (registered for every Spring test in {@code META-INF/spring.factories}).
 */
public final class ThisContextsEngine implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(ThisContextsEngine::serve);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  static void serve(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
  }
}
