package se.stegvis.audit;

import java.time.LocalDate;
import java.util.List;

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

  @GetMapping("/cases/{caseNumber}")
  List<AuditEntry> forCase(@PathVariable String caseNumber) {
    return review.forCase(caseNumber);
  }

  @GetMapping("/users/{userId}")
  List<AuditEntry> forUser(@PathVariable String userId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return review.forUser(userId, from, to);
  }

  @GetMapping("/entries")
  List<AuditEntry> inPeriod(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return review.inPeriod(from, to);
  }

  @GetMapping("/outside-team")
  List<AuditEntry> outsideTeam(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return review.outsideTeam(from, to);
  }
}
