package se.stegvis.referral;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.CodeSet;
import se.stegvis.consent.Consents;
import se.stegvis.form.CaseForm;
import se.stegvis.form.FormSubmission;
import se.stegvis.time.EngineClock;

/**
 * "Församtal, kartläggning och avtal": the coach meets the person, maps the situation, records
 * consent and the agreement, and participation starts (or the person declines).
 */
@Component
class ParticipationStartForm implements CaseForm {

  static final String STARTED = "STARTED";

  private final Consents consents;

  ParticipationStartForm(Consents consents) {
    this.consents = consents;
  }

  @Override
  public String formId() {
    return "participation-start";
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    var v = submission.values();
    CaseFile caseFile = submission.caseFile();
    String outcome = v.code("outcome", "Utfall", CodeSet.START_OUTCOME, true);
    if (!STARTED.equals(outcome)) {
      String reason = v.text("declineReason", "Skäl", true, 4000);
      v.requireValid();
      caseFile.close(v.today(), reason);
      return Map.of(ProcessVariables.PARTICIPATION_STARTED, false);
    }
    var firstMeetingOn = v.date("firstMeetingOn", "Församtal hölls", true);
    String mapping = v.text("mappingSummary", "Kartläggning", true, 4000);
    var agreementOn = v.date("agreementSignedOn", "Avtal undertecknat", true);
    var startDate = v.date("startedOn", "Deltagandet startar", true);
    var parties = v.codes("consentParties", "Samtycke gäller parter", CodeSet.PARTY);
    var categories = v.codes("consentCategories", "Informationskategorier", CodeSet.CONSENT_CATEGORY);
    var directions = v.codes("consentDirections", "Riktning", CodeSet.CONSENT_DIRECTION);
    String purpose = v.text("consentPurpose", "Syfte", true, 500);
    var consentOn = v.date("consentGivenOn", "Samtycke lämnat", true);
    v.check(!parties.isEmpty() && !categories.isEmpty() && !directions.isEmpty(),
        "Samtycke: välj minst en part, en informationskategori och en riktning. Utan samtycke kan samverkan inte starta.");
    v.check(firstMeetingOn == null || !firstMeetingOn.isBefore(caseFile.getReferredOn()),
        "Församtal hölls: kan inte vara före remissdatum (" + caseFile.getReferredOn() + ").");
    v.check(startDate == null || agreementOn == null || !startDate.isBefore(agreementOn),
        "Deltagandet startar: kan inte vara före avtalet undertecknades.");
    v.check(startDate == null || consentOn == null || !startDate.isBefore(consentOn),
        "Deltagandet startar: samtycket måste finnas när deltagandet startar.");
    v.requireValid();

    consents.give(caseFile.getId(), parties, categories, directions, purpose, consentOn);
    caseFile.start(firstMeetingOn, mapping, agreementOn, startDate);
    return Map.of(ProcessVariables.PARTICIPATION_STARTED, true,
        ProcessVariables.START_DATE, EngineClock.toDate(startDate),
        ProcessVariables.MEETING_NUMBER, 1);
  }
}
