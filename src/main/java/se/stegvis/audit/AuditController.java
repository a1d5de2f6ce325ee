package se.stegvis.audit;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The log review ("loggranskning") for managers and administrators. Periods are whole Swedish days. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditReview review;

  AuditController(AuditReview review) {
    this.review = review;
  }

  @Operation(summary = "Loggranskning: alla läsningar och ändringar i ett ärende")
  @GetMapping("/cases/{caseNumber}")
  List<AuditEntry> forCase(@PathVariable String caseNumber) {
    return review.forCase(caseNumber);
  }

  @Operation(summary = "Loggranskning: vad en användare har läst och ändrat under perioden")
  @GetMapping("/users/{userId}")
  List<AuditEntry> forUser(@PathVariable String userId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return review.forUser(userId, from, to);
  }

  @Operation(summary = "Loggranskning: en användares medlemskap i grupper och team över tid (sedan historiken började)")
  @GetMapping("/users/{userId}/memberships")
  AuditReview.MembershipHistoryView memberships(@PathVariable String userId) {
    return review.membershipsOf(userId);
  }

  @Operation(summary = "Loggranskning: alla loggposter under perioden")
  @GetMapping("/entries")
  List<AuditEntry> inPeriod(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return review.inPeriod(from, to);
  }

  @Operation(summary = "Loggranskning: läsningar utanför det egna teamet under perioden")
  @GetMapping("/outside-team")
  List<AuditEntry> outsideTeam(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return review.outsideTeam(from, to);
  }
}
