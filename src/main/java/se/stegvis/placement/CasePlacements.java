package se.stegvis.placement;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;

/** The placements of a case, with their workplaces and outcomes, for the case panel and the API. */
@Service
public class CasePlacements {

  private final PlacementRepository placements;
  private final WorkplaceRepository workplaces;
  private final PlacementVisitRepository visits;
  private final ReferenceCodes codes;

  CasePlacements(PlacementRepository placements, WorkplaceRepository workplaces, PlacementVisitRepository visits,
      ReferenceCodes codes) {
    this.placements = placements;
    this.workplaces = workplaces;
    this.visits = visits;
    this.codes = codes;
  }

  @Transactional(readOnly = true)
  public List<PlacementView> forCase(Long caseId) {
    List<Placement> list = placements.findByCaseIdOrderBySequence(caseId);
    Map<Long, Workplace> places = workplaces.findAllById(list.stream().map(Placement::getWorkplaceId)
        .filter(java.util.Objects::nonNull).distinct().toList()).stream()
        .collect(Collectors.toMap(Workplace::getId, Function.identity()));
    return list.stream().map(p -> view(p, places.get(p.getWorkplaceId()))).toList();
  }

  private PlacementView view(Placement p, Workplace w) {
    return new PlacementView(p.getId(), p.getSequence(), p.getStatus().name(), p.getStatus().label(),
        codes.label(CodeSet.SECTOR, p.getSectorWish()), p.getAreaWish(), p.getRequestedOn(), p.getWorkplaceId(),
        w == null ? null : w.getName(), w == null ? null : w.getEmployer().getName(), w == null ? null : w.getArea(),
        w == null ? null : w.getSupervisorName(), p.getMatchedOn(), p.getVisitedOn(), p.getHoursPerWeek(),
        p.getPlannedStart(), p.getPlannedEnd(), visits.countByPlacementId(p.getId()), p.getEndedOn(),
        p.getOutcome(), label(CodeSet.PLACEMENT_OUTCOME, p.getOutcome()),
        label(CodeSet.EMPLOYMENT_TYPE, p.getEmploymentType()), label(CodeSet.PLACEMENT_END_REASON, p.getEndReason()),
        p.durationDays());
  }

  private String label(CodeSet set, String code) {
    return code == null ? null : codes.label(set, code);
  }
}
