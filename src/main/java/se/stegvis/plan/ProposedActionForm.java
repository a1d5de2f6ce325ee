package se.stegvis.plan;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.form.CaseForm;
import se.stegvis.form.FormSubmission;
import se.stegvis.meeting.Meeting;
import se.stegvis.meeting.MeetingRepository;
import se.stegvis.time.EngineClock;

/** "Dokumentera förslag till åtgärd": only once agreed with the person and presented at a meeting. */
@Component
class ProposedActionForm implements CaseForm {

  private final ProposedActionRepository proposals;
  private final MeetingRepository meetings;
  private final EngineClock clock;

  ProposedActionForm(ProposedActionRepository proposals, MeetingRepository meetings,
      EngineClock clock) {
    this.proposals = proposals;
    this.meetings = meetings;
    this.clock = clock;
  }

  @Override
  public String formId() {
    return "proposed-action";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("presentedAtMeetingOn", "Presenterat vid flerpartssamtal den");
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    var v = submission.values();
    CaseFile caseFile = submission.caseFile();
    String proposal = v.text("proposal", "Förslag till åtgärd", true, 4000);
    boolean agreed = v.flag("agreedWithPerson", "Överenskommet med deltagaren");
    var presentedOn = v.date("presentedAtMeetingOn", "Presenterat vid flerpartssamtal den", true);
    var documentedOn = v.date("documentedOn", "Dokumenterat den", true);
    v.check(agreed, "Förslaget ska vara överenskommet med deltagaren innan det dokumenteras.");
    Meeting meeting = presentedOn == null ? null
        : meetings.findFirstByCaseIdAndHeldOn(caseFile.getId(), presentedOn).orElse(null);
    v.check(presentedOn == null || meeting != null, "Presenterat vid flerpartssamtal den: inget flerpartssamtal "
        + "är registrerat " + presentedOn + ". Registrera samtalet först, eller välj datumet för ett registrerat samtal.");
    v.requireValid();
    proposals.save(new ProposedAction(caseFile.getId(), proposal, meeting.getId(), documentedOn, submission.userId(),
        clock.now()));
    return Map.of();
  }
}
