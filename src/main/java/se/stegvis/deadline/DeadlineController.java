package se.stegvis.deadline;

import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;

/**
 * The overdue view behind Cockpit's "Försenade steg": {@code page} (0-based) of {@code size}
 * (1–200, default 50) overdue steps, the nearest steps due soon, and the totals; optionally for
 * one {@code project} and one {@code coach}. A page or size out of range is 400.
 */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

  private final OverdueSteps overdueSteps;
  private final AuditLog audit;

  DeadlineController(OverdueSteps overdueSteps, AuditLog audit) {
    this.overdueSteps = overdueSteps;
    this.audit = audit;
  }

  @Operation(summary = "Försenade steg (missade tidsfrister), sida för sida")
  @GetMapping("/overdue")
  OverdueSteps.View overdue(@RequestParam(required = false) String project,
      @RequestParam(required = false) String coach, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + OverdueSteps.DEFAULT_PAGE_SIZE) int size) {
    var view = overdueSteps.view(blankToNull(project), blankToNull(coach), page, size);
    // What the manager saw is a read of those cases: the page's steps and the soon-due ones shown,
    // not every case counted in the totals.
    audit.read(Stream.concat(view.overdue().stream(), view.dueSoon().stream())
        .map(OverdueSteps.Step::caseId).distinct().toList(), "Försenade steg (Cockpit)");
    return view;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
