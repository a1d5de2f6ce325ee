package se.stegvis.placement;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormSubmission;
import se.stegvis.time.EngineClock;

/**
 * "Följ upp praktiken": a follow-up visit at the workplace; the placement continues to the next
 * visit, or ends here with its outcome (employment offered and of what kind, studies, ended as
 * planned, or ended early and why).
 */
@Component
class PlacementFollowUpForm extends PlacementStepForm {

  static final String CONTINUE = "CONTINUE";
  static final String END = "END";

  private final PlacementVisitRepository visits;
  private final EngineClock clock;
  private final WorkplaceMatching matching;

  PlacementFollowUpForm(PlacementRepository placements, WorkplaceRepository workplaces, ReferenceCodes codes,
      PlacementVisitRepository visits, EngineClock clock, WorkplaceMatching matching) {
    super(placements, workplaces, codes);
    this.visits = visits;
    this.clock = clock;
    this.matching = matching;
  }

  @Override
  public String formId() {
    return "placement-follow-up";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("visitedOn", "Besöksdatum");
  }

  @Override
  protected PlacementStatus expectedStatus() {
    return PlacementStatus.ACTIVE;
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    Placement placement = placement(submission);
    var v = submission.values();
    var visitedOn = v.date("visitedOn", "Besöksdatum", true);
    boolean attendance = v.flag("attendanceAsPlanned", "Närvaro enligt arbetsplanen");
    String notes = v.text("visitNotes", "Anteckningar från besöket", true, 4000);
    String decision = v.text("continuePlacement", "Fortsätter praktiken?", true, 10);
    v.check(decision == null || CONTINUE.equals(decision) || END.equals(decision),
        "Fortsätter praktiken?: välj \"Praktiken fortsätter\" eller \"Praktiken avslutas\".");
    v.check(visitedOn == null || !visitedOn.isBefore(placement.getPlanAgreedOn()),
        "Besöksdatum: kan inte vara före arbetsplanen (" + placement.getPlanAgreedOn() + ").");
    boolean ends = END.equals(decision);
    var endedOn = ends ? v.date("endedOn", "Praktikens sista dag", true) : null;
    String outcome = ends ? v.code("outcome", "Utfall", CodeSet.PLACEMENT_OUTCOME, true) : null;
    String employmentType = ends ? v.code("employmentType", "Anställningsform", CodeSet.EMPLOYMENT_TYPE,
        "EMPLOYMENT".equals(outcome)) : null;
    String endReason = ends ? v.code("endReason", "Skäl till att praktiken avbröts", CodeSet.PLACEMENT_END_REASON,
        "ENDED_EARLY".equals(outcome)) : null;
    String endNote = ends ? v.text("endNote", "Kommentar", "OTHER".equals(endReason), 4000) : null;
    v.check(endedOn == null || !endedOn.isBefore(placement.getPlannedStart()),
        "Praktikens sista dag: kan inte vara före praktikens start (" + placement.getPlannedStart() + ").");
    v.check(employmentType == null || "EMPLOYMENT".equals(outcome),
        "Anställningsform: anges bara när utfallet är en anställning.");
    v.check(endReason == null || "ENDED_EARLY".equals(outcome),
        "Skäl till att praktiken avbröts: anges bara när praktiken avbröts i förtid.");
    v.requireValid();
    int sequence = visits.countByPlacementId(placement.getId()) + 1;
    visits.save(new PlacementVisit(placement.getId(), sequence, visitedOn, attendance, notes, submission.userId(),
        clock.now()));
    if (ends) {
      placement.end(endedOn, outcome, employmentType, endReason, endNote);
      matching.refreshOpenMatchTasks();
    }
    return Map.of(ProcessVariables.VISIT_NUMBER, sequence + 1, ProcessVariables.PLACEMENT_CONTINUES, !ends);
  }
}
