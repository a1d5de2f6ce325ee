package se.stegvis.problems;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/**
 * The API's one error format: RFC 9457 problem details, titles and details in Swedish. Ordered
 * before Spring Boot's own problem-details handler, which would otherwise answer unreadable JSON
 * with its English "Failed to read request".
 */
@RestControllerAdvice(basePackages = "se.stegvis")
@Order(ApiProblems.ORDER)
public class ApiProblems {

  /** Handlers of a feature's own problems are ordered before this, the general one. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  static final URI INVALID = URI.create("https://stegvis.se/problem/ogiltiga-uppgifter");

  @ExceptionHandler(FormRejectedException.class)
  ProblemDetail rejected(FormRejectedException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(INVALID);
    problem.setTitle("Uppgifterna kunde inte tas emot");
    problem.setProperty("errors", e.errors());
    if (!e.fields().isEmpty()) {
      problem.setProperty("fields", e.fields());
    }
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String detail = "Begäran kunde inte läsas: skicka ett JSON-objekt med fälten som beskrivs i API-dokumentationen.";
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(INVALID);
    problem.setTitle("Felaktig JSON");
    // Every 400 carries an "errors" list, so clients read refusals one way.
    problem.setProperty("errors", List.of(detail));
    return problem;
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ProblemDetail conflict(ObjectOptimisticLockingFailureException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Någon annan har ändrat ärendet samtidigt. Läs in det igen och gör om ändringen.");
    problem.setTitle("Ärendet har ändrats");
    return problem;
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Uppgiften krockar med en annan som just sparades. Försök igen.");
    problem.setTitle("Samtidig ändring");
    return problem;
  }

  /**
   * The engine REST API ({@code /engine-rest}, e.g. {@code submit-form}) catches a refused form as
   * a {@code ProcessEngineException} and answers 500 with "Cannot instantiate process definition
   * …:" before the Swedish text. This answers 400 (409 when the person already has an open case)
   * with the message as written, in the engine's own error format ({@code type}, {@code message})
   * plus the {@code errors} list, and the duplicate's {@code caseNumber}. Task forms submitted
   * there are covered alike; the webapp's own copy of the API under {@code /camunda/api/engine}, whose
   * Jersey application the Camunda webapp builds from a fixed list, gets the mapper through
   * {@link WebappEngineApiConflicts}.
   */
  @Component
  static class EngineRestFormRejections implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
      config.register(FormRejectedMapper.class);
    }
  }

  /** Ranked ahead of the engine's own RestExceptionHandler, which maps the same exception type. */
  @Priority(Priorities.USER - 1000)
  public static class FormRejectedMapper implements ExtendedExceptionMapper<RestException> {

    @Override
    public boolean isMappable(RestException exception) {
      return rejection(exception) != null;
    }

    @Override
    public Response toResponse(RestException exception) {
      FormRejectedException rejected = rejection(exception);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", rejected.getClass().getSimpleName());
      body.put("message", rejected.getMessage());
      body.put("errors", rejected.errors());
      if (!rejected.fields().isEmpty()) {
        // The wrong fields by key, so the webapps' plugin shows each message at its field.
        body.put("fields", rejected.fields());
      }
      return Response.status(rejected.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static FormRejectedException rejection(Throwable exception) {
      for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof FormRejectedException rejected) {
          return rejected;
        }
      }
      return null;
    }
  }
}
