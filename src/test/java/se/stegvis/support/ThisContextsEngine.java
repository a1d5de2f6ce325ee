package se.stegvis.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
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
 *
 * <p>The webapps also keep JVM-wide runtime delegates (Admin, Cockpit, Tasklist, Welcome), which a
 * closing context sets to null: a later context's webapp API then fails to start (a
 * NullPointerException, 500, at its first request), and Cockpit's delegate caches the engine of the
 * context it was made in. When the engine changes, the delegates are made anew too, as the webapps'
 * initializer makes them.
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

  private static ProcessEngine served;

  static synchronized void serve(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
    if (engine != served || Admin.getRuntimeDelegate() == null || Cockpit.getRuntimeDelegate() == null
        || Tasklist.getRuntimeDelegate() == null || Welcome.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
      served = engine;
    }
  }
}
