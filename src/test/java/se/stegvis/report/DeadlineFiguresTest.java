package se.stegvis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

/**
 * Two years of cases (project TIDSFRIST, 2030–2031) entered through the real process the way a
 * unit registers them, often after the fact: the deadline, waiting-time and documentation-lag
 * tables must equal the figures computed by hand below, judged by the dates the steps happened.
 * Every step is registered at 09:00 on its registration day; the report is computed at noon on
 * 20 December 2031 ({@link #NOW}) for 2030-01-01 – 2031-12-31.
 *
 * <pre>
 *   referred    decision: date (registered)   started     plan: date (registered)   meeting 1    exit: date (registered)
 * A 2030-02-04  ACC 02-11 (02-11)             2030-02-18  03-01 (03-01)             –            2030-03-15 (03-15)
 * B 2030-03-04  ACC 03-25 (03-25)  late       2030-04-01  04-20 (04-20)  late       –            2030-05-15 (05-15)
 * C 2030-09-02  ACC 09-10 (09-24)  escalated  2030-10-01  10-14 (11-04)             11-20 (11-20) 2031-01-15 (01-15)
 *               09-17, registered in time
 * D 2031-01-05  ACC 01-08 (01-09)             2031-01-15  – (exit before its due day 01-29)     2031-01-22 (01-22)
 * E 2031-02-02  ACC 02-16 (02-16)  last day   2031-03-01  – (escalated 03-16, never done)       2031-04-10 (04-10)
 * F 2031-05-02  ACC 05-10 (05-10)             2031-06-01  – (due 06-15)                         2031-06-12 (06-20),
 *                                                                                                 backdated
 * G 2031-11-03  undecided: due 11-17, overdue at NOW
 * H 2031-12-08  undecided: due 12-22, open at NOW
 * I 2031-06-06  NOT_TARGET_GROUP 06-27 (07-04)  late
 * </pre>
 *
 * Deadlines due in the period. Intake decision, due referral + 14 days:
 * A 02-18 met, B 03-18 late (03-25), C 09-16 met (09-10, though registered after its escalation),
 * D 01-19 met, E 02-16 met (on the day), F 05-16 met, G 11-17 missed (open, overdue), H 12-22 open,
 * I 06-20 late (06-27): due 9, in time 5, late 2, missed 1, open 1, cancelled 0; 5 / 8 = 62.5 %.
 * Plan, due start + 14 days: A 03-04 met, B 04-15 late, C 10-15 met (10-14), D 01-29 cancelled (exit
 * 01-22), E 03-15 missed (exit 04-10 after its due day), F 06-15 cancelled (exit dated 06-12 though
 * registered 06-20): due 6, 2 / 1 / 1 / 0 / 2; 2 / 4 = 50.0 %.
 * Multi-party meetings, n-th due start + n × 2 months: A 1 2030-04-18, B 1 2030-06-01, C 2
 * 2031-02-01, D 1 2031-03-15, E 1 2031-05-01, F 1 2031-08-01 cancelled (each case exited before),
 * C 1 2030-12-01 met (11-20): due 7, 1 / 0 / 0 / 0 / 6; 100.0 %.
 * Proposal, due start + 6 months: A 2030-08-18, B 2030-10-01, C 2031-04-01, D 2031-07-15,
 * E 2031-09-01, F 2031-12-01, all cancelled: due 6, none decided, no share.
 * Total: due 28, in time 8, late 3, missed 2, open 1, cancelled 14; 8 / 13 = 61.538 → 61.5 %.
 *
 * <p>Waiting times (median: middle value, mean of the two middle ones for an even count; 90th
 * percentile: nearest rank ⌈0.9 n⌉).
 * Referral → decision, decisions in the period: A 7, B 21, C 8, D 3, E 14, F 8, I 21; sorted
 * 3 7 8 8 14 21 21: median 8 (4th), 90th percentile rank 7 → 21.
 * Decision → start, starts in the period: A 7, B 7, C 21, D 7, E 13, F 22; sorted 7 7 7 13 21 22:
 * median (7 + 13) / 2 = 10.0, rank 6 → 22.
 * Referral → start: A 14, B 28, C 29, D 10, E 27, F 30; sorted 10 14 27 28 29 30: median
 * (27 + 28) / 2 = 27.5, rank 6 → 30.
 *
 * <p>Documentation lag, registration day − step day, registered steps due in the period:
 * intake A 0, B 0, C 14, D 1, E 0, F 0, I 7; sorted 0 0 0 0 1 7 14: median 0, rank 7 → 14.
 * Plan A 0, B 0, C 21: median 0, rank 3 → 21. Meeting C 1: 0, 0. Proposal: none.
 * Total, 11 steps: 0 0 0 0 0 0 0 1 7 14 21: median 0 (6th), rank 10 → 14.
 */
