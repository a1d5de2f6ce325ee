package se.stegvis.overview;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.identity.IdentityNumber;

/**
 * The participant record: the one place with the full personnummer and contact details.
 * Everywhere else the number is masked; opening the record is written to the audit log.
 */
@RestController
class ParticipantRecordController {

  record ParticipantRecord(String caseNumber, String identityNumber, String identityKind, String firstName,
      String lastName, String gender, LocalDate birthDate, String phone, String email, boolean protectedIdentity) {
  }

  private final VisibleCases cases;
  private final AuditLog audit;

  ParticipantRecordController(VisibleCases cases, AuditLog audit) {
    this.cases = cases;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  @Operation(summary = "Öppna deltagarens uppgifter (fullständigt personnummer, kontaktuppgifter; loggas)")
  @GetMapping("/api/cases/{caseNumber}/participant")
  ParticipantRecord open(@PathVariable String caseNumber) {
    CaseFile c = cases.byNumber(caseNumber);
    audit.read(c.getId(), "Deltagarens personuppgifter (fullständigt personnummer, kontaktuppgifter)");
    var p = c.getParticipant();
    return new ParticipantRecord(c.getCaseNumber(),
        new IdentityNumber(p.getIdentityNumber(), p.getIdentityKind(), p.getBirthDate()).formatted(),
        p.getIdentityKind().name(), p.getFirstName(), p.getLastName(), p.getGender(), p.getBirthDate(), p.getPhone(),
        p.getEmail(), p.isProtectedIdentity());
  }

  /** Who may set or lift the protected-identity flag: AccessMatrix, PROTECT_IDENTITY. */
  @Transactional
  @Operation(summary = "Markera eller avmarkera skyddad identitet för deltagaren")
  @PutMapping("/api/cases/{caseNumber}/participant/protected-identity")
  Map<String, Object> protectIdentity(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
    CaseFile c = cases.byNumber(caseNumber);
    if (!(body.get("protectedIdentity") instanceof Boolean flag)) {
      throw new FormRejectedException("Skyddade personuppgifter: ange protectedIdentity som true eller false.");
    }
    c.getParticipant().protectIdentity(flag);
    audit.changed(c.getId(), flag ? "Skyddade personuppgifter markerade" : "Skyddade personuppgifter borttagna");
    return Map.of("caseNumber", c.getCaseNumber(), "protectedIdentity", flag);
  }
}
