package se.stegvis.placement;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the placement API as RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = {WorkplaceController.class, PlacementController.class})
class PlacementProblems {

  @ExceptionHandler(PlacementRefusedException.class)
  ProblemDetail refused(PlacementRefusedException e) {
    var problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.title());
    return problem;
  }
}
