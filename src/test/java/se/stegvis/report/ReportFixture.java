package se.stegvis.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectGoal;
import se.stegvis.casefile.ProjectGoal.Metric;
import se.stegvis.casefile.ProjectGoalRepository;
import se.stegvis.support.CaseProcessTest;

/**
 * The report fixture, built once per database through the real process: project RAPPORT
 * (planned 12 a year, managers "chefrapport") with twelve people around the first half of 2032,
 * several on the period's edges, and project RAPPORTB (managers "chefrapportb") with one person.
 * Every expected figure in the tests is computed by hand from the table below.
 *
 * <pre>
 *   born        gender      party   referred    decision         started     exited / other
 * A 1990-03-15  WOMAN       SOC     2031-11-20  ACC 2031-11-27   2031-12-01  exit 2032-01-01 (= from)
 * B 2010-05-10  MAN         AF      2032-01-01  ACC 2032-01-10   2032-01-20  plan 02-01, meeting 1 on 03-25 (late)
 *                                   (= from)
 * C 1975-06-01  WOMAN       FK      2031-12-20  ACC 2032-01-05   2032-02-15  plan 02-20, meeting 1 on 04-10,
 *                                               (late)                       exit 2032-06-30 (= to)
 * D reserve no. OTHER       REGION  2032-06-16  undecided (intake due 06-30, still open at noon that day)
 * E 1999-08-01  MAN         SOC     2032-06-20  ACC 2032-06-25   2032-07-01 (the day after to)
 * F 2008-02-10  WOMAN       AF      2032-02-01  NOT_TARGET 02-10
 * G 1966-01-15  MAN         AF      2032-03-01  OTHER_MEASURE_FIRST 03-20 (late)
 * H 2005-04-01  WOMAN       SOC     2032-04-01  WITHDRAWN 04-05   (27 on the referral day)
 * I 2002-03-10  MAN         FK      2032-03-10  undecided, intake deadline missed (timer fired 03-25)
 * J 2007-06-15  WOMAN       SOC     2032-06-01  ACC 2032-06-10   2032-06-30 (= to; 24 at referral, 25 at start)
 * K 1996-09-01  NOT_STATED  REGION  2031-08-20  ACC 2031-08-25   2031-09-01  (35 at start), nothing done since
 * L 1980-02-02  WOMAN       AF      2031-09-15  ACC 2031-09-20   2031-10-01  exit 2031-12-31 (the day before from)
 * M 1988-08-08  MAN         AF      2032-02-01  ACC 2032-02-05   2032-02-10  project RAPPORTB
 * </pre>
 * Project RAPPORTC (planned 10 a year, managers "chefrapportc", three effect goals: 10 participants
 * a year, 70 % to placement, work or studies, 50 % self-sufficient) holds the outcome cases, each
 * accepted five days after referral:
 * <pre>
 *   support income at start   referred    started     exit: outcome, income (exit survey)      follow-up: status, income (survey)
 * N Y2  SOCIAL_ASSISTANCE     2031-01-10  2031-02-01  2031-08-15 WORK SALARY (4,5,4,3)          2032-02-20 WORK SALARY (5,4,5)
 * O LT1 UNEMPLOYMENT_INS.     2031-03-01  2031-03-20  2031-12-31 (the day before from)          2032-06-30 (= to) STUDIES
 *                                                     STUDIES STUDENT_AID (3,3,2,2)               STUDENT_AID (4,4,4)
 * P GT5 SICKNESS_BENEFIT      2031-04-01  2031-05-01  2031-09-30 DROPPED_OUT SICKNESS_BENEFIT   2032-04-10 NO_ACTION SOCIAL_ASSISTANCE
 * W Y1  SOCIAL_ASSISTANCE     2031-02-01  2031-03-01  2031-06-15 MOVED OTHER                    2032-03-15 not reached (due 2032-06-15)
 * U LT1 SOCIAL_ASSISTANCE     2031-06-01  2031-07-01  2031-12-20 WORK SALARY                    2032-07-01 (the day after to) WORK
 *                                                                                                 SALARY (1,1,1)
 * V Y2  SICKNESS_COMPENSATION 2031-10-01  2031-10-15  2032-01-01 (= from) WORK SALARY (4,4,5,4)
 * Q Y1  SOCIAL_ASSISTANCE     2031-11-01  2032-01-01  2032-05-15 WORK_AND_STUDIES SALARY (5,-,4,-)
 * X LT1 SOCIAL_ASSISTANCE     2031-12-01  2032-01-10  2032-03-31 SICK_LEAVE SICKNESS_BENEFIT
 * R Y3  ACTIVITY_SUPPORT      2032-01-15  2032-02-01  2032-06-30 (= to) JOB_SEEKING UNEMPLOYMENT_INSURANCE (2,3,3,1);
 *                                                     one placement 2032-03-01 to 04-30 (61 days)
 * S Y5  SOCIAL_ASSISTANCE     2032-02-01  2032-03-01  (active)
 * T Y4  SOCIAL_ASSISTANCE     2032-06-20  2032-07-01 (the day after to)
 * </pre>
 * Exit survey: quality of life, participation, support, future planning; follow-up survey:
 * rating, own effort, life improved.
 * Reports are computed at noon on 30 June 2032 ({@link #NOW}).
 */
