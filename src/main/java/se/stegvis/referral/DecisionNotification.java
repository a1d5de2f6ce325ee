package se.stegvis.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.Notification.Recipient;
import se.stegvis.casefile.Notifications;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.consent.Consents;

/**
 * Tells the person and the referrer what the working group decided, so nobody waits unheard; the
 * referrer only while the person's consent towards the referring party stands.
 */
@Component("decisionNotification")
class DecisionNotification implements JavaDelegate {

  private final CaseFileRepository caseFiles;
  private final ReferralRepository referrals;
  private final Notifications notifications;
  private final ReferenceCodes codes;
  private final Consents consents;

  DecisionNotification(CaseFileRepository caseFiles, ReferralRepository referrals, Notifications notifications,
      ReferenceCodes codes, Consents consents) {
    this.consents = consents;
    this.caseFiles = caseFiles;
    this.referrals = referrals;
    this.notifications = notifications;
    this.codes = codes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile caseFile = caseFiles.findById((Long) execution.getVariable(ProcessVariables.CASE_ID)).orElseThrow();
    Referral referral = referrals.findByCaseId(caseFile.getId()).orElseThrow();
    String project = caseFile.getProject().getName();
    String decision = codes.label(CodeSet.INTAKE_DECISION, referral.getDecision());
    notifications.notify(caseFile.getId(), Recipient.PERSON, caseFile.getParticipant().getEmail(),
        "Beslut om " + project,
        "Beslut " + referral.getDecidedOn() + " om remissen till " + project + ": " + decision + ". "
            + explanation(referral, "Din coach kontaktar dig inom kort för ett första samtal."));
    if (consents.sharingWithdrawn(caseFile.getId(), referral.getParty())) {
      // The person withdrew consent towards the referring party: nothing more is shared with it.
      return;
    }
    notifications.notify(caseFile.getId(), Recipient.REFERRER, referral.getReferrerEmail(),
        "Beslut om remiss " + caseFile.getCaseNumber(),
        "Beredningsgruppen för " + project + " har " + referral.getDecidedOn() + " beslutat om remiss "
            + caseFile.getCaseNumber() + ": " + decision + ". "
            + explanation(referral, "Deltagaren får en coach som tar kontakt för ett första samtal."));
  }

  /** Why, or what comes next; an accepted referral's next step is told to each reader in their own terms. */
  private static String explanation(Referral referral, String whenAccepted) {
    return switch (referral.getDecision()) {
      case IntakeDecisionForm.ACCEPTED -> whenAccepted;
      case IntakeDecisionForm.OTHER_MEASURE_FIRST -> "Beredningsgruppen föreslår först: " + referral.getOtherMeasure() + ".";
      default -> "Motivering: " + referral.getDecisionReason();
    };
  }
}
