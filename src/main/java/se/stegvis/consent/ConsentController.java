package se.stegvis.consent;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.form.FormValues;
import se.stegvis.time.EngineClock;

/**
 * A case's consents: read, record one (party × category × direction, with purpose and date), and
 * withdraw one. Withdrawing the last active consent ends the joint work ("avbrutet samarbete").
 */
@RestController
class ConsentController {

  record ConsentView(Long id, String party, String partyLabel, String category, String categoryLabel,
      String direction, String directionLabel, String purpose, LocalDate givenOn, LocalDate withdrawnOn) {
  }

  record Withdrawal(ConsentView consent, boolean jointWorkEnded) {
  }

  private final VisibleCases cases;
  private final Consents consents;
  private final ConsentRepository repository;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final AuditLog audit;

  ConsentController(VisibleCases cases, Consents consents, ConsentRepository repository, ReferenceCodes codes,
      EngineClock clock, AuditLog audit) {
    this.cases = cases;
    this.consents = consents;
    this.repository = repository;
    this.codes = codes;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  @Operation(summary = "Samtycken i ärendet")
  @GetMapping("/api/cases/{caseNumber}/consents")
  List<ConsentView> list(@PathVariable String caseNumber) {
    CaseFile c = cases.byNumber(caseNumber);
    audit.read(c.getId(), "Samtycken");
    return consents.ofCase(c.getId()).stream().map(this::view).toList();
  }

  @Transactional
  @Operation(summary = "Registrera ett samtycke")
  @PostMapping("/api/cases/{caseNumber}/consents")
  ResponseEntity<ConsentView> give(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
    CaseFile c = cases.byNumber(caseNumber);
    var v = new FormValues(body, codes, clock.today());
    String party = v.code("party", "Part", CodeSet.PARTY, true);
    String category = v.code("category", "Informationskategori", CodeSet.CONSENT_CATEGORY, true);
    String direction = v.code("direction", "Riktning", CodeSet.CONSENT_DIRECTION, true);
    String purpose = v.text("purpose", "Syfte", true, 500);
    LocalDate givenOn = v.date("givenOn", "Datum för samtycket", true);
    v.check(c.getPhase().isOpen(), "Ärendet är avslutat: samtycken kan inte längre registreras.");
    v.requireValid();
    Consent consent = consents.give(c.getId(), party, category, direction, purpose, givenOn);
    audit.changed(c.getId(), "Samtycke registrerat (" + party + ", " + category + ", " + direction + ")");
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/consents/" + consent.getId()))
        .body(view(consent));
  }

  @Transactional
  @Operation(summary = "Återkalla ett samtycke")
  @PostMapping("/api/cases/{caseNumber}/consents/{id}/withdrawal")
  Withdrawal withdraw(@PathVariable String caseNumber, @PathVariable Long id, @RequestBody Map<String, Object> body) {
    CaseFile c = cases.byNumber(caseNumber);
    Consent consent = repository.findById(id).filter(k -> k.getCaseId().equals(c.getId()))
        .orElseThrow(VisibleCases.NotVisible::new);
    var v = new FormValues(body, codes, clock.today());
    LocalDate on = v.date("withdrawnOn", "Datum för återkallelsen", true);
    v.check(consent.isActive(), "Samtycket är redan återkallat.");
    v.check(on == null || !on.isBefore(consent.getGivenOn()),
        "Datum för återkallelsen: kan inte vara före samtyckets datum (" + consent.getGivenOn() + ").");
    v.requireValid();
    audit.changed(c.getId(), "Samtycke återkallat (" + consent.getParty() + ", " + consent.getCategory() + ")");
    boolean ended = consents.withdraw(consent, on);
    return new Withdrawal(view(consent), ended);
  }

  private ConsentView view(Consent c) {
    return new ConsentView(c.getId(), c.getParty(), codes.label(CodeSet.PARTY, c.getParty()), c.getCategory(),
        codes.label(CodeSet.CONSENT_CATEGORY, c.getCategory()), c.getDirection(),
        codes.label(CodeSet.CONSENT_DIRECTION, c.getDirection()), c.getPurpose(), c.getGivenOn(), c.getWithdrawnOn());
  }
}