abstract class ReportFixture extends CaseProcessTest {

  static final String PROJECT = "RAPPORT";
  static final String OTHER_PROJECT = "RAPPORTB";
  static final String MANAGERS = "chefrapport";
  static final String OTHER_MANAGERS = "chefrapportb";
  static final String OUTCOME_PROJECT = "RAPPORTC";
  static final String OUTCOME_MANAGERS = "chefrapportc";

  @Autowired ProjectGoalRepository goals;
  static final LocalDate FROM = LocalDate.of(2032, 1, 1);
  static final LocalDate TO = LocalDate.of(2032, 6, 30);
  static final LocalTime NOON = LocalTime.of(12, 0);

  @BeforeEach
  void fixture() {
    if (projects.findByCode(PROJECT).isPresent()) {
      return;
    }
    ensureProjectAndStaff();
    projects.save(new Project(PROJECT, "Rapportprojektet", 12, MANAGERS));
    projects.save(new Project(OTHER_PROJECT, "Det andra projektet", 5, OTHER_MANAGERS));

    CaseFile a = referral(PROJECT, day(2031, 11, 20), personnummer(day(1990, 3, 15), 981), "WOMAN", "SOC");
    accept(a, day(2031, 11, 27));
    start(a, day(2031, 12, 1));
    exit(a, FROM);

    CaseFile b = referral(PROJECT, FROM, personnummer(day(2010, 5, 10), 982), "MAN", "AF");
    accept(b, day(2032, 1, 10));
    start(b, day(2032, 1, 20));
    completeOn(day(2032, 2, 1), b, "makeActionPlan", COACH, actionPlan(day(2032, 2, 1)));
    completeOn(day(2032, 3, 25), b, "holdMeeting", COACH, meeting(day(2032, 3, 25)));

    CaseFile c = referral(PROJECT, day(2031, 12, 20), personnummer(day(1975, 6, 1), 983), "WOMAN", "FK");
    accept(c, day(2032, 1, 5));
    start(c, day(2032, 2, 15));
    completeOn(day(2032, 2, 20), c, "makeActionPlan", COACH, actionPlan(day(2032, 2, 20)));
    completeOn(day(2032, 4, 10), c, "holdMeeting", COACH, meeting(day(2032, 4, 10)));
    exit(c, TO);

    referral(PROJECT, day(2032, 6, 16), "R-RAPPORTD1", "OTHER", "REGION");

    CaseFile e = referral(PROJECT, day(2032, 6, 20), personnummer(day(1999, 8, 1), 985), "MAN", "SOC");
    accept(e, day(2032, 6, 25));
    start(e, TO.plusDays(1));

    CaseFile f = referral(PROJECT, day(2032, 2, 1), personnummer(day(2008, 2, 10), 986), "WOMAN", "AF");
    completeOn(day(2032, 2, 10), f, "decideIntake", WORKING_GROUP_MEMBER, form("decision", "NOT_TARGET_GROUP",
        "reason", text("Ej målgrupp: har redan arbete"), "decidedOn", "2032-02-10"));

    CaseFile g = referral(PROJECT, day(2032, 3, 1), personnummer(day(1966, 1, 15), 987), "MAN", "AF");
    completeOn(day(2032, 3, 20), g, "decideIntake", WORKING_GROUP_MEMBER, form("decision", "OTHER_MEASURE_FIRST",
        "otherMeasure", text("Rehabilitering först"), "decidedOn", "2032-03-20"));

    CaseFile h = referral(PROJECT, day(2032, 4, 1), personnummer(day(2005, 4, 1), 988), "WOMAN", "SOC");
    completeOn(day(2032, 4, 5), h, "decideIntake", WORKING_GROUP_MEMBER, form("decision", "WITHDRAWN",
        "reason", text("Remittenten återtog remissen"), "decidedOn", "2032-04-05"));

    CaseFile i = referral(PROJECT, day(2032, 3, 10), personnummer(day(2002, 3, 10), 989), "MAN", "FK");
    clockAt(day(2032, 3, 25), MORNING);
    fireDueTimers(i);

    CaseFile j = referral(PROJECT, day(2032, 6, 1), personnummer(day(2007, 6, 15), 990), "WOMAN", "SOC");
    accept(j, day(2032, 6, 10));
    start(j, TO);

    CaseFile k = referral(PROJECT, day(2031, 8, 20), personnummer(day(1996, 9, 1), 991), "NOT_STATED", "REGION");
    accept(k, day(2031, 8, 25));
    start(k, day(2031, 9, 1));

    CaseFile l = referral(PROJECT, day(2031, 9, 15), personnummer(day(1980, 2, 2), 992), "WOMAN", "AF");
    accept(l, day(2031, 9, 20));
    start(l, day(2031, 10, 1));
    exit(l, FROM.minusDays(1));

    CaseFile m = referral(OTHER_PROJECT, day(2032, 2, 1), personnummer(day(1988, 8, 8), 993), "MAN", "AF");
    accept(m, day(2032, 2, 5));
    start(m, day(2032, 2, 10));

    outcomeCases();
  }

