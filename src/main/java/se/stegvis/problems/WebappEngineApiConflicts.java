package se.stegvis.problems;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Tasklist does not call {@code /engine-rest} but the webapp's own copy of the engine API
 * ({@code /camunda/api/engine/engine/default/task/{id}/submit-form}, {@code /complete},
 * {@code /claim} …), a JAX-RS application Camunda builds from a fixed class list that Spring's
 * {@code ResourceConfigCustomizer} never sees. Jersey runs every {@link AutoDiscoverable} on the class
 * path for each application it starts, so this adds {@link EngineRestTransientFailures}' mappers there
 * too: the same 409 and Swedish message for a concurrency conflict, and 503 for a database outage;
 * and {@link ApiProblems.FormRejectedMapper}, so a refused task form answers 400 with the Swedish
 * message and the wrong {@code fields}, which Tasklist shows at the fields.
 * Applications that already have them ({@code /engine-rest}) are left alone.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public class WebappEngineApiConflicts implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    boolean present = context.getConfiguration().getInstances().stream()
        .anyMatch(EngineRestTransientFailures.Mapper.class::isInstance);
    if (EngineRestTransientFailures.current() != null && !present) {
      EngineRestTransientFailures.register(context, EngineRestTransientFailures::current);
    }
    if (!context.getConfiguration().isRegistered(ApiProblems.FormRejectedMapper.class)) {
      context.register(ApiProblems.FormRejectedMapper.class);
    }
  }
}
