package se.stegvis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.support.AlsoOnPostgres;

/**
 * Every report table against the hand-computed figures of {@link ReportFixture}: the first half
 * of 2032 (182 days of a 366-day year), reports computed at noon on 30 June 2032.
 */
@DisplayName("Rapporter: deltagare, remisser, väntetider, tidsfrister och nationell uppföljning")
@AlsoOnPostgres
class ReportFiguresTest extends ReportFixture {

  static final ReportPeriod HALF_YEAR = new ReportPeriod(FROM, TO);

  @Autowired Reports reports;

  @Test
  @DisplayName("deltagare: remitterade, startade, aktiva och avslutade per kön och åldersgrupp, mot planerat antal")
  void participants() {
    asManager(MANAGERS);
    var table = reports.participants(PROJECT, HALF_YEAR);
    assertParticipants(table);
    assertThat(table.planned()).singleElement().satisfies(p -> {
      assertThat(p.project()).isEqualTo(PROJECT);
      assertThat(p.perYear()).isEqualTo(12);
      assertThat(p.forPeriod()).as("12 × 182/366 = 5.967").isEqualByComparingTo("6.0");
      assertThat(p.started()).isEqualTo(3);
      assertThat(p.startedPercent()).as("3 / 5.967").isEqualByComparingTo("50.3");
    });
  }

  static void assertParticipants(Reports.ParticipantTable table) {
    var rows = table.rows();
    assertThat(rows).extracting(Reports.ParticipantRow::measure)
        .containsExactly("REFERRED", "STARTED", "ACTIVE", "EXITED");
    // Referred: B (on from), D, E, F, G, H, I, J; not A, C, K, L (referred in 2031).
    assertThat(rows.get(0).total()).isEqualTo(8);
    assertThat(rows.get(0).byGender()).isEqualTo(genders(3, 4, 1, 0));
    assertThat(rows.get(0).byAgeBand()).isEqualTo(bands(0, 2, 2, 2, 0, 1, 1));
    // Started: B, C, J (on to); not E (the day after to).
    assertThat(rows.get(1).total()).isEqualTo(3);
    assertThat(rows.get(1).byGender()).isEqualTo(genders(2, 1, 0, 0));
    assertThat(rows.get(1).byAgeBand()).isEqualTo(bands(0, 1, 1, 0, 1, 0, 0));
    // Active: A (exited on from), B, C, J, K; not L (exited the day before from), not E.
    assertThat(rows.get(2).total()).isEqualTo(5);
    assertThat(rows.get(2).byGender()).isEqualTo(genders(3, 1, 0, 1));
    assertThat(rows.get(2).byAgeBand()).isEqualTo(bands(0, 1, 1, 1, 2, 0, 0));
    // Exited: A (on from), C (on to); not L.
    assertThat(rows.get(3).total()).isEqualTo(2);
    assertThat(rows.get(3).byGender()).isEqualTo(genders(2, 0, 0, 0));
    assertThat(rows.get(3).byAgeBand()).isEqualTo(bands(0, 0, 0, 0, 2, 0, 0));
    assertThat(table.genders()).extracting(Reports.Code::code).containsExactly("WOMAN", "MAN", "OTHER", "NOT_STATED");
    assertThat(table.ageBands()).extracting(Reports.Code::label)
        .containsExactly("Under 18", "18–24", "25–29", "30–35", "36–65", "66+", "Okänd");
  }

  @Test
  @DisplayName("remisser per remitterande part: antagna, ej målgrupp, annan insats först, återtagna, obeslutade")
  void referralsByParty() {
    asManager(MANAGERS);
    assertReferrals(reports.referrals(PROJECT, HALF_YEAR));
  }

  static void assertReferrals(Reports.ReferralTable table) {
    assertThat(table.rows()).extracting(Reports.ReferralRow::party).containsExactly("SOC", "AF", "FK", "REGION");
    // SOC: E, J accepted, H withdrawn. AF: B accepted, F not target group, G other measure first.
    // FK: I undecided (C was referred in 2031). REGION: D undecided (K was referred in 2031).
    assertThat(table.rows()).containsExactly(
        new Reports.ReferralRow("SOC", "Socialtjänsten", 3, 2, 0, 0, 1, 0),
        new Reports.ReferralRow("AF", "Arbetsförmedlingen", 3, 1, 1, 1, 0, 0),
        new Reports.ReferralRow("FK", "Försäkringskassan", 1, 0, 0, 0, 0, 1),
        new Reports.ReferralRow("REGION", "Region (hälso- och sjukvård)", 1, 0, 0, 0, 0, 1));
    assertThat(table.total()).isEqualTo(new Reports.ReferralRow(null, "Totalt", 8, 3, 1, 1, 1, 2));
  }

