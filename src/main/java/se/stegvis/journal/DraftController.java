package se.stegvis.journal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.time.EngineClock;

/**
 * The signed-in user's own draft on a case ({@link CaseDrafts}): the journal entry being written
 * ({@code journal}) or a task form being filled ({@code task:<task id>}). Saved as the user types,
 * read back on any computer, gone when signed, submitted or discarded.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/drafts/{kind}")
class DraftController {

  private static final Pattern KINDS = Pattern.compile("journal|task:[A-Za-z0-9-]{1,64}");

  record Draft(String kind, String content) {
  }

  private final VisibleCases cases;
  private final CaseDrafts drafts;
  private final CaseAccess access;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final AuditLog audit;

  DraftController(VisibleCases cases, CaseDrafts drafts, CaseAccess access, ReferenceCodes codes,
      EngineClock clock, AuditLog audit) {
    this.cases = cases;
    this.drafts = drafts;
    this.access = access;
    this.codes = codes;
    this.clock = clock;
    this.audit = audit;
  }

  @Operation(summary = "Utkastet som användaren sparat i ärendet (journal eller uppgiftsformulär)")
  @GetMapping
  @Transactional(readOnly = true)
  Draft read(@PathVariable String caseNumber, @PathVariable String kind) {
    CaseFile caseFile = caseFor(caseNumber, kind);
    requireKind(kind);
    audit.read(caseFile.getId(), "Utkast (" + kind + ")");
    return new Draft(kind, drafts.read(caseFile.getId(), access.viewer().userId(), kind).orElse(""));
  }

  @Operation(summary = "Spara användarens utkast i ärendet")
  @PutMapping
  @Transactional
  Draft save(@PathVariable String caseNumber, @PathVariable String kind, @RequestBody Map<String, Object> body) {
    CaseFile caseFile = caseFor(caseNumber, kind);
    var values = new FormValues(body, codes, clock.today());
    values.check(KINDS.matcher(kind).matches(), "Utkastets slag: ska vara journal eller task:<uppgiftens id>.");
    String content = values.text("content", "Utkast", false, CaseDrafts.MAX_CONTENT);
    values.requireValid();
    String userId = access.viewer().userId();
    if (content == null) {
      drafts.discard(caseFile.getId(), userId, kind);
    } else {
      drafts.save(caseFile.getId(), userId, kind, content);
    }
    return new Draft(kind, content == null ? "" : content);
  }

  @Operation(summary = "Ta bort användarens utkast i ärendet")
  @DeleteMapping
  @Transactional
  ResponseEntity<Void> discard(@PathVariable String caseNumber, @PathVariable String kind) {
    CaseFile caseFile = caseFor(caseNumber, kind);
    requireKind(kind);
    drafts.discard(caseFile.getId(), access.viewer().userId(), kind);
    return ResponseEntity.noContent().build();
  }

  private void requireKind(String kind) {
    var values = new FormValues(Map.of(), codes, clock.today());
    values.check(KINDS.matcher(kind).matches(), "Utkastets slag: ska vara journal eller task:<uppgiftens id>.");
    values.requireValid();
  }

  /**
   * A journal draft belongs to those who may sign entries in the case; a task form's draft to
   * whoever may read the case (the placement coordinator fills the placement's forms), since the
   * task itself still decides who may submit it.
   */
  private CaseFile caseFor(String caseNumber, String kind) {
    return "journal".equals(kind) ? cases.writableByNumber(caseNumber) : cases.byNumber(caseNumber);
  }
}
