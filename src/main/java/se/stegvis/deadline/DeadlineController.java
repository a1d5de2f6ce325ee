package se.stegvis.deadline;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;

/** The overdue view behind Cockpit's "Försenade steg". */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

  private final OverdueSteps overdueSteps;
  private final AuditLog audit;

  DeadlineController(OverdueSteps overdueSteps, AuditLog audit) {
    this.overdueSteps = overdueSteps;
    this.audit = audit;
  }

  @GetMapping("/overdue")
  OverdueSteps.View overdue(@RequestParam(required = false) String project,
      @RequestParam(required = false) String coach) {
    var view = overdueSteps.view(blankToNull(project), blankToNull(coach));
    // Every case the view shows is a read of that case (Cockpit's "Försenade steg").
    audit.read(java.util.stream.Stream.concat(view.overdue().stream(), view.dueSoon().stream())
        .map(OverdueSteps.Step::caseId).distinct().toList(), "Försenade steg (Cockpit)");
    return view;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