  @Test
  @DisplayName("väntetider i dagar: antal, median och 90:e percentil (närmaste rang)")
  void waitingTimes() {
    asManager(MANAGERS);
    assertWaitingTimes(reports.waitingTimes(PROJECT, HALF_YEAR));
  }

  static void assertWaitingTimes(Reports.WaitingTable table) {
    // Decided in the period: H 4, E 5, B 9, F 9, J 9, C 16 (referred in 2031), G 19; A decided in 2031.
    // Median the 4th of 7 = 9; 90th percentile rank ⌈0.9 × 7⌉ = 7 → 19.
    assertThat(table.rows()).containsExactly(
        new Reports.WaitingRow("REFERRAL_TO_DECISION", "Remiss → beslut", 7, new BigDecimal("9.0"), 19),
        // Started in the period: B 10, J 20, C 41 (E starts the day after to).
        new Reports.WaitingRow("DECISION_TO_START", "Beslut → start", 3, new BigDecimal("20.0"), 41),
        // B 19, J 29, C 57 (20 Dec 2031 to 15 Feb 2032).
        new Reports.WaitingRow("REFERRAL_TO_START", "Remiss → start", 3, new BigDecimal("29.0"), 57));
  }

  @Test
  @DisplayName("tidsfrister som löper ut i perioden: i tid, sent, missade, öppna, avbrutna och andel i tid")
  void deadlineCompliance() {
    asManager(MANAGERS);
    atReportTime();
    assertDeadlines(reports.deadlines(PROJECT, HALF_YEAR));
  }

  static void assertDeadlines(Reports.DeadlineTable table) {
    Map<String, Reports.DeadlineRowFigures> byKind = new LinkedHashMap<>();
    table.rows().forEach(r -> byKind.put(r.kind(), r));
    assertThat(byKind.keySet()).containsExactly("INTAKE_DECISION", "PLAN", "MEETING", "PROPOSAL", "FOLLOW_UP",
        "PLACEMENT_MATCH", "PLACEMENT_FIRST_VISIT", "PLACEMENT_WORK_PLAN", "PLACEMENT_VISIT");
    // Intake: B, F, H, J on time; C (due 3 Jan) and G late; I missed; D due today at midnight, open.
    assertThat(byKind.get("INTAKE_DECISION")).isEqualTo(new Reports.DeadlineRowFigures("INTAKE_DECISION",
        "Beslut om insats (14 dagar)", 8, 4, 2, 1, 1, 0, new BigDecimal("57.1")));
    // Plan: B (due 3 Feb) and C (due 29 Feb) on time; J's is due 14 July.
    assertThat(byKind.get("PLAN")).isEqualTo(new Reports.DeadlineRowFigures("PLAN", "Handlingsplan (14 dagar)",
        2, 2, 0, 0, 0, 0, new BigDecimal("100.0")));
    // Meetings: C #1 on time, B #1 late, B #2 (due 20 May) still undone; C #2 (due 15 June) missed for
    // good when C left on 30 June; A #1 (due 1 Feb) cancelled by A's exit on 1 Jan.
    assertThat(byKind.get("MEETING")).isEqualTo(new Reports.DeadlineRowFigures("MEETING",
        "Flerpartssamtal (varannan månad)", 5, 1, 1, 2, 0, 1, new BigDecimal("25.0")));
    // Proposals: K's (due 1 March) undone; A's (1 June) and L's (1 April) cancelled at exit.
    assertThat(byKind.get("PROPOSAL")).isEqualTo(new Reports.DeadlineRowFigures("PROPOSAL",
        "Förslag till åtgärd (6 månader)", 3, 0, 0, 1, 0, 2, new BigDecimal("0.0")));
    for (String kind : List.of("FOLLOW_UP", "PLACEMENT_MATCH", "PLACEMENT_FIRST_VISIT", "PLACEMENT_WORK_PLAN",
        "PLACEMENT_VISIT")) {
      assertThat(byKind.get(kind).due()).as(kind).isZero();
      assertThat(byKind.get(kind).onTimePercent()).as(kind).isNull();
    }
    // 7 / (7 + 3 + 4).
    assertThat(table.total()).isEqualTo(new Reports.DeadlineRowFigures(null, "Totalt", 18, 7, 3, 4, 1, 3,
        new BigDecimal("50.0")));
  }

