package se.stegvis.placement;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormSubmission;
import se.stegvis.time.EngineClock;

/**
 * "Besök arbetsplatsen": the coordinator meets the supervisor on site, gives the introduction for
 * placement hosts if the workplace has not had it, and judges whether the workplace suits. If not,
 * its place is freed and matching starts over without it.
 */
@Component
class WorkplaceVisitForm extends PlacementStepForm {

  private final WorkplaceMatching matching;

  WorkplaceVisitForm(PlacementRepository placements, WorkplaceRepository workplaces, ReferenceCodes codes,
      WorkplaceMatching matching) {
    super(placements, workplaces, codes);
    this.matching = matching;
  }

  @Override
  public String formId() {
    return "placement-visit";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("visitedOn", "Besöksdatum");
  }

  @Override
  protected PlacementStatus expectedStatus() {
    return PlacementStatus.MATCHED;
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    Placement placement = placement(submission);
    Workplace workplace = workplace(placement);
    var v = submission.values();
    var visitedOn = v.date("visitedOn", "Besöksdatum", true);
    boolean supervisorMet = v.flag("supervisorMet", "Handledaren på plats träffad");
    boolean introductionGiven = v.flag("introductionGiven", "Introduktion för praktikvärdar given");
    String notes = v.text("visitNotes", "Anteckningar från besöket", true, 4000);
    String suitable = v.text("workplaceSuitable", "Passar arbetsplatsen?", true, 3);
    v.check(suitable == null || "YES".equals(suitable) || "NO".equals(suitable),
        "Passar arbetsplatsen?: välj ja eller nej.");
    boolean suits = "YES".equals(suitable);
    v.check(visitedOn == null || !visitedOn.isBefore(placement.getMatchedOn()),
        "Besöksdatum: kan inte vara före matchningen (" + placement.getMatchedOn() + ").");
    v.check(!suits || supervisorMet,
        "Handledaren på plats träffad: en praktik behöver en handledare. Träffa handledaren innan praktiken planeras.");
    v.check(!suits || workplace.isIntroduced() || introductionGiven,
        "Introduktion: arbetsplatsen har inte fått introduktionen för praktikvärdar. Ge den vid besöket och"
            + " markera rutan, eller svara att arbetsplatsen inte passar.");
    v.requireValid();
    if (!suits) {
      placement.rematch(visitedOn, notes);
      matching.refreshOpenMatchTasks();
      // The new matching has its 14 days from the visit that ruled this workplace out.
      return Map.of(ProcessVariables.WORKPLACE_SUITABLE, false,
          ProcessVariables.PLACEMENT_REQUEST_DATE, EngineClock.toDate(visitedOn));
    }
    if (introductionGiven) {
      workplace.introduced(visitedOn);
    }
    placement.visited(visitedOn, notes);
    return Map.of(ProcessVariables.WORKPLACE_SUITABLE, true);
  }
}