  private void outcomeCases() {
    Project outcomes = projects.save(new Project(OUTCOME_PROJECT, "Effektprojektet", 10, OUTCOME_MANAGERS));
    goals.saveAll(List.of(
        new ProjectGoal(outcomes, "10 deltagare per år", Metric.PARTICIPANTS_PER_YEAR, new BigDecimal("10")),
        new ProjectGoal(outcomes, "70 % till praktik, arbete eller studier", Metric.SHARE_TO_WORK_STUDIES_OR_PLACEMENT,
            new BigDecimal("70")),
        new ProjectGoal(outcomes, "50 % egen försörjning inom 12 månader",
            Metric.SHARE_SELF_SUFFICIENT_WITHIN_12_MONTHS, new BigDecimal("50"))));

    CaseFile n = outcomeCase(day(2031, 1, 10), day(1985, 1, 20), "WOMAN", "Y2", "SOCIAL_ASSISTANCE", day(2031, 2, 1));
    exit(n, day(2031, 8, 15), "WORK", "SALARY", exitSurvey(4, 5, 4, 3));
    followUp(n, day(2031, 8, 15), day(2032, 2, 20), "WORK", "SALARY", followUpSurvey(5, 4, 5));

    CaseFile o = outcomeCase(day(2031, 3, 1), day(1992, 4, 4), "MAN", "LT1", "UNEMPLOYMENT_INSURANCE",
        day(2031, 3, 20));
    exit(o, FROM.minusDays(1), "STUDIES", "STUDENT_AID", exitSurvey(3, 3, 2, 2));
    followUp(o, FROM.minusDays(1), TO, "STUDIES", "STUDENT_AID", followUpSurvey(4, 4, 4));

    CaseFile p = outcomeCase(day(2031, 4, 1), day(1970, 7, 7), "MAN", "GT5", "SICKNESS_BENEFIT", day(2031, 5, 1));
    exit(p, day(2031, 9, 30), "DROPPED_OUT", "SICKNESS_BENEFIT", Map.of());
    followUp(p, day(2031, 9, 30), day(2032, 4, 10), "NO_ACTION", "SOCIAL_ASSISTANCE", Map.of());

    CaseFile w = outcomeCase(day(2031, 2, 1), day(1999, 9, 9), "WOMAN", "Y1", "SOCIAL_ASSISTANCE", day(2031, 3, 1));
    exit(w, day(2031, 6, 15), "MOVED", "OTHER", Map.of());
    followUp(w, day(2031, 6, 15), day(2032, 3, 15), null, null, Map.of());

    CaseFile u = outcomeCase(day(2031, 6, 1), day(1994, 12, 12), "MAN", "LT1", "SOCIAL_ASSISTANCE", day(2031, 7, 1));
    exit(u, day(2031, 12, 20), "WORK", "SALARY", Map.of());
    followUp(u, day(2031, 12, 20), TO.plusDays(1), "WORK", "SALARY", followUpSurvey(1, 1, 1));

    CaseFile v = outcomeCase(day(2031, 10, 1), day(1980, 5, 5), "WOMAN", "Y2", "SICKNESS_COMPENSATION",
        day(2031, 10, 15));
    exit(v, FROM, "WORK", "SALARY", exitSurvey(4, 4, 5, 4));

    CaseFile q = outcomeCase(day(2031, 11, 1), day(2001, 1, 1), "WOMAN", "Y1", "SOCIAL_ASSISTANCE", FROM);
    exit(q, day(2032, 5, 15), "WORK_AND_STUDIES", "SALARY", Map.of("surveyQualityOfLife", "5", "surveySupport", "4"));

    CaseFile x = outcomeCase(day(2031, 12, 1), day(1977, 3, 3), "MAN", "LT1", "SOCIAL_ASSISTANCE", day(2032, 1, 10));
    exit(x, day(2032, 3, 31), "SICK_LEAVE", "SICKNESS_BENEFIT", Map.of());

    CaseFile r = outcomeCase(day(2032, 1, 15), day(1995, 6, 6), "MAN", "Y3", "ACTIVITY_SUPPORT", day(2032, 2, 1));
    // The placement process is tested in placement/; here only its dates matter.
    jdbc.update("insert into placement (case_id, sequence, status, sector_wish, requested_on, planned_start, ended_on,"
        + " outcome, version) values (?, 1, 'ENDED', 'RETAIL', ?, ?, ?, 'ENDED_AS_PLANNED', 0)",
        r.getId(), day(2032, 2, 15), day(2032, 3, 1), day(2032, 4, 30));
    exit(r, TO, "JOB_SEEKING", "UNEMPLOYMENT_INSURANCE", exitSurvey(2, 3, 3, 1));

    outcomeCase(day(2032, 2, 1), day(1990, 10, 10), "WOMAN", "Y5", "SOCIAL_ASSISTANCE", day(2032, 3, 1));
    outcomeCase(day(2032, 6, 20), day(1998, 8, 8), "MAN", "Y4", "SOCIAL_ASSISTANCE", TO.plusDays(1));
  }