  @Test
  @DisplayName("nationell uppföljning: personer per insats, kön och år")
  void nationalFollowUp() {
    asManager(MANAGERS);
    assertThat(reports.nationalFollowUp(PROJECT, HALF_YEAR).rows()).containsExactly(
        new Reports.NationalRow(2032, PROJECT, "Rapportprojektet", 3, 1, 1, 5));
    // A year across two calendar years: 2031 counts A, K and L (from 1 July), 2032 as above.
    var twoYears = reports.nationalFollowUp(PROJECT, new ReportPeriod(day(2031, 7, 1), TO));
    assertThat(twoYears.rows()).containsExactly(
        new Reports.NationalRow(2031, PROJECT, "Rapportprojektet", 2, 0, 1, 3),
        new Reports.NationalRow(2032, PROJECT, "Rapportprojektet", 3, 1, 1, 5));
  }

  @Test
  @DisplayName("behörighet: projektets chefer ser det, också under alla insatser; en annan insats chefer ser inget av det")
  void managersSeeOnlyTheirOwnProjects() {
    atReportTime();
    asManager(MANAGERS);
    var all = reports.participants(null, HALF_YEAR);
    assertParticipants(all);
    assertThat(all.planned()).extracting(Reports.Planned::project).containsExactly(PROJECT);
    assertReferrals(reports.referrals(null, HALF_YEAR));
    assertWaitingTimes(reports.waitingTimes(null, HALF_YEAR));
    assertDeadlines(reports.deadlines(null, HALF_YEAR));
    assertThat(reports.nationalFollowUp(null, HALF_YEAR).rows()).extracting(Reports.NationalRow::project)
        .containsExactly(PROJECT);

    asManager(OTHER_MANAGERS);
    var strangers = reports.participants(PROJECT, HALF_YEAR);
    assertThat(strangers.rows()).allSatisfy(r -> assertThat(r.total()).isZero());
    assertThat(strangers.planned()).isEmpty();
    assertThat(reports.referrals(PROJECT, HALF_YEAR).total().referred()).isZero();
    assertThat(reports.waitingTimes(PROJECT, HALF_YEAR).rows()).allSatisfy(r -> {
      assertThat(r.count()).isZero();
      assertThat(r.medianDays()).isNull();
      assertThat(r.p90Days()).isNull();
    });
    assertThat(reports.deadlines(PROJECT, HALF_YEAR).total().due()).isZero();
    assertThat(reports.nationalFollowUp(PROJECT, HALF_YEAR).rows()).isEmpty();

    // Their own project: M, referred, accepted and started in February.
    var own = reports.participants(null, HALF_YEAR);
    assertThat(own.rows()).extracting(Reports.ParticipantRow::total).containsExactly(1L, 1L, 1L, 0L);
    assertThat(own.planned()).singleElement().satisfies(p -> {
      assertThat(p.project()).isEqualTo(OTHER_PROJECT);
      assertThat(p.forPeriod()).as("5 × 182/366 = 2.486").isEqualByComparingTo("2.5");
      assertThat(p.startedPercent()).as("1 / 2.486").isEqualByComparingTo("40.2");
    });
    // Intake on time (due 15 Feb); plan (due 24 Feb) and first meeting (due 10 April) undone.
    assertThat(reports.deadlines(null, HALF_YEAR).total()).isEqualTo(new Reports.DeadlineRowFigures(null, "Totalt",
        3, 1, 0, 2, 0, 0, new BigDecimal("33.3")));
    assertThat(reports.nationalFollowUp(null, HALF_YEAR).rows()).containsExactly(
        new Reports.NationalRow(2032, OTHER_PROJECT, "Det andra projektet", 0, 1, 0, 1));
  }

