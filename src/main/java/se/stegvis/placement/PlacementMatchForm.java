package se.stegvis.placement;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.form.FormSubmission;
import se.stegvis.time.EngineClock;

/**
 * "Matcha praktikplats": the coordinator picks a workplace among the suitable ones (or withdraws
 * the request). The workplace is locked while its free places are counted, so the last place
 * cannot be given twice; the place taken is gone from every other open matching form at once.
 */
@Component
class PlacementMatchForm extends PlacementStepForm {

  static final String MATCH = "MATCH";
  static final String WITHDRAW = "WITHDRAW";

  private final WorkplaceMatching matching;

  PlacementMatchForm(PlacementRepository placements, WorkplaceRepository workplaces, ReferenceCodes codes,
      WorkplaceMatching matching) {
    super(placements, workplaces, codes);
    this.matching = matching;
  }

  @Override
  public String formId() {
    return "placement-match";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("matchedOn", "Matchad");
  }

  @Override
  protected PlacementStatus expectedStatus() {
    return PlacementStatus.REQUESTED;
  }

  @Override
  public Map<String, Object> prefill(CaseFile caseFile, String processInstanceId) {
    return placements.findByProcessInstanceId(processInstanceId)
        .<Map<String, Object>>map(p -> Map.of(WorkplaceMatching.OPTIONS, matching.options(p)))
        .orElse(Map.of());
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    Placement placement = placement(submission);
    var v = submission.values();
    String decision = v.text("matchDecision", "Beslut", true, 20);
    v.check(decision == null || MATCH.equals(decision) || WITHDRAW.equals(decision),
        "Beslut: välj \"Matcha med arbetsplats\" eller \"Återkalla begäran\".");
    if (WITHDRAW.equals(decision)) {
      String reason = v.text("withdrawReason", "Skäl till att begäran återkallas", true, 4000);
      v.requireValid();
      placement.withdraw(reason);
      return Map.of(ProcessVariables.PLACEMENT_MATCHED, false);
    }
    Integer workplaceId = v.number("workplaceId", "Arbetsplats", 1, Integer.MAX_VALUE, true);
    var matchedOn = v.date("matchedOn", "Matchad", true);
    v.check(matchedOn == null || !matchedOn.isBefore(placement.getRequestedOn()),
        "Matchad: kan inte vara före begäran om praktik (" + placement.getRequestedOn() + ").");
    v.requireValid();
    Workplace workplace = workplaces.findForUpdate(workplaceId.longValue())
        .orElseThrow(() -> new FormRejectedException("Arbetsplats: finns inte i registret."));
    if (!workplace.isActive()) {
      throw new FormRejectedException("Arbetsplats: " + workplace.getName() + " tar inte emot praktikanter just nu"
          + " (inaktiv i registret).");
    }
    if (placement.getRejectedWorkplaces().contains(workplace.getId())) {
      throw new FormRejectedException("Arbetsplats: " + workplace.getName()
          + " bedömdes olämplig vid besöket för den här praktiken. Välj en annan.");
    }
    int taken = placements.countByWorkplaceIdAndStatusIn(workplace.getId(), PlacementStatus.OCCUPYING);
    if (taken >= workplace.getCapacity()) {
      throw new FormRejectedException("Arbetsplats: " + workplace.getName() + " har inga lediga praktikplatser ("
          + taken + " av " + workplace.getCapacity() + " upptagna). Välj en annan arbetsplats eller öka antalet"
          + " platser i registret.");
    }
    placement.match(workplace.getId(), matchedOn, submission.userId());
    matching.refreshOpenMatchTasks();
    return Map.of(ProcessVariables.PLACEMENT_MATCHED, true,
        ProcessVariables.PLACEMENT_MATCH_DATE, EngineClock.toDate(matchedOn),
        ProcessVariables.PLACEMENT_COORDINATOR, submission.userId());
  }
}
