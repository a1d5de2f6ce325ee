package se.stegvis.referral;

import java.net.URI;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.DeadlineCalendar;
import se.stegvis.form.FormRejectedException;
import se.stegvis.form.FormValues;

/**
 * Referrals from other systems. The JSON fields are the start form's keys, so both ways in are
 * validated alike. An {@code Idempotency-Key} makes a retried request return the first result.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

  record Registered(String caseNumber, Long caseId, String phase, String processInstanceId) {
    static Registered of(CaseFile c) {
      return new Registered(c.getCaseNumber(), c.getId(), c.getPhase().name(), c.getProcessInstanceId());
    }
  }

  /** The length of {@code referral.idempotency_key}. */
  static final int MAX_IDEMPOTENCY_KEY = 100;

  private final ReferralService referrals;
  private final ReferralRepository referralRepository;
  private final CaseFileRepository caseFiles;
  private final ReferenceCodes codes;
  private final DeadlineCalendar calendar;
  private final IdentityService identityService;
  private final AuditLog audit;

  ReferralController(ReferralService referrals, ReferralRepository referralRepository, CaseFileRepository caseFiles,
      ReferenceCodes codes, DeadlineCalendar calendar, IdentityService identityService, AuditLog audit) {
    this.referrals = referrals;
    this.referralRepository = referralRepository;
    this.caseFiles = caseFiles;
    this.codes = codes;
    this.calendar = calendar;
    this.identityService = identityService;
    this.audit = audit;
  }

  @PostMapping
  ResponseEntity<Registered> register(@RequestBody Map<String, Object> body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null) {
      // Checked before use: a blank key would make every blank-key request return the same case,
      // an overlong one fails in the database and looked like a conflict worth retrying.
      idempotencyKey = idempotencyKey.strip();
      if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
        throw new FormRejectedException("Idempotency-Key: ange en unik nyckel på 1 till " + MAX_IDEMPOTENCY_KEY
            + " tecken, till exempel ett UUID.");
      }
      var earlier = referralRepository.findByIdempotencyKey(idempotencyKey)
          .flatMap(r -> caseFiles.findById(r.getCaseId()));
      if (earlier.isPresent()) {
        return ResponseEntity.ok(Registered.of(earlier.get()));
      }
    }
    var request = ReferralRequest.read(new FormValues(body, codes, calendar.today()), idempotencyKey);
    CaseFile caseFile = referrals.registerAndStart(request, identityService.getCurrentAuthentication().getUserId());
    audit.changed(caseFile.getId(), "Remiss registrerad (API)");
    return ResponseEntity.created(URI.create("/api/cases/" + caseFile.getCaseNumber()))
        .body(Registered.of(caseFile));
  }
}