  @Test
  @DisplayName("kortare period: bara mars")
  void march() {
    asManager(MANAGERS);
    atReportTime();
    var march = new ReportPeriod(day(2032, 3, 1), day(2032, 3, 31));
    var participants = reports.participants(PROJECT, march);
    // Referred G (1 March) and I (10 March); active B, C and K; none started or exited.
    assertThat(participants.rows()).extracting(Reports.ParticipantRow::total).containsExactly(2L, 0L, 3L, 0L);
    assertThat(participants.planned()).singleElement().satisfies(p -> {
      assertThat(p.forPeriod()).as("12 × 31/366 = 1.016").isEqualByComparingTo("1.0");
      assertThat(p.startedPercent()).isEqualByComparingTo("0.0");
    });
    // Decided in March: G after 19 days.
    assertThat(reports.waitingTimes(PROJECT, march).rows().get(0))
        .isEqualTo(new Reports.WaitingRow("REFERRAL_TO_DECISION", "Remiss → beslut", 1, new BigDecimal("19.0"), 19));
    // Due in March: G's and I's intake, B's first meeting, K's proposal.
    assertThat(reports.deadlines(PROJECT, march).total()).isEqualTo(new Reports.DeadlineRowFigures(null, "Totalt",
        4, 0, 2, 2, 0, 0, new BigDecimal("0.0")));
  }

  // ---- Outcome tables: project RAPPORTC ----

  @Autowired OutcomeReports outcomes;
  @Autowired ReportCases cases;

  /** The period's cases as the steering-group report loads them for its tables. */
  private ReportCases.ReportData data(String project, ReportPeriod period) {
    return transactions.execute(status -> cases.load(project, period));
  }

  @Test
  @DisplayName("tid i offentlig försörjning före start: startade i perioden, inte dagen efter")
  void timeInSupport() {
    asManager(OUTCOME_MANAGERS);
    var table = outcomes.timeInSupport(data(OUTCOME_PROJECT, HALF_YEAR));
    // Started: Q (on from, Y1), X (LT1), R (Y3), S (Y5); not T (Y4, the day after to).
    assertThat(table.total()).isEqualTo(4);
    assertThat(table.rows()).containsExactly(
        new OutcomeReports.CountRow("LT1", "Mindre än 1 år", 1, new BigDecimal("25.0")),
        new OutcomeReports.CountRow("Y1", "1 år", 1, new BigDecimal("25.0")),
        new OutcomeReports.CountRow("Y2", "2 år", 0, new BigDecimal("0.0")),
        new OutcomeReports.CountRow("Y3", "3 år", 1, new BigDecimal("25.0")),
        new OutcomeReports.CountRow("Y4", "4 år", 0, new BigDecimal("0.0")),
        new OutcomeReports.CountRow("Y5", "5 år", 1, new BigDecimal("25.0")),
        new OutcomeReports.CountRow("GT5", "Mer än 5 år", 0, new BigDecimal("0.0")));
  }

