package se.stegvis.referral;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import se.stegvis.caseload.CoachLoads;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.CodeSet;
import se.stegvis.form.CaseForm;
import se.stegvis.form.FormSubmission;
import se.stegvis.identity.Groups;

/** "Besluta om insats": the working group accepts the person with a coach, or says why not. */
@Component
class IntakeDecisionForm implements CaseForm {

  static final String ACCEPTED = "ACCEPTED";
  static final String NOT_TARGET_GROUP = "NOT_TARGET_GROUP";
  static final String OTHER_MEASURE_FIRST = "OTHER_MEASURE_FIRST";
  static final String WITHDRAWN = "WITHDRAWN";

  private final ReferralRepository referrals;
  private final IdentityService identityService;
  private final CoachLoads coachLoads;

  IntakeDecisionForm(ReferralRepository referrals, IdentityService identityService, CoachLoads coachLoads) {
    this.referrals = referrals;
    this.coachLoads = coachLoads;
    this.identityService = identityService;
  }

  @Override
  public String formId() {
    return "intake-decision";
  }

  @Override
  public StepDateField stepDate() {
    return new StepDateField("decidedOn", "Beslutsdatum");
  }

  /**
   * The coaches to choose from, by name, stored with the task when it is created. Whoever opens the
   * form gets each one with her load as it is then ("Anna Lind – 7 pågående, 2 försenade";
   * {@link CurrentCoachLoads}), so the loads are counted when someone reads them, not on every
   * referral: staff ids, names and counts, no participant data.
   */
  @Override
  public Map<String, Object> prefill(CaseFile caseFile, String processInstanceId) {
    List<Map<String, String>> byName = coaches().stream().map(u -> option(u, name(u))).toList();
    return Map.of(ProcessVariables.COACH_OPTIONS, SpinValues.jsonValue(Spin.JSON(byName)).create());
  }

  /** Each coach with her load now, in the order of the form's list (by last name). */
  List<Map<String, String>> coachOptions() {
    List<User> coaches = coaches();
    var loads = coachLoads.of(coaches.stream().map(User::getId).toList());
    return coaches.stream()
        .map(u -> option(u, name(u) + " – " + loads.getOrDefault(u.getId(), new CoachLoads.Load(0, 0)).label()))
        .toList();
  }

  private static Map<String, String> option(User coach, String label) {
    return Map.of("label", label, "value", coach.getId());
  }

  @Override
  public Map<String, Object> submit(FormSubmission submission) {
    var v = submission.values();
    CaseFile caseFile = submission.caseFile();
    String decision = v.code("decision", "Beslut", CodeSet.INTAKE_DECISION, true);
    String coach = v.text("coach", "Coach", ACCEPTED.equals(decision), 64);
    String reason = v.text("reason", "Motivering",
        NOT_TARGET_GROUP.equals(decision) || WITHDRAWN.equals(decision), 4000);
    String otherMeasure = v.text("otherMeasure", "Vilken insats först", OTHER_MEASURE_FIRST.equals(decision), 200);
    var decidedOn = v.date("decidedOn", "Beslutsdatum", true);
    v.check(decidedOn == null || !decidedOn.isBefore(caseFile.getReferredOn()),
        "Beslutsdatum: kan inte vara före remissdatum (" + caseFile.getReferredOn() + ").");
    v.check(coach == null || !ACCEPTED.equals(decision) || coaches().stream().anyMatch(u -> u.getId().equals(coach)),
        "Coach: \"" + coach + "\" är inte en coach i Stegvis.");
    v.requireValid();

    referrals.findByCaseId(caseFile.getId()).orElseThrow()
        .decide(decision, reason, otherMeasure, decidedOn, submission.userId());
    if (ACCEPTED.equals(decision)) {
      caseFile.accept(coach, decidedOn);
      return Map.of(ProcessVariables.DECISION, decision, ProcessVariables.COACH, coach);
    }
    caseFile.close(decidedOn, reason != null ? reason : otherMeasure);
    return Map.of(ProcessVariables.DECISION, decision);
  }

  /** "Anna Lind"; the user id for a user without a name. */
  private static String name(User u) {
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
        + (u.getLastName() == null ? "" : u.getLastName())).strip();
    return name.isEmpty() ? u.getId() : name;
  }

  private List<User> coaches() {
    return identityService.createUserQuery().memberOfGroup(Groups.COACHES).orderByUserLastName().asc().list();
  }
}