  private static int outcomeSerial = 500;

  /** A RAPPORTC case referred, accepted five days later and started on {@code startedOn}. */
  private CaseFile outcomeCase(LocalDate referredOn, LocalDate born, String gender, String timeInSupport,
      String income, LocalDate startedOn) {
    clockAt(referredOn, MORNING);
    Map<String, Object> form = newPersonReferral(referredOn);
    form.put("projectCode", OUTCOME_PROJECT);
    form.put("identityNumber", personnummer(born, outcomeSerial++));
    form.put("gender", gender);
    form.put("timeInSupport", timeInSupport);
    form.put("incomeSource", income);
    CaseFile c = refer(form);
    accept(c, referredOn.plusDays(5));
    start(c, startedOn);
    return c;
  }

  private void exit(CaseFile c, LocalDate on, String outcome, String income, Map<String, Object> survey) {
    Map<String, Object> form = exit(on, outcome);
    form.put("incomeSource", income);
    form.putAll(survey);
    completeOn(on, c, "exitParticipation", COACH, form);
  }

  /** The follow-up task appears six months after exit; a {@code null} status means the person was not reached. */
  private void followUp(CaseFile c, LocalDate exitedOn, LocalDate on, String status, String income,
      Map<String, Object> survey) {
    clockAt(exitedOn.plusMonths(6), LocalTime.MIDNIGHT);
    fireDueTimers(c);
    Map<String, Object> form = status == null
        ? form("followedUpOn", on.toString(), "reached", false, "note", text("Gick inte att nå per telefon"))
        : followUp(on);
    if (status != null) {
      form.put("status", status);
      form.put("incomeSource", income);
    }
    form.putAll(survey);
    completeOn(on, c, "followUp", COACH, form);
  }

  private static Map<String, Object> exitSurvey(int qualityOfLife, int participation, int support, int future) {
    return Map.of("surveyQualityOfLife", String.valueOf(qualityOfLife), "surveyParticipation",
        String.valueOf(participation), "surveySupport", String.valueOf(support), "surveyFuturePlanning",
        String.valueOf(future));
  }

  private static Map<String, Object> followUpSurvey(int rating, int ownEffort, int lifeImproved) {
    return Map.of("surveyRating", String.valueOf(rating), "surveyOwnEffort", String.valueOf(ownEffort),
        "surveyLifeImproved", String.valueOf(lifeImproved));
  }

  /** The moment the reports are computed: noon on the period's last day. */
  void atReportTime() {
    clockAt(TO, NOON);
  }

  static LocalDate day(int year, int month, int dayOfMonth) {
    return LocalDate.of(year, month, dayOfMonth);
  }

  private CaseFile referral(String project, LocalDate on, String identityNumber, String gender, String party) {
    clockAt(on, MORNING);
    Map<String, Object> form = newPersonReferral(on);
    form.put("projectCode", project);
    form.put("identityNumber", identityNumber);
    form.put("gender", gender);
    form.put("party", party);
    return refer(form);
  }

  private void accept(CaseFile c, LocalDate on) {
    completeOn(on, c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(on));
  }

  private void start(CaseFile c, LocalDate on) {
    completeOn(on, c, "startParticipation", COACH, participationStart(on));
  }

  private void exit(CaseFile c, LocalDate on) {
    completeOn(on, c, "exitParticipation", COACH, exit(on, "WORK"));
  }

  static List<String> groups(String group) {
    return List.of(group);
  }
}
