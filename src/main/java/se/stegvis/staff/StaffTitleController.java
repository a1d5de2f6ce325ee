package se.stegvis.staff;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.time.EngineClock;

/**
 * Administrators set each user's title (befattning), which the journal, the timeline and extracts
 * show with the name ({@link StaffTitles}). Only administrators: the row of each mapping in
 * access/ApiEndpoints is ADMINISTER.
 */
@RestController
@RequestMapping("/api/admin/users/{userId}/title")
class StaffTitleController {

  record Title(String userId, String name, String title, String signature) {
  }

  private final StaffTitles titles;
  private final IdentityService identityService;
  private final ReferenceCodes codes;
  private final EngineClock clock;

  StaffTitleController(StaffTitles titles, IdentityService identityService, ReferenceCodes codes,
      EngineClock clock) {
    this.titles = titles;
    this.identityService = identityService;
    this.codes = codes;
    this.clock = clock;
  }

  @Operation(summary = "Användarens befattning (titel), som visas med namnet i journal, tidslinje och utdrag")
  @GetMapping
  ResponseEntity<?> read(@PathVariable String userId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      return unknown(userId);
    }
    return ResponseEntity.ok(title(userId));
  }

  @Operation(summary = "Sätt användarens befattning (titel); tom text tar bort den")
  @PutMapping
  ResponseEntity<?> set(@PathVariable String userId, @RequestBody Map<String, Object> body) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      return unknown(userId);
    }
    var values = new FormValues(body, codes, clock.today());
    String title = values.text("title", "Befattning", false, StaffTitles.MAX_TITLE);
    values.requireValid();
    var admin = identityService.getCurrentAuthentication();
    titles.set(userId, title, admin == null ? "okänd" : admin.getUserId());
    return ResponseEntity.ok(title(userId));
  }

  private Title title(String userId) {
    return new Title(userId, titles.names(java.util.List.of(userId)).get(userId), titles.of(userId).orElse(null),
        titles.signature(userId));
  }

  private static ResponseEntity<ProblemDetail> unknown(String userId) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "Det finns ingen användare med id \"" + userId + "\".");
    problem.setTitle("Användaren finns inte");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }
}
