package se.stegvis.problems;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests Spring MVC refuses before our code runs (wrong method or content type, a missing or
 * ill-typed query parameter, an unknown path): their own status, in {@link ApiProblems}' format with
 * Swedish title and detail instead of Spring's English ones. Not limited to our controllers'
 * package, since an unknown path or method has no controller.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestRefusals {

  @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
      HttpMediaTypeNotAcceptableException.class, ServletRequestBindingException.class, TypeMismatchException.class,
      NoResourceFoundException.class})
  ProblemDetail refusedByMvc(Exception e) {
    HttpStatusCode status = e instanceof ErrorResponse response ? response.getStatusCode() : HttpStatus.BAD_REQUEST;
    String detail = switch (status.value()) {
      case 404 -> "Adressen finns inte i Stegvis API.";
      case 405 -> "Adressen tar inte emot den här metoden (till exempel GET eller POST).";
      case 406 -> "Svaret kan bara ges som JSON.";
      case 415 -> "Skicka begäran som JSON (Content-Type: application/json).";
      default -> e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null
          ? "Parametern \"" + mismatch.getPropertyName() + "\" har ett värde av fel slag."
          : "Begäran saknar en uppgift eller har en uppgift av fel slag.";
    };
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ApiProblems.INVALID);
    problem.setTitle(status.value() == 404 ? "Finns inte" : "Begäran kunde inte tas emot");
    problem.setProperty("errors", List.of(detail));
    return problem;
  }


  /** Query parameters bound to a record or object (the reports' period and filters) that do not convert. */
  @ExceptionHandler(BindException.class)
  ProblemDetail unboundParameters(BindException e) {
    List<String> errors = e.getFieldErrors().stream()
        .map(error -> "Parametern \"" + error.getField() + "\" har ett värde av fel slag"
            + (error.getRejectedValue() == null ? "." : ": \"" + abbreviated(error.getRejectedValue()) + "\"."))
        .toList();
    if (errors.isEmpty()) {
      errors = List.of("Begäran har en uppgift av fel slag.");
    }
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join(" ", errors));
    problem.setType(ApiProblems.INVALID);
    problem.setTitle("Begäran kunde inte tas emot");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String abbreviated(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
