package se.stegvis.placement;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;

/**
 * Suitable workplaces for a placement request: active, in the wished sector, with a free place,
 * and not one the coordinator already turned down for it. Those in the wished area come first,
 * then those that have had the introduction, then those with more free places.
 */
@Service
public class WorkplaceMatching {

  /** The matching task of the placement process, and the select options its form shows. */
  static final String MATCH_TASK = "matchWorkplace";
  static final String OPTIONS = "workplaceOptions";

  public record Match(Long workplaceId, String workplace, String employer, String area, String sectorLabel,
      int capacity, int free, boolean introduced, boolean inWishedArea) {

    /** The text of the form's select: where, whose, how many places; never a person's name. */
    String label() {
      return workplace + ", " + area + " – " + employer + " (" + free + (free == 1 ? " ledig plats" : " lediga platser")
          + (introduced ? "" : ", ej introducerad") + ")";
    }
  }

  private final WorkplaceRepository workplaces;
  private final PlacementRepository placements;
  private final ReferenceCodes codes;
  private final TaskService taskService;

  WorkplaceMatching(WorkplaceRepository workplaces, PlacementRepository placements, ReferenceCodes codes,
      TaskService taskService) {
    this.workplaces = workplaces;
    this.placements = placements;
    this.codes = codes;
    this.taskService = taskService;
  }

  @Transactional(readOnly = true)
  public List<Match> matches(Placement placement) {
    Map<Long, Integer> taken = placesTaken();
    String area = placement.getAreaWish();
    return workplaces.findByActiveTrueAndSector(placement.getSectorWish()).stream()
        .filter(w -> !placement.getRejectedWorkplaces().contains(w.getId()))
        .map(w -> new Match(w.getId(), w.getName(), w.getEmployer().getName(), w.getArea(),
            codes.label(CodeSet.SECTOR, w.getSector()), w.getCapacity(),
            w.getCapacity() - taken.getOrDefault(w.getId(), 0), w.isIntroduced(),
            area != null && area.strip().equalsIgnoreCase(w.getArea())))
        .filter(m -> m.free() > 0)
        .sorted(Comparator.comparing(Match::inWishedArea).reversed()
            .thenComparing(Comparator.comparing(Match::introduced).reversed())
            .thenComparing(Comparator.comparingInt(Match::free).reversed())
            .thenComparing(Match::workplace))
        .toList();
  }

  /** The matches as options of the matching form's select (Camunda Forms {@code valuesKey}). */
  TypedValue options(Placement placement) {
    List<Map<String, String>> options = matches(placement).stream()
        .map(m -> Map.of("label", m.label(), "value", String.valueOf(m.workplaceId())))
        .toList();
    return SpinValues.jsonValue(Spin.JSON(options)).create();
  }

  /**
   * A workplace was added or changed, or a placement took or freed a place: open matching tasks
   * offer the workplaces free now, so a form opened later never lists one that has filled up.
   */
  void refreshOpenMatchTasks() {
    taskService.createTaskQuery().processDefinitionKey(ProcessVariables.PLACEMENT_PROCESS_KEY)
        .taskDefinitionKey(MATCH_TASK).list()
        .forEach(task -> placements.findByProcessInstanceId(task.getProcessInstanceId())
            .ifPresent(p -> taskService.setVariableLocal(task.getId(), OPTIONS, options(p))));
  }

  /** Places taken now, per workplace id. */
  Map<Long, Integer> placesTaken() {
    return placements.countTakenByWorkplace(PlacementStatus.OCCUPYING).stream()
        .collect(Collectors.toMap(r -> (Long) r[0], r -> ((Number) r[1]).intValue()));
  }
}
