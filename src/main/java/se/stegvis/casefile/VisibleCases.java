package se.stegvis.casefile;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A case by its number, for the current user only if {@link CaseAccess} lets them see it. A case
 * they may not see answers as one that does not exist (404), so its existence is not revealed.
 * Also the API's answer to a request the user's role does not allow (403).
 */
@Component
public class VisibleCases {

  private final CaseFileRepository caseFiles;
  private final CaseAccess access;

  VisibleCases(CaseFileRepository caseFiles, CaseAccess access) {
    this.caseFiles = caseFiles;
    this.access = access;
  }

  public CaseFile byNumber(String caseNumber) {
    var viewer = access.viewer();
    return caseFiles.findByCaseNumber(caseNumber).filter(c -> access.canSee(viewer, c))
        .orElseThrow(NotVisible::new);
  }

  /** The case, if it exists and the current user may read it. */
  @Transactional(readOnly = true)
  public Optional<CaseFile> find(String caseNumber) {
    var viewer = access.viewer();
    return caseFiles.findByCaseNumber(caseNumber).filter(c -> access.canSee(viewer, c));
  }

  /** A case the current user may see and write in its record; one they may only read answers 403. */
  public CaseFile writableByNumber(String caseNumber) {
    var viewer = access.viewer();
    CaseFile caseFile = caseFiles.findByCaseNumber(caseNumber).filter(c -> access.canSee(viewer, c))
        .orElseThrow(NotVisible::new);
    if (!access.canWrite(viewer, caseFile)) {
      throw new RoleRefused("Bara ärendets coach och coachens team får skriva i ärendet.");
    }
    return caseFile;
  }

  public static class NotVisible extends RuntimeException {
  }

  /** A user's role does not allow the request (403); the message says who may, in Swedish. */
  public static class RoleRefused extends RuntimeException {
    public RoleRefused(String message) {
      super(message);
    }
  }

  @RestControllerAdvice(basePackages = "se.stegvis")
  static class Refusals {

    @ExceptionHandler(NotVisible.class)
    ProblemDetail notVisible() {
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "Ärendet finns inte eller så får du inte se det.");
      problem.setTitle("Inget ärende");
      return problem;
    }

    @ExceptionHandler(RoleRefused.class)
    ProblemDetail roleRefused(RoleRefused e) {
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
      problem.setTitle("Ingen behörighet");
      return problem;
    }
  }
}
