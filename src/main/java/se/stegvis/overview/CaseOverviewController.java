package se.stegvis.overview;

import io.swagger.v3.oas.annotations.Operation;
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

  @Operation(summary = "Ärendet bakom en uppgift i Tasklist (fliken Ärende)")
  @GetMapping("/by-task/{taskId}")
  CaseOverview byTask(@PathVariable String taskId) {
    return overviews.forTask(taskId);
  }

  @Operation(summary = "Det som ett uppgiftskort i Tasklist visar: deltagarens namn, ärendenummer och tidsfrist i ord")
  @GetMapping("/by-task/{taskId}/card")
  CaseOverviews.TaskCard card(@PathVariable String taskId) {
    return overviews.card(taskId);
  }

  @Operation(summary = "Ärendesidan: person, remiss, samtycken, tidsfrister, placeringar, möten och aktuella uppgifter")
  @GetMapping("/{caseNumber}")
  CasePage byNumber(@PathVariable String caseNumber) {
    return overviews.forCase(caseNumber);
  }

  @ExceptionHandler(CaseOverviews.NotFound.class)
  ProblemDetail notFound() {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "Uppgiften finns inte, hör inte till något ärende i Stegvis eller så får du inte se ärendet.");
    problem.setTitle("Inget ärende");
    return problem;
  }
}
