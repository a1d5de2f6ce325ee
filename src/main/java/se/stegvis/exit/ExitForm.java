package se.stegvis.exit;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.CodeSet;
import se.stegvis.consent.Consents;
import se.stegvis.form.CaseForm;
import se.stegvis.form.FormSubmission;
import se.stegvis.referral.ReferralRepository;
import se.stegvis.survey.Survey;
import se.stegvis.survey.Surveys;
import se.stegvis.time.EngineClock;

/**
 * "Avsluta deltagande", available throughout participation: a planned exit, a dropout, or a
 * withdrawn consent (which ends the joint work and is recorded against every consent).
 */
@Component
class ExitForm implements CaseForm {

  static final String DROPPED_OUT = "DROPPED_OUT";
  private static final Set<String> IN_WORK_OR_STUDIES = Set.of("WORK", "STUDIES", "WORK_AND_STUDIES");

  private final CaseExitRepository exits;
  private final Consents consents;
  private final Surveys surveys;
  private final EngineClock clock;
  private final ReferralRepository referrals;

  ExitForm(CaseExitRepository exits, Consents consents, Surveys surveys,
      EngineClock clock, ReferralRepository referrals) {
    this.exits = exits;
    this.consents = consents;
    this.surveys = surveys;
    this.clock = clock;
    this.referrals = referrals;
  }

  @Override
  public String formId() {
    return "exit";
  }

  /** The income source at referral, as a starting point: the coach changes it if it changed. */
  @Override
  public Map<String, Object> prefill(CaseFile caseFile, String processInstanceId) {
    return referrals.findByCaseId(caseFile.getId())
        .<Map<String, Object>>map(r -> Map.of("incomeSource", r.getIncomeSource())).orElse(Map.of());
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    var v = submission.values();
    CaseFile caseFile = submission.caseFile();
    var exitDate = v.date("exitedOn", "Avslutsdatum", true);
    String outcome = v.code("outcome", "Status vid avslut", CodeSet.EXIT_OUTCOME, true);
    boolean consentWithdrawn = v.flag("consentWithdrawn", "Samtycket återkallat");
    String income = v.code("incomeSource", "Försörjning vid avslut", CodeSet.INCOME_SOURCE, true);
    Integer extent = v.number("extentPercent", "Omfattning arbete/studier i %", 0, 100,
        IN_WORK_OR_STUDIES.contains(outcome));
    String receiving = v.code("receivingParty", "Mottagande part", CodeSet.RECEIVING_PARTY, true);
    String nextStep = v.text("nextStep", "Nästa steg / överlämning", true, 4000);
    var answers = surveys.read(Survey.EXIT, v);
    v.check(exitDate == null || !exitDate.isBefore(caseFile.getStartedOn()),
        "Avslutsdatum: kan inte vara före deltagandets start (" + caseFile.getStartedOn() + ").");
    v.check(!consentWithdrawn || DROPPED_OUT.equals(outcome),
        "Status vid avslut: när samtycket återkallas avbryts samverkan, välj \"Avbrutit\".");
    v.requireValid();

    exits.save(new CaseExit(caseFile.getId(), exitDate, outcome, consentWithdrawn, income, extent, receiving, nextStep,
        submission.userId(), clock.now()));
    surveys.save(caseFile.getId(), Survey.EXIT, answers);
    if (consentWithdrawn) {
      consents.withdrawAll(caseFile.getId(), exitDate);
    }
    caseFile.exit(exitDate);
    return Map.of(ProcessVariables.EXIT_DATE, EngineClock.toDate(exitDate));
  }
}
