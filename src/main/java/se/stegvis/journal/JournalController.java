package se.stegvis.journal;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.staff.StaffTitles;
import se.stegvis.time.EngineClock;

/**
 * A case's journal: read it (audited), sign a new entry, correct a signed one. A signed entry
 * cannot be changed or removed: PUT and DELETE answer 405. Reading follows who may see the case,
 * writing who may write in it ({@link VisibleCases#writableByNumber}).
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/journal")
class JournalController {

  /**
   * An entry as the record shows it: {@code author} is the user id, {@code authorName} her name,
   * {@code authorTitle} the title she signed with, {@code signedBy} both ("Anna Lind, Arbetskonsulent").
   */
  record EntryView(Long id, String text, LocalDate occurredOn, String author, String authorName, String authorTitle,
      String signedBy, Instant signedAt, Long correctsId, String correctionReason, List<Long> correctedBy) {
  }

  private final VisibleCases cases;
  private final Journal journal;
  private final JournalEntryRepository entries;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final AuditLog audit;
  private final StaffTitles titles;

  JournalController(VisibleCases cases, Journal journal, JournalEntryRepository entries, ReferenceCodes codes,
      EngineClock clock, AuditLog audit, StaffTitles titles) {
    this.titles = titles;
    this.cases = cases;
    this.journal = journal;
    this.entries = entries;
    this.codes = codes;
    this.clock = clock;
    this.audit = audit;
  }

  @Operation(summary = "Ärendets journal: signerade anteckningar och rättelser")
  @GetMapping
  @Transactional(readOnly = true)
  List<EntryView> read(@PathVariable String caseNumber) {
    CaseFile caseFile = cases.byNumber(caseNumber);
    audit.read(caseFile.getId(), "Journal");
    List<JournalEntry> all = journal.of(caseFile.getId());
    Map<Long, List<Long>> corrections = all.stream().filter(e -> e.getCorrectsId() != null).collect(
        Collectors.groupingBy(JournalEntry::getCorrectsId, Collectors.mapping(JournalEntry::getId, Collectors.toList())));
    Map<String, String> names = titles.names(all.stream().map(JournalEntry::getAuthor).toList());
    return all.stream().map(e -> view(e, names.get(e.getAuthor()), corrections.getOrDefault(e.getId(), List.of())))
        .toList();
  }

  @Operation(summary = "Signera en journalanteckning")
  @PostMapping
  @Transactional
  ResponseEntity<EntryView> sign(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
    CaseFile caseFile = cases.writableByNumber(caseNumber);
    var values = new FormValues(body, codes, clock.today());
    String text = values.text("text", "Anteckning", true, Journal.MAX_TEXT);
    LocalDate occurredOn = values.date("occurredOn", "Datum då det hände", true);
    values.check(occurredOn == null || !occurredOn.isBefore(caseFile.getReferredOn()),
        "Datum då det hände: kan inte ligga före remissen (" + caseFile.getReferredOn() + ").");
    values.requireValid();
    return created(caseNumber, journal.sign(caseFile, text, occurredOn));
  }

  @Operation(summary = "Rätta en signerad anteckning med en ny anteckning och ett skäl")
  @PostMapping("/{id}/corrections")
  @Transactional
  ResponseEntity<EntryView> correct(@PathVariable String caseNumber, @PathVariable Long id,
      @RequestBody Map<String, Object> body) {
    CaseFile caseFile = cases.writableByNumber(caseNumber);
    JournalEntry corrected = entries.findById(id).filter(e -> e.getCaseId().equals(caseFile.getId()))
        .orElseThrow(VisibleCases.NotVisible::new);
    var values = new FormValues(body, codes, clock.today());
    String text = values.text("text", "Rättad text", true, Journal.MAX_TEXT);
    String reason = values.text("reason", "Skäl till rättelsen", true, Journal.MAX_REASON);
    // One line of corrections: the latest text is always the one no entry corrects.
    values.check(!entries.existsByCorrectsId(corrected.getId()),
        "Anteckningen är redan rättad: rätta den senaste rättelsen i stället.");
    values.requireValid();
    return created(caseNumber, journal.correct(caseFile, corrected, text, reason));
  }

  /** A signed entry is part of the record as written: it is corrected by a new entry, never changed. */
  @Operation(summary = "En signerad anteckning kan inte ändras (405)")
  @PutMapping("/{id}")
  ResponseEntity<ProblemDetail> change() {
    return immutable();
  }

  @Operation(summary = "En signerad anteckning kan inte tas bort (405)")
  @DeleteMapping("/{id}")
  ResponseEntity<ProblemDetail> remove() {
    return immutable();
  }

  private static ResponseEntity<ProblemDetail> immutable() {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
        "En signerad journalanteckning kan inte ändras eller tas bort. Skriv en rättelse i stället: den nya "
            + "anteckningen visas tillsammans med den gamla.");
    problem.setTitle("Anteckningen är signerad");
    // RFC 9110: a 405 names the methods the resource allows; a signed entry allows none.
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "").body(problem);
  }

  private ResponseEntity<EntryView> created(String caseNumber, JournalEntry entry) {
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/journal/" + entry.getId()))
        .body(view(entry, titles.names(List.of(entry.getAuthor())).get(entry.getAuthor()), List.of()));
  }

  static EntryView view(JournalEntry e, String authorName, List<Long> correctedBy) {
    return new EntryView(e.getId(), e.getText(), e.getOccurredOn(), e.getAuthor(), authorName, e.getAuthorTitle(),
        StaffTitles.joined(authorName, e.getAuthorTitle()), e.getSignedAt(), e.getCorrectsId(),
        e.getCorrectionReason(), correctedBy);
  }
}
