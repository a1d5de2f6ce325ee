package se.stegvis.meeting;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.CodeSet;
import se.stegvis.form.CaseForm;
import se.stegvis.form.FormSubmission;
import se.stegvis.time.EngineClock;

/** "Håll flerpartssamtal": records the meeting; the next one falls due two months later in the cadence. */
@Component
class MeetingForm implements CaseForm {

  private final MeetingRepository meetings;
  private final EngineClock clock;

  MeetingForm(MeetingRepository meetings, EngineClock clock) {
    this.meetings = meetings;
    this.clock = clock;
  }

  @Override
  public String formId() {
    return "multi-party-meeting";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("heldOn", "Samtalet hölls");
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    var v = submission.values();
    CaseFile caseFile = submission.caseFile();
    var heldOn = v.date("heldOn", "Samtalet hölls", true);
    boolean personPresent = v.flag("personPresent", "Deltagaren närvarade");
    var parties = v.codes("partiesPresent", "Närvarande parter", CodeSet.PARTY);
    String summary = v.text("summary", "Anteckningar", true, 4000);
    v.check(heldOn == null || !heldOn.isBefore(caseFile.getStartedOn()),
        "Samtalet hölls: kan inte vara före deltagandets start (" + caseFile.getStartedOn() + ").");
    v.check(!parties.isEmpty(), "Närvarande parter: ett flerpartssamtal har minst en part utöver deltagaren.");
    v.requireValid();

    int sequence = meetings.countByCaseId(caseFile.getId()) + 1;
    meetings.save(new Meeting(caseFile.getId(), sequence, heldOn, personPresent, String.join(",", parties), summary,
        submission.userId(), clock.now()));
    return Map.of(ProcessVariables.MEETING_NUMBER, sequence + 1);
  }
}