  @Test
  @DisplayName("avslut per status, andel i arbete eller studier och försörjning från start till avslut")
  void exits() {
    asManager(OUTCOME_MANAGERS);
    // Exited: V (on from, WORK), X (SICK_LEAVE), Q (WORK_AND_STUDIES), R (on to, JOB_SEEKING); not O (the day before).
    var exits = outcomes.exits(data(OUTCOME_PROJECT, HALF_YEAR));
    assertThat(exits.total()).isEqualTo(4);
    Map<String, Long> byOutcome = new LinkedHashMap<>();
    exits.rows().forEach(r -> byOutcome.put(r.code(), r.count()));
    assertThat(byOutcome).containsExactly(Map.entry("WORK", 1L), Map.entry("STUDIES", 0L),
        Map.entry("WORK_AND_STUDIES", 1L), Map.entry("JOB_SEEKING", 1L), Map.entry("OTHER_MEASURE", 0L),
        Map.entry("SICK_LEAVE", 1L), Map.entry("MOVED", 0L), Map.entry("DROPPED_OUT", 0L), Map.entry("NO_ACTION", 0L),
        Map.entry("WRONGLY_REGISTERED", 0L));
    assertThat(exits.rows().get(0)).isEqualTo(
        new OutcomeReports.CountRow("WORK", "Arbete (inkl. subventionerat)", 1, new BigDecimal("25.0")));

    // At exit V and Q of 4; at follow-up (N, P, O reached; W not) N and O of 3.
    assertThat(outcomes.workOrStudies(data(OUTCOME_PROJECT, HALF_YEAR)).rows()).containsExactly(
        new OutcomeReports.ShareRow("AT_EXIT", "I arbete eller studier vid avslut", 2, 4, new BigDecimal("50.0")),
        new OutcomeReports.ShareRow("AT_FOLLOW_UP", "I arbete eller studier vid uppföljning", 2, 3,
            new BigDecimal("66.7")));

    var matrix = outcomes.incomeTransition(data(OUTCOME_PROJECT, HALF_YEAR));
    assertThat(matrix.incomeSources()).extracting(Reports.Code::code).containsExactly("SOCIAL_ASSISTANCE",
        "UNEMPLOYMENT_INSURANCE", "ACTIVITY_SUPPORT", "SICKNESS_BENEFIT", "SICKNESS_COMPENSATION",
        "ESTABLISHMENT_BENEFIT", "SALARY", "STUDENT_AID", "NO_PUBLIC_SUPPORT", "OTHER");
    Map<String, Map<String, Long>> nonZero = new LinkedHashMap<>();
    matrix.rows().forEach(r -> r.atExit().forEach((to, n) -> {
      if (n > 0) {
        nonZero.computeIfAbsent(r.code(), k -> new LinkedHashMap<>()).put(to, n);
      }
    }));
    // Q and X from försörjningsstöd to salary and sickness benefit; R from activity support to a-kassa;
    // V from sickness compensation to salary.
    assertThat(nonZero).isEqualTo(Map.of("SOCIAL_ASSISTANCE", Map.of("SALARY", 1L, "SICKNESS_BENEFIT", 1L),
        "ACTIVITY_SUPPORT", Map.of("UNEMPLOYMENT_INSURANCE", 1L), "SICKNESS_COMPENSATION", Map.of("SALARY", 1L)));
    assertThat(matrix.rows()).extracting(OutcomeReports.TransitionRow::total)
        .containsExactly(2L, 0L, 1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L);
  }

  @Test
  @DisplayName("uppföljning 6–12 månader efter avslut: status och försörjning, ej nådda för sig")
  void followUps() {
    asManager(OUTCOME_MANAGERS);
    // Followed up in the period: N (WORK, SALARY), W (not reached), P (NO_ACTION, SOCIAL_ASSISTANCE),
    // O (on to, STUDIES, STUDENT_AID); not U (the day after to).
    var status = outcomes.followUpStatus(data(OUTCOME_PROJECT, HALF_YEAR));
    assertThat(status.total()).isEqualTo(4);
    BigDecimal quarter = new BigDecimal("25.0");
    BigDecimal none = new BigDecimal("0.0");
    assertThat(status.rows()).containsExactly(
        new OutcomeReports.CountRow("WORK", "Arbete", 1, quarter),
        new OutcomeReports.CountRow("STUDIES", "Studier", 1, quarter),
        new OutcomeReports.CountRow("OTHER_MEASURE", "Annan åtgärd", 0, none),
        new OutcomeReports.CountRow("MOVED", "Flyttat", 0, none),
        new OutcomeReports.CountRow("NO_ACTION", "Ingen åtgärd", 1, quarter),
        new OutcomeReports.CountRow("NOT_REACHED", "Ej nådd", 1, quarter));
    var income = outcomes.followUpIncome(data(OUTCOME_PROJECT, HALF_YEAR));
    Map<String, Long> byIncome = new LinkedHashMap<>();
    income.rows().stream().filter(r -> r.count() > 0).forEach(r -> byIncome.put(r.code(), r.count()));
    assertThat(byIncome).containsExactly(Map.entry("SOCIAL_ASSISTANCE", 1L), Map.entry("SALARY", 1L),
        Map.entry("STUDENT_AID", 1L), Map.entry("NOT_REACHED", 1L));
    assertThat(income.rows()).hasSize(11);
  }

