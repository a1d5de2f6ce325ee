package se.stegvis.referral;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.form.CaseForm;
import se.stegvis.form.FormSubmission;
import se.stegvis.time.EngineClock;

/** "Ny remiss", the start form a referrer fills in Tasklist. */
@Component
class ReferralStartForm implements CaseForm {

  private final ReferralService referrals;

  ReferralStartForm(ReferralService referrals) {
    this.referrals = referrals;
  }

  @Override
  public String formId() {
    return "referral-start";
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    var request = ReferralRequest.read(submission.values());
    var caseFile = referrals.register(request, submission.userId(), Referral.Channel.TASKLIST);
    return Map.of(ProcessVariables.CASE_ID, caseFile.getId(),
        ProcessVariables.REFERRAL_DATE, EngineClock.toDate(request.referredOn()));
  }
}
