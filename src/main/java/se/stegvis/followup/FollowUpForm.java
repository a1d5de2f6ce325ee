package se.stegvis.followup;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.codes.CodeSet;
import se.stegvis.form.CaseForm;
import se.stegvis.form.FormSubmission;
import se.stegvis.survey.Survey;
import se.stegvis.survey.Surveys;
import se.stegvis.time.EngineClock;

/** "Följ upp 6–12 månader efter avslut"; a person who could not be reached is recorded as such. */
@Component
class FollowUpForm implements CaseForm {

  private final FollowUpRepository followUps;
  private final Surveys surveys;
  private final EngineClock clock;

  FollowUpForm(FollowUpRepository followUps, Surveys surveys, EngineClock clock) {
    this.followUps = followUps;
    this.surveys = surveys;
    this.clock = clock;
  }

  @Override
  public String formId() {
    return "follow-up";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("followedUpOn", "Uppföljningsdatum");
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    var v = submission.values();
    CaseFile caseFile = submission.caseFile();
    var on = v.date("followedUpOn", "Uppföljningsdatum", true);
    boolean reached = v.flag("reached", "Personen nåddes");
    String status = v.code("status", "Status", CodeSet.FOLLOW_UP_STATUS, reached);
    String income = v.code("incomeSource", "Försörjning senaste halvåret", CodeSet.INCOME_SOURCE, reached);
    String note = v.text("note", "Anteckning", !reached, 4000);
    var answers = surveys.read(Survey.FOLLOW_UP, v);
    v.check(on == null || !on.isBefore(caseFile.getExitedOn()),
        "Uppföljningsdatum: kan inte vara före avslutet (" + caseFile.getExitedOn() + ").");
    v.requireValid();
    followUps.save(new FollowUp(caseFile.getId(), on, reached, status, income, note, submission.userId(),
        clock.now()));
    surveys.save(caseFile.getId(), Survey.FOLLOW_UP, answers);
    caseFile.complete();
    return Map.of();
  }
}
