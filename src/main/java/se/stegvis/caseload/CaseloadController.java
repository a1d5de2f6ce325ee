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
  List<CaseSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) String status) {
    return search.search(q, CaseStatus.parse(status));
  }

  @Operation(summary = "Mina deltagare: coachens egna ärenden, chefens insatser per coach eller praktiksamordnarens placeringar")
  @GetMapping("/api/caseload")
  Caseloads.Caseload caseload(@RequestParam(required = false) String status,
      @RequestParam(required = false) String project) {
    return caseloads.of(CaseStatus.parse(status), project == null || project.isBlank() ? null : project.strip());
  }
}
