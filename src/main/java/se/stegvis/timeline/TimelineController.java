package se.stegvis.timeline;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.problems.FormRejectedException;

/**
 * A case's timeline ({@link Timeline}), all of it or only the kinds asked for
 * ({@code ?kind=JOURNAL&kind=STEP}); read by whoever may see the case, and audited.
 */
@RestController
class TimelineController {

  record Kind(String kind, String label) {
  }

  record CaseTimeline(String caseNumber, List<Kind> kinds, List<Timeline.Event> events) {
  }

  private static final List<Kind> KINDS = Arrays.stream(TimelineKind.values())
      .map(k -> new Kind(k.name(), k.label())).toList();

  private final VisibleCases cases;
  private final Timeline timeline;
  private final AuditLog audit;

  TimelineController(VisibleCases cases, Timeline timeline, AuditLog audit) {
    this.cases = cases;
    this.timeline = timeline;
    this.audit = audit;
  }

  @Operation(summary = "Ärendets tidslinje: allt som skrivits, i datumordning, filtrerbart per slag")
  @GetMapping("/api/cases/{caseNumber}/timeline")
  @Transactional(readOnly = true)
  CaseTimeline read(@PathVariable String caseNumber, @RequestParam(name = "kind", required = false) List<String> kind) {
    CaseFile caseFile = cases.byNumber(caseNumber);
    Set<TimelineKind> kinds = kinds(kind);
    audit.read(caseFile.getId(), "Tidslinje");
    return new CaseTimeline(caseFile.getCaseNumber(), KINDS, timeline.of(caseFile.getId(), kinds));
  }

  private static Set<TimelineKind> kinds(List<String> asked) {
    if (asked == null || asked.isEmpty()) {
      return EnumSet.allOf(TimelineKind.class);
    }
    Map<String, TimelineKind> byName = new java.util.HashMap<>();
    EnumSet.allOf(TimelineKind.class).forEach(k -> byName.put(k.name(), k));
    Set<TimelineKind> kinds = EnumSet.noneOf(TimelineKind.class);
    for (String name : asked) {
      TimelineKind k = byName.get(name);
      if (k == null) {
        throw new FormRejectedException("Händelsetyp: okänd (" + name + "). Välj bland "
            + String.join(", ", byName.keySet().stream().sorted().toList()) + ".");
      }
      kinds.add(k);
    }
    return kinds;
  }
}
