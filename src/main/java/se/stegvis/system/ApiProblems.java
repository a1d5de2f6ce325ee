package se.stegvis.system;

import java.net.URI;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.stegvis.form.FormRejectedException;
import se.stegvis.referral.DuplicateCaseException;

/**
 * The API's one error format: RFC 9457 problem details, titles and details in Swedish. Ordered
 * before Spring Boot's own problem-details handler, which would otherwise answer unreadable JSON
 * with its English "Failed to read request".
 */
@RestControllerAdvice(basePackages = "se.stegvis")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

  static final URI INVALID = URI.create("https://stegvis.se/problem/ogiltiga-uppgifter");
  static final URI DUPLICATE = URI.create("https://stegvis.se/problem/oppet-arende-finns");

  @ExceptionHandler(DuplicateCaseException.class)
  ProblemDetail duplicate(DuplicateCaseException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(DUPLICATE);
    problem.setTitle("Ärendet finns redan");
    problem.setProperty("caseNumber", e.caseNumber());
    return problem;
  }

  @ExceptionHandler(FormRejectedException.class)
  ProblemDetail rejected(FormRejectedException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(INVALID);
    problem.setTitle("Uppgifterna kunde inte tas emot");
    problem.setProperty("errors", e.errors());
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
}
