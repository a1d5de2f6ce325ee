package se.stegvis.problems;

import java.sql.SQLException;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Configurable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Two users acting on the same thing at once, through the engine REST API ({@code /engine-rest}):
 * the engine answers the loser in English (500 "ENGINE-03005 … was updated by another transaction
 * concurrently", or "Cannot find task with id …" once the task is gone, or a unique-key violation
 * from our own tables). These answer 409 with a Swedish message in the engine's own error format
 * ({@code type}, {@code message}); the loser's transaction has rolled back, so nothing of it is stored.
 * Likewise a database outage: 503 with {@link DatabaseOutage}'s Swedish message instead of the SQL error.
 */
@Component
class EngineRestTransientFailures implements ResourceConfigCustomizer {

  static final String TASK_CHANGED = "Uppgiften har just ändrats eller slutförts av någon annan. "
      + "Ingenting av det du skickade sparades. Ladda om uppgiftslistan och se om uppgiften fortfarande är din.";
  static final String TASK_GONE = "Uppgiften finns inte längre: den har redan slutförts, av dig eller någon annan. "
      + "Ingenting av det du skickade sparades. Ladda om uppgiftslistan.";
  static final String SAVED_AT_ONCE = "Samma uppgifter sparades just av någon annan. "
      + "Ingenting av det du skickade sparades. Ladda om och kontrollera innan du försöker igen.";

  private final DatabaseOutage outage;

  /**
   * The running applications' instances, latest last, for Tasklist's own copy of the engine API
   * ({@code /camunda/api/engine}), whose JAX-RS application Camunda builds outside Spring: there
   * {@link WebappEngineApiConflicts} registers the same mappers through Jersey's auto-discovery, and
   * they ask {@link #current()} on each request. One application in production; in tests a context
   * closed before another's webapp API answers must not be the one that judges its failures.
   */
  private static final Deque<EngineRestTransientFailures> RUNNING = new ConcurrentLinkedDeque<>();

  EngineRestTransientFailures(DatabaseOutage outage) {
    this.outage = outage;
    RUNNING.addLast(this);
  }

  @PreDestroy
  void stopped() {
    RUNNING.remove(this);
  }

  static EngineRestTransientFailures current() {
    return RUNNING.peekLast();
  }

  @Override
  public void customize(ResourceConfig config) {
    register(config, () -> this);
  }

  /**
   * Adds the mappers to a JAX-RS application: {@code /engine-rest} with this application's instance,
   * Tasklist's copy ({@link WebappEngineApiConflicts}) with the {@link #current()} one.
   */
  static void register(Configurable<?> config, Supplier<EngineRestTransientFailures> failures) {
    config.register(new RestExceptionConflicts(failures));
    config.register(new EngineExceptionConflicts(failures));
    config.register(new OtherExceptionConflicts(failures));
  }