  @Test
  @DisplayName("enkäter vid avslut och uppföljning: fördelning 1–5 och medelvärde per fråga")
  void surveys() {
    asManager(OUTCOME_MANAGERS);
    var exit = outcomes.survey(data(OUTCOME_PROJECT, HALF_YEAR), se.stegvis.survey.Survey.EXIT);
    // Exits in the period with answers: V (4,4,5,4), Q (5,-,4,-), R (2,3,3,1); O exited the day before from.
    assertThat(exit.respondents()).isEqualTo(3);
    assertThat(exit.rows()).containsExactly(
        question("surveyQualityOfLife", "Min livskvalitet har blivit bättre", 3, answers(0, 1, 0, 1, 1), "3.7"),
        question("surveyParticipation", "Jag har fått vara med och bestämma", 2, answers(0, 0, 1, 1, 0), "3.5"),
        question("surveySupport", "Jag har fått det stöd jag behövt", 3, answers(0, 0, 1, 1, 1), "4.0"),
        question("surveyFuturePlanning", "Jag har en plan för framtiden", 2, answers(1, 0, 0, 1, 0), "2.5"));
    var followUp = outcomes.survey(data(OUTCOME_PROJECT, HALF_YEAR), se.stegvis.survey.Survey.FOLLOW_UP);
    // Follow-ups in the period with answers: N (5,4,5) and O (4,4,4); U's (1,1,1) was the day after to.
    assertThat(followUp.respondents()).isEqualTo(2);
    assertThat(followUp.rows()).containsExactly(
        question("surveyRating", "Insatsen var till hjälp", 2, answers(0, 0, 0, 1, 1), "4.5"),
        question("surveyOwnEffort", "Jag har själv bidragit", 2, answers(0, 0, 0, 2, 0), "4.0"),
        question("surveyLifeImproved", "Min livssituation har förbättrats", 2, answers(0, 0, 0, 1, 1), "4.5"));
  }

  @Test
  @DisplayName("effektmål: mål mot utfall, och en annan insats chef ser målen men inga utfall")
  void goals() {
    asManager(OUTCOME_MANAGERS);
    var metric = se.stegvis.casefile.ProjectGoal.Metric.class;
    assertThat(outcomes.goals(data(OUTCOME_PROJECT, HALF_YEAR)).rows()).containsExactly(
        // Started Q, X, R, S = 4 against 10 × 182/366 = 4.97.
        new OutcomeReports.GoalRow(OUTCOME_PROJECT, "Effektprojektet", "10 deltagare per år",
            Enum.valueOf(metric, "PARTICIPANTS_PER_YEAR"), new BigDecimal("10.00"), new BigDecimal("5.0"),
            new BigDecimal("4"), null, false),
        // Exits V (work), Q (work and studies), R (placement) of V, Q, R, X.
        new OutcomeReports.GoalRow(OUTCOME_PROJECT, "Effektprojektet", "70 % till praktik, arbete eller studier",
            Enum.valueOf(metric, "SHARE_TO_WORK_STUDIES_OR_PLACEMENT"), new BigDecimal("70.00"),
            new BigDecimal("70.00"), new BigDecimal("75.0"), 4L, true),
        // Reached at follow-up N (salary), O (student aid), P (försörjningsstöd): 2 of 3.
        new OutcomeReports.GoalRow(OUTCOME_PROJECT, "Effektprojektet", "50 % egen försörjning inom 12 månader",
            Enum.valueOf(metric, "SHARE_SELF_SUFFICIENT_WITHIN_12_MONTHS"), new BigDecimal("50.00"),
            new BigDecimal("50.00"), new BigDecimal("66.7"), 3L, true));

    asManager(MANAGERS);
    assertThat(outcomes.goals(data(OUTCOME_PROJECT, HALF_YEAR)).rows()).extracting(OutcomeReports.GoalRow::actual)
        .containsExactly(new BigDecimal("0"), null, null);
    assertThat(outcomes.goals(data(null, HALF_YEAR)).rows()).isEmpty();
    assertThat(outcomes.exits(data(OUTCOME_PROJECT, HALF_YEAR)).total()).isZero();
    assertThat(outcomes.followUpStatus(data(OUTCOME_PROJECT, HALF_YEAR)).total()).isZero();
    assertThat(outcomes.survey(data(OUTCOME_PROJECT, HALF_YEAR), se.stegvis.survey.Survey.EXIT).respondents()).isZero();
  }

