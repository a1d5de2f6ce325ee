package se.stegvis.casefile;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.DeadlineCalendar;
import se.stegvis.form.FormValues;

/**
 * The coach's note on a case: a record two people may edit at once. A change names the version it
 * was made on; if the case has changed since (or changes while this one is saved, caught by
 * {@code case_file.version} at commit), the change is refused with 409 and nothing is overwritten.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/coach-note")
class CoachNoteController {

  static final int MAX_NOTE = 4000;

  record CoachNote(String caseNumber, String note, long version) {
    static CoachNote of(CaseFile caseFile) {
      return new CoachNote(caseFile.getCaseNumber(), caseFile.getCoachNote(), caseFile.getVersion());
    }
  }

  private final CaseFileRepository caseFiles;
  private final VisibleCases visibleCases;
  private final AuditLog audit;
  private final ReferenceCodes codes;
  private final DeadlineCalendar calendar;

  CoachNoteController(CaseFileRepository caseFiles, VisibleCases visibleCases, AuditLog audit, ReferenceCodes codes,
      DeadlineCalendar calendar) {
    this.caseFiles = caseFiles;
    this.visibleCases = visibleCases;
    this.audit = audit;
    this.codes = codes;
    this.calendar = calendar;
  }

  @Operation(summary = "Läs handledarens anteckning i ärendet")
  @GetMapping
  @Transactional(readOnly = true)
  CoachNote read(@PathVariable String caseNumber) {
    CaseFile caseFile = visibleCases.byNumber(caseNumber);
    audit.read(caseFile.getId(), "Coachens anteckning");
    return CoachNote.of(caseFile);
  }

  @Operation(summary = "Spara handledarens anteckning (med versionen den bygger på)")
  @PutMapping
  @Transactional
  CoachNote write(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
    CaseFile caseFile = visibleCases.byNumber(caseNumber);
    var values = new FormValues(body, codes, calendar.today());
    String note = values.text("note", "Anteckning", false, MAX_NOTE);
    Integer version = values.number("version", "Version", 0, Integer.MAX_VALUE, true);
    values.requireValid();
    if (version != caseFile.getVersion()) {
      throw new ObjectOptimisticLockingFailureException(CaseFile.class, caseFile.getId());
    }
    caseFile.writeCoachNote(note);
    audit.changed(caseFile.getId(), "Coachens anteckning ändrad");
    return CoachNote.of(caseFiles.saveAndFlush(caseFile));
  }
}
