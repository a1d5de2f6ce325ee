package se.stegvis.caseload;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search for a person's case, and the caseload of "Mina deltagare". */
@RestController
class CaseloadController {

  private final CaseSearch search;
  private final Caseloads caseloads;

  CaseloadController(CaseSearch search, Caseloads caseloads) {
    this.search = search;
    this.caseloads = caseloads;
  }

  @Operation(summary = "Sök ärenden på namn, personnummer, samordningsnummer eller ärendenummer")
  @GetMapping("/api/cases")
  List<CaseSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
      @RequestParam(required = false) String due, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order) {
    return search.search(q, CaseStatus.parse(status), NextStepDue.parse(due),
        CaseListOrder.parse(sort, CaseListOrder.NAME), CaseListOrder.ascending(order));
  }

  @Operation(summary = "Mina deltagare: coachens egna ärenden, chefens insatser per coach eller praktiksamordnarens "
      + "placeringar, en sida i taget")
  @GetMapping("/api/caseload")
  Caseloads.Caseload caseload(@RequestParam(required = false) String status,
      @RequestParam(required = false) String project, @RequestParam(required = false) String coach,
      @RequestParam(required = false) String due, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "" + Caseloads.DEFAULT_PAGE) int limit) {
    return caseloads.of(new Caseloads.Request(CaseStatus.parse(status), blankAsNull(project), blankAsNull(coach),
        NextStepDue.parse(due), sort, CaseListOrder.ascending(order), offset, limit));
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
