package se.stegvis.plan;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.form.CaseForm;
import se.stegvis.form.FormSubmission;
import se.stegvis.time.EngineClock;

/** "Upprätta handlingsplan". */
@Component
class ActionPlanForm implements CaseForm {

  private final ActionPlanRepository plans;
  private final EngineClock clock;

  ActionPlanForm(ActionPlanRepository plans, EngineClock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public String formId() {
    return "action-plan";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("madeOn", "Planen upprättad");
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    var v = submission.values();
    CaseFile caseFile = submission.caseFile();
    String goals = v.text("goals", "Mål", true, 4000);
    String activities = v.text("activities", "Aktiviteter och ansvar", true, 4000);
    var madeOn = v.date("madeOn", "Planen upprättad", true);
    v.check(madeOn == null || !madeOn.isBefore(caseFile.getStartedOn()),
        "Planen upprättad: kan inte vara före deltagandets start (" + caseFile.getStartedOn() + ").");
    v.requireValid();
    plans.save(new ActionPlan(caseFile.getId(), goals, activities, madeOn, submission.userId(), clock.now()));
    return Map.of();
  }
}
