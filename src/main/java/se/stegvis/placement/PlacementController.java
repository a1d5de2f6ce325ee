package se.stegvis.placement;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;

/**
 * A case's placements: the coach (or a placement coordinator) asks for one, anyone who may see the
 * case reads them, and the suitable workplaces for a placement being matched.
 */
@RestController
class PlacementController {

  private final PlacementRequests requests;
  private final CasePlacements casePlacements;
  private final WorkplaceMatching matching;
  private final PlacementRepository placements;
  private final CaseFileRepository caseFiles;
  private final CaseAccess access;
  private final AuditLog audit;

  PlacementController(PlacementRequests requests, CasePlacements casePlacements, WorkplaceMatching matching,
      PlacementRepository placements, CaseFileRepository caseFiles, CaseAccess access, AuditLog audit) {
    this.requests = requests;
    this.casePlacements = casePlacements;
    this.matching = matching;
    this.placements = placements;
    this.caseFiles = caseFiles;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  @Operation(summary = "Praktiker i ärendet")
  @GetMapping("/api/cases/{caseNumber}/placements")
  List<PlacementView> list(@PathVariable String caseNumber) {
    CaseFile caseFile = visibleCase(caseNumber);
    audit.read(caseFile.getId(), "Praktiker");
    return casePlacements.forCase(caseFile.getId());
  }

  @Transactional
  @Operation(summary = "Begär en praktik för deltagaren")
  @PostMapping("/api/cases/{caseNumber}/placements")
  ResponseEntity<PlacementView> request(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
    CaseFile caseFile = visibleCase(caseNumber);
    Placement placement = requests.request(caseFile, body, access.viewer().userId());
    audit.changed(caseFile.getId(), "Praktik begärd");
    PlacementView view = casePlacements.forCase(caseFile.getId()).stream()
        .filter(p -> p.id().equals(placement.getId())).findFirst().orElseThrow();
    return ResponseEntity.created(URI.create("/api/placements/" + placement.getId())).body(view);
  }

  @Transactional(readOnly = true)
  @Operation(summary = "Praktikplatser som passar en praktik")
  @GetMapping("/api/placements/{id}/matches")
  List<WorkplaceMatching.Match> matches(@PathVariable Long id) {
    Placement placement = placements.findById(id)
        .orElseThrow(() -> PlacementRefusedException.notFound("Praktiken finns inte."));
    CaseFile caseFile = caseFiles.findById(placement.getCaseId()).orElseThrow();
    if (!access.canSee(access.viewer(), caseFile)) {
      throw PlacementRefusedException.notFound("Praktiken finns inte.");
    }
    audit.read(caseFile.getId(), "Matchande arbetsplatser för praktik " + id);
    return matching.matches(placement);
  }

  private CaseFile visibleCase(String caseNumber) {
    return caseFiles.findByCaseNumber(caseNumber).filter(c -> access.canSee(access.viewer(), c))
        .orElseThrow(() -> PlacementRefusedException.notFound("Ärendet finns inte eller så får du inte se det."));
  }
}
