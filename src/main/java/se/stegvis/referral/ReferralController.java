package se.stegvis.referral;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.casefile.CaseFile;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.form.FormValues;
import se.stegvis.time.EngineClock;

/**
 * Referrals from other systems. The JSON fields are the start form's keys, so both ways in are
 * validated alike. An {@code Idempotency-Key} makes a retried request return the first answer
 * (same status and body, header {@code Idempotent-Replayed: true}); see {@link IdempotentReferrals}.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

  /** The answer to a referral, and its receipt: the case number to quote when asking about it. */
  record Registered(String caseNumber, Long caseId, String phase, String processInstanceId, String receipt) {
    static Registered of(CaseFile c) {
      return new Registered(c.getCaseNumber(), c.getId(), c.getPhase().name(), c.getProcessInstanceId(),
          "Remissen är mottagen med ärendenummer " + c.getCaseNumber()
              + ". Beredningsgruppen beslutar inom 14 dagar; läget syns under Mina remisser.");
    }
  }

  /** The length of {@code idempotent_request.idempotency_key}. */
  static final int MAX_IDEMPOTENCY_KEY = 100;

  private final ReferralService referrals;
  private final IdempotentReferrals idempotentReferrals;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final IdentityService identityService;
  private final MyReferrals myReferrals;

  ReferralController(ReferralService referrals, IdempotentReferrals idempotentReferrals, ReferenceCodes codes,
      EngineClock clock, IdentityService identityService, MyReferrals myReferrals) {
    this.myReferrals = myReferrals;
    this.referrals = referrals;
    this.idempotentReferrals = idempotentReferrals;
    this.codes = codes;
    this.clock = clock;
    this.identityService = identityService;
  }

  @Operation(summary = "Mina remisser: de remisser användaren har registrerat, med status")
  /** The referrals the user registered, with their status (Mina remisser). */
  @GetMapping("/mine")
  List<MyReferrals.MyReferral> mine() {
    return myReferrals.of(identityService.getCurrentAuthentication().getUserId());
  }

  @Operation(summary = "Registrera en remiss (med Idempotency-Key för säkra omförsök)")
  @PostMapping
  ResponseEntity<Registered> register(@RequestBody Map<String, Object> body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    String userId = identityService.getCurrentAuthentication().getUserId();
    if (idempotencyKey == null) {
      return created(new IdempotentReferrals.Answer(201, registerAndStart(body, userId), false));
    }
    // Checked before use: a blank key would make every blank-key request return the same case,
    // an overlong one fails in the database and looked like a conflict worth retrying.
    String key = idempotencyKey.strip();
    if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY) {
      throw new FormRejectedException("Idempotency-Key: ange en unik nyckel på 1 till " + MAX_IDEMPOTENCY_KEY
          + " tecken, till exempel ett UUID.");
    }
    return created(idempotentReferrals.register(key, body, () -> registerAndStart(body, userId)));
  }

  private Registered registerAndStart(Map<String, Object> body, String userId) {
    var request = ReferralRequest.read(new FormValues(body, codes, clock.today()));
    return Registered.of(referrals.registerAndStart(request, userId));
  }

  private static ResponseEntity<Registered> created(IdempotentReferrals.Answer answer) {
    return ResponseEntity.status(answer.status())
        .location(URI.create("/api/cases/" + answer.registered().caseNumber()))
        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
        .body(answer.registered());
  }

  @ExceptionHandler(IdempotentReferrals.KeyReusedException.class)
  ProblemDetail keyReused() {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        "Idempotency-Key har redan använts för en annan remiss. Använd en ny nyckel för en ny remiss, "
            + "och samma nyckel bara när exakt samma remiss skickas igen.");
    problem.setType(URI.create("https://stegvis.se/problem/idempotency-key-ateranvand"));
    problem.setTitle("Nyckeln används redan");
    return problem;
  }
}