  /** The Swedish message for a concurrency failure, or null when the exception is something else. */
  static String conflict(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // The engine's own rows, our case rows (@Version), a deadlock with a timer job on the case's
      // deadlines (Spring's translation, or the engine's code), a row the timer job just deleted
      // (the engine's foreign-key code), or an execution moved on by the other completion.
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException
          || t instanceof OptimisticLockException
          || t instanceof ProcessEngineException engine && collidedInTheDatabase(engine)
          || t instanceof ProcessEngineException && t.getMessage() != null
              && t.getMessage().contains("it has no current activity")) {
        return TASK_CHANGED;
      }
      if (t instanceof DataIntegrityViolationException) {
        return SAVED_AT_ONCE;
      }
      if (t instanceof ProcessEngineException && t.getMessage() != null
          && t.getMessage().contains("Cannot find task with id")) {
        return TASK_GONE;
      }
    }
    return null;
  }

  static final String INCOMPLETE = "Begäran saknar ett värde som krävs. Ingenting ändrades.";
  static final String NOT_NOW = "Det går inte i det läge som ärendet eller processmodellen har nu. Ingenting ändrades.";
  static final String ALREADY_THERE = "Det finns redan. Ingenting ändrades.";

  /** What the engine says when a write does not fit the state of what it names (it answers 500 for these). */
  private static final List<String> STATE_CONFLICTS = List.of("ENGINE-03076", "is part of a running process",
      "ENGINE-13043", "does not have a subscription");

  /**
   * A write the engine could not read or carry out as asked answers 400 or 409, not 500 (found by
   * AccessDoorsTest's walk, where an administrator's empty request met these): a value it needs is
   * missing (its NullValueException, or a null it dereferences reading the request), the row exists
   * already (a unique key), or the state does not allow it (a definition still in use, a step of a
   * running process, a message nobody waits for). Everything else keeps the engine's answer.
   */
  static Response badRequest(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NullValueException || t instanceof NullPointerException && thrownByTheRestLayer(t)
          || t instanceof RestException && t.getMessage() != null && t.getMessage().contains("with id 'null'")) {
        return answer(400, "InvalidRequestException", INCOMPLETE
            + (t instanceof NullValueException ? " (" + t.getMessage() + ")" : ""));
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        return answer(409, "ConcurrentChange", ALREADY_THERE);
      }
      if (t instanceof ProcessEngineException && t.getMessage() != null
          && STATE_CONFLICTS.stream().anyMatch(t.getMessage()::contains)) {
        return answer(409, "InvalidRequestException", NOT_NOW);
      }
    }
    return null;
  }

  /**
   * A null the engine met reading the request (a DTO field, an id it validates): the first frame
   * outside the JDK is the engine's. Our own nulls (a listener the request reached) stay errors,
   * to be seen and fixed. A null without any frame is the JVM's fast throw at a place that has
   * thrown many times before (each time logged with its frames then): judged as the request's.
   */
  private static boolean thrownByTheRestLayer(Throwable exception) {
    if (exception.getStackTrace().length == 0) {
      return true;
    }
    for (StackTraceElement frame : exception.getStackTrace()) {
      if (!frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("jdk.")) {
        return frame.getClassName().startsWith("org.camunda.bpm.engine.");
      }
    }
    return false;
  }

  private static Response answer(int status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static boolean collidedInTheDatabase(ProcessEngineException exception) {
    return exception.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()
        || exception.getCode() == BuiltinExceptionCode.FOREIGN_KEY_CONSTRAINT_VIOLATION.getCode();
  }

  /** 503 while the database is out (the engine would say 500 and its SQL error), 409 for a conflict, else null. */
  Response answer(Throwable exception) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (outage.explains(exception)) {
      body.put("type", "DatabaseUnavailable");
      body.put("message", DatabaseOutage.DETAIL);
      return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
          .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).entity(body).build();
    }
    String conflict = conflict(exception);
    if (conflict == null) {
      return badRequest(exception);
    }
    body.put("type", "ConcurrentChange");
    body.put("message", conflict);
    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /**
   * One mapper per exception type the engine REST API lets out, each ranked ahead of Camunda's own
   * for that type; Jersey asks {@code isMappable} first, so everything else keeps Camunda's answer.
   */
  abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {
    private final Supplier<EngineRestTransientFailures> failures;
    private final ThreadLocal<Response> answer = new ThreadLocal<>();

    Mapper(Supplier<EngineRestTransientFailures> failures) {
      this.failures = failures;
    }

    @Override
    public boolean isMappable(E exception) {
      answer.set(failures.get().answer(exception));
      return answer.get() != null;
    }

    @Override
    public Response toResponse(E exception) {
      Response response = answer.get();
      answer.remove();
      return response != null ? response : failures.get().answer(exception);
    }
  }

  /** Resource methods that wrap the engine's exception (submit-form, complete) in a RestException. */
  @Priority(Priorities.USER - 1000)
  static class RestExceptionConflicts extends Mapper<RestException> {
    RestExceptionConflicts(Supplier<EngineRestTransientFailures> failures) {
      super(failures);
    }
  }

  /** Resource methods that let the engine's exception through. */
  @Priority(Priorities.USER - 1000)
  static class EngineExceptionConflicts extends Mapper<ProcessEngineException> {
    EngineExceptionConflicts(Supplier<EngineRestTransientFailures> failures) {
      super(failures);
    }
  }

  /** What our listeners throw through the engine unwrapped, such as a unique-key violation from our tables. */
  @Priority(Priorities.USER - 1000)
  static class OtherExceptionConflicts extends Mapper<RuntimeException> {
    OtherExceptionConflicts(Supplier<EngineRestTransientFailures> failures) {
      super(failures);
    }
  }
}