  @Test
  @DisplayName("tidsfrister för uppföljning efter avslut räknas med sina egna rader")
  void followUpDeadlines() {
    asManager(OUTCOME_MANAGERS);
    atReportTime();
    var followUps = reports.deadlines(OUTCOME_PROJECT, HALF_YEAR).rows().stream()
        .filter(r -> "FOLLOW_UP".equals(r.kind())).findFirst().orElseThrow();
    // Only W's follow-up is due in the period (12 months after the exit on 2031-06-15); done 2032-03-15.
    assertThat(followUps).isEqualTo(new Reports.DeadlineRowFigures("FOLLOW_UP",
        "Uppföljning (6–12 månader efter avslut)", 1, 1, 0, 0, 0, 0, new BigDecimal("100.0")));
  }

  @Autowired ParticipantExport participantExport;

  @Test
  @DisplayName("deltagarexport: en rad per ärende i perioden med koder, dagar och enkätsvar")
  void participantExportRows() {
    asManager(OUTCOME_MANAGERS);
    var export = participantExport.export(OUTCOME_PROJECT, HALF_YEAR);
    // N, W, P, O (followed up in the period), V (exited on from), Q, X, R, S (active), T (referred);
    // not U (exited in 2031, followed up the day after to).
    assertThat(export.rows()).hasSize(10);
    var r = export.rows().stream().filter(row -> "ACTIVITY_SUPPORT".equals(row.get("incomeAtStart"))).findFirst()
        .orElseThrow();
    assertThat(r).containsEntry("project", OUTCOME_PROJECT).containsEntry("gender", "MAN")
        .containsEntry("ageBand", "36–65").containsEntry("party", "AF").containsEntry("decision", "ACCEPTED")
        .containsEntry("referredMonth", "2032-01").containsEntry("daysToDecision", 5L)
        .containsEntry("daysToStart", 12L).containsEntry("daysInParticipation", 150L)
        .containsEntry("timeInSupport", "Y3").containsEntry("exitOutcome", "JOB_SEEKING")
        .containsEntry("incomeAtExit", "UNEMPLOYMENT_INSURANCE").containsEntry("followUpStatus", null)
        .containsEntry("placements", 1).containsEntry("placementDays", 61)
        .containsEntry("exit_surveyQualityOfLife", 2).containsEntry("exit_surveyFuturePlanning", 1)
        .containsEntry("followUp_surveyRating", null);
    // W: exited 2031-06-15, not reached on 2032-03-15 (274 days later).
    var w = export.rows().stream().filter(row -> "MOVED".equals(row.get("exitOutcome"))).findFirst().orElseThrow();
    assertThat(w).containsEntry("followUpStatus", "NOT_REACHED").containsEntry("daysExitToFollowUp", 274L)
        .containsEntry("incomeAtFollowUp", null).containsEntry("placements", 0).containsEntry("placementDays", null);

    asManager(MANAGERS);
    assertThat(participantExport.export(OUTCOME_PROJECT, HALF_YEAR).rows()).isEmpty();
  }

  static OutcomeReports.QuestionRow question(String key, String text, long answered, Map<Integer, Long> byAnswer,
      String mean) {
    return new OutcomeReports.QuestionRow(key, text, answered, byAnswer, new BigDecimal(mean));
  }

  static Map<Integer, Long> answers(long... counts) {
    Map<Integer, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      map.put(i + 1, counts[i]);
    }
    return map;
  }

  void asManager(String group) {
    identityService.setAuthentication("maja-" + group, groups(group));
  }

  static Map<String, Long> genders(long women, long men, long other, long notStated) {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("WOMAN", women);
    map.put("MAN", men);
    map.put("OTHER", other);
    map.put("NOT_STATED", notStated);
    return map;
  }

  static Map<AgeBand, Long> bands(long under18, long a18, long a25, long a30, long a36, long a66, long unknown) {
    Map<AgeBand, Long> map = new LinkedHashMap<>();
    map.put(AgeBand.UNDER_18, under18);
    map.put(AgeBand.A18_24, a18);
    map.put(AgeBand.A25_29, a25);
    map.put(AgeBand.A30_35, a30);
    map.put(AgeBand.A36_65, a36);
    map.put(AgeBand.A66_PLUS, a66);
    map.put(AgeBand.UNKNOWN, unknown);
    return map;
  }
}
