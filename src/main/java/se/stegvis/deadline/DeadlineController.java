package se.stegvis.deadline;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The overdue view behind Cockpit's "Försenade steg". */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

  private final OverdueSteps overdueSteps;

  DeadlineController(OverdueSteps overdueSteps) {
    this.overdueSteps = overdueSteps;
  }

  @GetMapping("/overdue")
  OverdueSteps.View overdue(@RequestParam(required = false) String project,
      @RequestParam(required = false) String coach) {
    return overdueSteps.view(blankToNull(project), blankToNull(coach));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
