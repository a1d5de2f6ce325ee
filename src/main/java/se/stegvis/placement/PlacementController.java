package se.stegvis.placement;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.deadline.DeadlineCalendar;
import se.stegvis.form.FormRejectedException;
import se.stegvis.identity.Groups;

/**
 * A case's placements: the coach (or a placement coordinator) asks for one, anyone who may see the
 * case reads them, and the suitable workplaces for a placement being matched.
 */
@RestController
class PlacementController {

  private final PlacementRequests requests;
  private final PlacementFigures figures;
  private final CasePlacements casePlacements;
  private final WorkplaceMatching matching;
  private final PlacementRepository placements;
  private final CaseFileRepository caseFiles;
  private final CaseAccess access;
  private final DeadlineCalendar calendar;

  PlacementController(PlacementRequests requests, PlacementFigures figures, CasePlacements casePlacements, WorkplaceMatching matching,
      PlacementRepository placements, CaseFileRepository caseFiles, CaseAccess access, DeadlineCalendar calendar) {
    this.calendar = calendar;
    this.requests = requests;
    this.figures = figures;
    this.casePlacements = casePlacements;
    this.matching = matching;
    this.placements = placements;
    this.caseFiles = caseFiles;
    this.access = access;
  }

  @Transactional(readOnly = true)
  @GetMapping("/api/cases/{caseNumber}/placements")
  List<PlacementView> list(@PathVariable String caseNumber) {
    return casePlacements.forCase(visibleCase(caseNumber).getId());
  }

  @Transactional
  @PostMapping("/api/cases/{caseNumber}/placements")
  ResponseEntity<PlacementView> request(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
    CaseFile caseFile = visibleCase(caseNumber);
    var viewer = access.viewer();
    if (!viewer.userId().equals(caseFile.getCoach()) && !viewer.isAdministrator()
        && !viewer.groups().contains(Groups.PLACEMENT_COORDINATORS)) {
      throw PlacementRefusedException.forbidden("Bara deltagarens coach och praktiksamordnare kan begära praktik.");
    }
    Placement placement = requests.request(caseFile, body, viewer.userId());
    PlacementView view = casePlacements.forCase(caseFile.getId()).stream()
        .filter(p -> p.id().equals(placement.getId())).findFirst().orElseThrow();
    return ResponseEntity.created(URI.create("/api/placements/" + placement.getId())).body(view);
  }

  @Transactional(readOnly = true)
  @GetMapping("/api/placements/{id}/matches")
  List<WorkplaceMatching.Match> matches(@PathVariable Long id) {
    Placement placement = placements.findById(id)
        .orElseThrow(() -> PlacementRefusedException.notFound("Praktiken finns inte."));
    CaseFile caseFile = caseFiles.findById(placement.getCaseId()).orElseThrow();
    if (!access.canSee(access.viewer(), caseFile)) {
      throw PlacementRefusedException.notFound("Praktiken finns inte.");
    }
    return matching.matches(placement);
  }

  /** Placements started in the period (default: this calendar year), for the cases the viewer may see. */
  @GetMapping("/api/placements/figures")
  PlacementFigures.Figures figures(@RequestParam(required = false) String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate today = calendar.today();
    LocalDate start = from == null ? today.withDayOfYear(1) : from;
    LocalDate end = to == null ? today.withDayOfYear(today.lengthOfYear()) : to;
    if (end.isBefore(start)) {
      throw new FormRejectedException("Period: slutdatum kan inte vara före startdatum.");
    }
    return figures.figures(project, start, end);
  }

  private CaseFile visibleCase(String caseNumber) {
    return caseFiles.findByCaseNumber(caseNumber).filter(c -> access.canSee(access.viewer(), c))
        .orElseThrow(() -> PlacementRefusedException.notFound("Ärendet finns inte eller så får du inte se det."));
  }
}
