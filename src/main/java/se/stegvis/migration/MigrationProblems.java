package se.stegvis.migration;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The migration API's refusals as RFC 9457 problem details in Swedish, each with an {@code errors}
 * list like the rest of the API. Unreadable JSON is answered by the API's common handler.
 */
@RestControllerAdvice(basePackageClasses = MigrationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MigrationProblems {

  static final URI FORBIDDEN = URI.create("https://stegvis.se/problem/behorighet-saknas");
  static final URI INVALID = URI.create("https://stegvis.se/problem/ogiltiga-uppgifter");
  static final URI NOT_FOUND = URI.create("https://stegvis.se/problem/processversion-saknas");
  static final URI REFUSED = URI.create("https://stegvis.se/problem/migrering-nekad");
  static final URI CONCURRENT = URI.create("https://stegvis.se/problem/samtidig-andring");

  @ExceptionHandler(AdministratorRequiredException.class)
  ProblemDetail forbidden(AdministratorRequiredException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setType(FORBIDDEN);
    problem.setTitle("Behörighet saknas");
    problem.setProperty("errors", List.of(e.getMessage()));
    return problem;
  }

  @ExceptionHandler(MigrationRequestException.class)
  ProblemDetail request(MigrationRequestException e) {
    var problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setType(e.status() == HttpStatus.NOT_FOUND ? NOT_FOUND : INVALID);
    problem.setTitle(e.title());
    problem.setProperty("errors", List.of(e.getMessage()));
    return problem;
  }

  @ExceptionHandler(MigrationRefusedException.class)
  ProblemDetail refused(MigrationRefusedException e) {
    MigrationReport report = e.report();
    String detail = "%d av %d pågående ärenden i version %d kan inte flyttas till version %d%s. Inget ärende har flyttats."
        .formatted(report.blockedCases().size(), report.runningCases(), report.source().version(),
            report.target().version(), report.planErrors().isEmpty() ? "" : " och migreringsplanen har fel");
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setType(REFUSED);
    problem.setTitle("Migreringen gjordes inte");
    problem.setProperty("errors", report.problems());
    problem.setProperty("report", report);
    return problem;
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrent(OptimisticLockingException e) {
    String detail = "Ett ärende ändrades medan migreringen pågick. Inget ärende har flyttats; gör om provkörningen och migreringen.";
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setType(CONCURRENT);
    problem.setTitle("Samtidig ändring");
    problem.setProperty("errors", List.of(detail));
    return problem;
  }
}
