package se.stegvis.overview;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The case behind a Tasklist task, for the "Ärende" tab; a case by its number, for the case page. */
@RestController
@RequestMapping("/api/cases")
class CaseOverviewController {

  private final CaseOverviews overviews;

  CaseOverviewController(CaseOverviews overviews) {
    this.overviews = overviews;
  }

  @GetMapping("/by-task/{taskId}")
  CaseOverview byTask(@PathVariable String taskId) {
    return overviews.forTask(taskId);
  }

  @GetMapping("/by-task/{taskId}/card")
  CaseOverviews.TaskCard card(@PathVariable String taskId) {
    return overviews.card(taskId);
  }

  @GetMapping("/{caseNumber}")
  CasePage byNumber(@PathVariable String caseNumber) {
    return overviews.forCase(caseNumber);
  }

  @ExceptionHandler(CaseOverviews.NotFound.class)
  ProblemDetail notFound() {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Uppgiften hör inte till något ärende i Stegvis.");
    problem.setTitle("Inget ärende");
    return problem;
  }

  @ExceptionHandler(CaseOverviews.Forbidden.class)
  ProblemDetail forbidden() {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Du har inte behörighet att se det här ärendet.");
    problem.setTitle("Ingen behörighet");
    return problem;
  }
}
