package se.stegvis.referral;

import java.net.URI;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.stegvis.casefile.VisibleCases;
import se.stegvis.problems.ApiProblems;

/**
 * A referral for a person who already has an open case: 409, and the existing case's number only
 * for a caller who may read that case. Ordered before {@link ApiProblems}, which would answer the
 * same refusal as a plain 400.
 */
@RestControllerAdvice(basePackages = "se.stegvis")
@Order(ApiProblems.ORDER - 1)
class DuplicateReferralProblem {

  static final URI DUPLICATE = URI.create("https://stegvis.se/problem/oppet-arende-finns");

  private final VisibleCases visibleCases;

  DuplicateReferralProblem(VisibleCases visibleCases) {
    this.visibleCases = visibleCases;
  }

  @ExceptionHandler(DuplicateCaseException.class)
  ProblemDetail duplicate(DuplicateCaseException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(DUPLICATE);
    problem.setTitle("Remissen finns redan");
    if (visibleCases.find(e.caseNumber()).isPresent()) {
      problem.setDetail("Personen har redan ett öppet ärende i insatsen: " + e.caseNumber() + ".");
      problem.setProperty("caseNumber", e.caseNumber());
    }
    return problem;
  }
}
