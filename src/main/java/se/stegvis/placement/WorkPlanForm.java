package se.stegvis.placement;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormSubmission;
import se.stegvis.time.EngineClock;

/**
 * "Upprätta arbetsplan": goals, tasks, hours per week and period, agreed with the employer and
 * the participant. The follow-up visits are due every four weeks from the planned start.
 */
@Component
class WorkPlanForm extends PlacementStepForm {

  static final int MAX_MONTHS = 12;

  WorkPlanForm(PlacementRepository placements, WorkplaceRepository workplaces, ReferenceCodes codes) {
    super(placements, workplaces, codes);
  }

  @Override
  public String formId() {
    return "placement-work-plan";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("agreedOn", "Arbetsplanen överenskommen");
  }

  @Override
  protected PlacementStatus expectedStatus() {
    return PlacementStatus.VISITED;
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    Placement placement = placement(submission);
    var v = submission.values();
    String goals = v.text("goals", "Mål med praktiken", true, 4000);
    String tasks = v.text("workTasks", "Arbetsuppgifter", true, 4000);
    Integer hours = v.number("hoursPerWeek", "Timmar per vecka", 1, 40, true);
    var start = v.plannedDate("plannedStart", "Praktiken börjar", true);
    var end = v.plannedDate("plannedEnd", "Praktiken slutar", true);
    var agreedOn = v.date("agreedOn", "Arbetsplanen överenskommen", true);
    v.check(v.flag("agreedWithEmployer", "Överenskommen med arbetsgivaren"),
        "Överenskommen med arbetsgivaren: arbetsplanen ska vara godkänd av arbetsgivaren.");
    v.check(v.flag("agreedWithParticipant", "Överenskommen med deltagaren"),
        "Överenskommen med deltagaren: arbetsplanen ska vara godkänd av deltagaren.");
    v.check(agreedOn == null || !agreedOn.isBefore(placement.getVisitedOn()),
        "Arbetsplanen överenskommen: kan inte vara före besöket på arbetsplatsen (" + placement.getVisitedOn() + ").");
    v.check(start == null || !start.isBefore(placement.getVisitedOn()),
        "Praktiken börjar: kan inte vara före besöket på arbetsplatsen (" + placement.getVisitedOn() + ").");
    v.check(start == null || end == null || end.isAfter(start), "Praktiken slutar: ska vara efter startdatum.");
    v.check(start == null || end == null || !end.isAfter(start.plusMonths(MAX_MONTHS)),
        "Praktiken slutar: en praktikperiod är högst " + MAX_MONTHS + " månader; gör en ny arbetsplan för en längre.");
    v.requireValid();
    placement.agree(goals, tasks, hours, start, end, agreedOn);
    return Map.of(ProcessVariables.PLACEMENT_START, EngineClock.toDate(start), ProcessVariables.VISIT_NUMBER, 1);
  }
}