@DisplayName("Tidsfrister över två år: i tid efter stegets datum, missad förblir missad, avbruten bara före förfallodagen")
@AlsoOnPostgres
class DeadlineFiguresTest extends CaseProcessTest {

  static final String PROJECT = "TIDSFRIST";
  static final String MANAGERS = "cheftidsfrist";
  static final ReportPeriod TWO_YEARS = new ReportPeriod(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 12, 31));
  static final LocalDate NOW = LocalDate.of(2031, 12, 20);

  @Autowired Reports reports;
  @Autowired SteeringGroupReport steeringGroup;

  @BeforeEach
  void fixture() {
    if (projects.findByCode(PROJECT).isEmpty()) {
      ensureProjectAndStaff();
      projects.save(new Project(PROJECT, "Tidsfristprojektet", 10, MANAGERS));
      twoYears();
    }
    clockAt(NOW, LocalTime.NOON);
    identityService.setAuthentication("mats-" + MANAGERS, List.of(MANAGERS));
  }

  private void twoYears() {
    CaseFile a = referral(day(2030, 2, 4));
    decide(a, day(2030, 2, 11), day(2030, 2, 11));
    start(a, day(2030, 2, 18));
    completeOn(day(2030, 3, 1), a, "makeActionPlan", COACH, actionPlan(day(2030, 3, 1)));
    exit(a, day(2030, 3, 15), day(2030, 3, 15));

    CaseFile b = referral(day(2030, 3, 4));
    decide(b, day(2030, 3, 25), day(2030, 3, 25));
    start(b, day(2030, 4, 1));
    completeOn(day(2030, 4, 20), b, "makeActionPlan", COACH, actionPlan(day(2030, 4, 20)));
    exit(b, day(2030, 5, 15), day(2030, 5, 15));

    CaseFile c = referral(day(2030, 9, 2));
    clockAt(day(2030, 9, 17), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(c)).as("the intake decision is escalated").isEqualTo(1);
    decide(c, day(2030, 9, 10), day(2030, 9, 24));
    start(c, day(2030, 10, 1));
    completeOn(day(2030, 11, 4), c, "makeActionPlan", COACH, actionPlan(day(2030, 10, 14)));
    completeOn(day(2030, 11, 20), c, "holdMeeting", COACH, meeting(day(2030, 11, 20)));
    exit(c, day(2031, 1, 15), day(2031, 1, 15));

    CaseFile d = referral(day(2031, 1, 5));
    decide(d, day(2031, 1, 8), day(2031, 1, 9));
    start(d, day(2031, 1, 15));
    exit(d, day(2031, 1, 22), day(2031, 1, 22));

    CaseFile e = referral(day(2031, 2, 2));
    decide(e, day(2031, 2, 16), day(2031, 2, 16));
    start(e, day(2031, 3, 1));
    clockAt(day(2031, 3, 16), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(e)).as("the plan is escalated").isEqualTo(1);
    exit(e, day(2031, 4, 10), day(2031, 4, 10));

    CaseFile f = referral(day(2031, 5, 2));
    decide(f, day(2031, 5, 10), day(2031, 5, 10));
    start(f, day(2031, 6, 1));
    exit(f, day(2031, 6, 12), day(2031, 6, 20));

    referral(day(2031, 11, 3));
    referral(day(2031, 12, 8));

    CaseFile i = referral(day(2031, 6, 6));
    completeOn(day(2031, 7, 4), i, "decideIntake", WORKING_GROUP_MEMBER, form("decision", "NOT_TARGET_GROUP",
        "reason", text("Ej målgrupp: har redan arbete"), "decidedOn", "2031-06-27"));
  }

  @Test
  @DisplayName("tidsfrister: i tid, sent, missade, öppna och avbrutna per steg och totalt, som räknat för hand")
  void deadlinesEqualTheFiguresComputedByHand() {
    var table = reports.deadlines(PROJECT, TWO_YEARS);
    assertThat(table.rows()).filteredOn(r -> r.due() > 0).containsExactly(
        new Reports.DeadlineRowFigures("INTAKE_DECISION", "Beslut om insats (14 dagar)", 9, 5, 2, 1, 1, 0,
            new BigDecimal("62.5")),
        new Reports.DeadlineRowFigures("PLAN", "Handlingsplan (14 dagar)", 6, 2, 1, 1, 0, 2, new BigDecimal("50.0")),
        new Reports.DeadlineRowFigures("MEETING", "Flerpartssamtal (varannan månad)", 7, 1, 0, 0, 0, 6,
            new BigDecimal("100.0")),
        new Reports.DeadlineRowFigures("PROPOSAL", "Förslag till åtgärd (6 månader)", 6, 0, 0, 0, 0, 6, null));
    assertThat(table.total()).isEqualTo(
        new Reports.DeadlineRowFigures(null, "Totalt", 28, 8, 3, 2, 1, 14, new BigDecimal("61.5")));
  }

  @Test
  @DisplayName("väntetider: median (medelvärdet av de två mittersta vid jämnt antal) och 90:e percentil, som räknat för hand")
  void waitingTimesEqualTheFiguresComputedByHand() {
    assertThat(reports.waitingTimes(PROJECT, TWO_YEARS).rows()).containsExactly(
        new Reports.WaitingRow("REFERRAL_TO_DECISION", "Remiss → beslut", 7, new BigDecimal("8.0"), 21),
        new Reports.WaitingRow("DECISION_TO_START", "Beslut → start", 6, new BigDecimal("10.0"), 22),
        new Reports.WaitingRow("REFERRAL_TO_START", "Remiss → start", 6, new BigDecimal("27.5"), 30));
  }

  @Test
  @DisplayName("dokumentationsfördröjning per steg: median och 90:e percentil, som räknat för hand")
  void documentationLagEqualsTheFiguresComputedByHand() {
    var table = reports.documentationLag(PROJECT, TWO_YEARS);
    assertThat(table.rows()).filteredOn(r -> List.of("INTAKE_DECISION", "PLAN", "MEETING", "PROPOSAL")
        .contains(r.kind())).containsExactly(
            new Reports.LagRow("INTAKE_DECISION", "Beslut om insats (14 dagar)", 7, new BigDecimal("0.0"), 14),
            new Reports.LagRow("PLAN", "Handlingsplan (14 dagar)", 3, new BigDecimal("0.0"), 21),
            new Reports.LagRow("MEETING", "Flerpartssamtal (varannan månad)", 1, new BigDecimal("0.0"), 0),
            new Reports.LagRow("PROPOSAL", "Förslag till åtgärd (6 månader)", 0, null, null));
    assertThat(table.total()).isEqualTo(new Reports.LagRow(null, "Totalt", 11, new BigDecimal("0.0"), 14));
  }

  @Test
  @DisplayName("rapporten säger på svenska vad i tid, sent, missade, avbrutna och median betyder, och visar fördröjningen")
  void theReportSaysHowItCounts() {
    var report = steeringGroup.report(PROJECT, TWO_YEARS);
    Map<String, ReportTable> tables = new java.util.LinkedHashMap<>();
    report.tables().forEach(t -> tables.put(t.id(), t));
    assertThat(tables.get("deadlines").description()).contains(
        "Ett steg bedöms efter det datum då det utfördes, som det angetts i formuläret, inte efter när det registrerades.",
        "I tid: steget utfördes senast på förfallodagen.", "Sent: steget utfördes efter förfallodagen.",
        "en missad tidsfrist förblir missad", "Avbrutna: ärendet avslutades (avslutsdatum) senast på förfallodagen");
    String median = "vid ett jämnt antal medelvärdet av de två mittersta";
    assertThat(tables.get("waiting-times").description()).contains(median);
    assertThat(tables.get("documentation-lag").description()).contains(median);
    assertThat(tables.get("documentation-lag").column("medianDays")).contains(new BigDecimal("0.0"));
    assertThat(tables.get("documentation-lag").column("count")).last().hasToString("11");
  }

  private CaseFile referral(LocalDate on) {
    clockAt(on, MORNING);
    Map<String, Object> form = newPersonReferral(on);
    form.put("projectCode", PROJECT);
    return refer(form);
  }

  /** The working group accepts on {@code decidedOn}; the decision is registered on {@code registeredOn}. */
  private void decide(CaseFile c, LocalDate decidedOn, LocalDate registeredOn) {
    completeOn(registeredOn, c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(decidedOn));
  }

  private void start(CaseFile c, LocalDate on) {
    completeOn(on, c, "startParticipation", COACH, participationStart(on));
  }

  private void exit(CaseFile c, LocalDate exitedOn, LocalDate registeredOn) {
    completeOn(registeredOn, c, "exitParticipation", COACH, exit(exitedOn, "WORK"));
  }

  private static LocalDate day(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }
}
