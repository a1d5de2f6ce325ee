package se.stegvis.placement;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CasePhase;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.time.EngineClock;

/**
 * A coach (or coordinator) asks for a placement for a participant: the request is recorded with
 * its sector and area wish and the case's process calls the placement process, whose first step
 * is the coordinators' matching task. A participant has one placement under way at a time.
 */
@Service
public class PlacementRequests {

  /** The message the case process waits for in its placement loop. */
  static final String MESSAGE = "placementRequested";

  private final PlacementRepository placements;
  private final RuntimeService runtimeService;
  private final ReferenceCodes codes;
  private final EngineClock clock;

  PlacementRequests(PlacementRepository placements, RuntimeService runtimeService, ReferenceCodes codes,
      EngineClock clock) {
    this.placements = placements;
    this.runtimeService = runtimeService;
    this.codes = codes;
    this.clock = clock;
  }

  /** Fields: {@code sectorWish} (SECTOR code), {@code areaWish} (optional), {@code requestedOn} (default today). */
  @Transactional
  public Placement request(CaseFile caseFile, Map<String, ?> body, String userId) {
    var v = new FormValues(body, codes, clock.today());
    String sector = v.code("sectorWish", "Önskad bransch", CodeSet.SECTOR, true);
    String area = v.text("areaWish", "Önskad ort", false, 100);
    var requestedOn = v.date("requestedOn", "Begärd", false);
    requestedOn = requestedOn == null ? clock.today() : requestedOn;
    v.check(caseFile.getStartedOn() == null || !requestedOn.isBefore(caseFile.getStartedOn()),
        "Begärd: kan inte vara före deltagandets start (" + caseFile.getStartedOn() + ").");
    v.requireValid();
    if (caseFile.getPhase() != CasePhase.ACTIVE) {
      throw PlacementRefusedException.conflict("Praktik kan bara begäras medan deltagandet pågår (ärendet är nu: "
          + caseFile.getPhase().label().toLowerCase() + ").");
    }
    if (placements.existsByCaseIdAndStatusIn(caseFile.getId(), PlacementStatus.OPEN)) {
      throw PlacementRefusedException.conflict(
          "Deltagaren har redan en praktik under arbete. Avsluta eller återkalla den innan en ny begärs.");
    }
    Placement placement = placements.saveAndFlush(new Placement(caseFile.getId(),
        placements.countByCaseId(caseFile.getId()) + 1, sector, area, requestedOn, userId));
    runtimeService.createMessageCorrelation(MESSAGE)
        .processInstanceId(caseFile.getProcessInstanceId())
        .setVariable(ProcessVariables.PLACEMENT_ID, placement.getId())
        .correlateWithResult();
    return placement;
  }
}
