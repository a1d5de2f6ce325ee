package se.stegvis.report;

import static se.stegvis.report.ReportTable.Type.COUNT;
import static se.stegvis.report.ReportTable.Type.DAYS;
import static se.stegvis.report.ReportTable.Type.DECIMAL;
import static se.stegvis.report.ReportTable.Type.PERCENT;
import static se.stegvis.report.ReportTable.Type.TEXT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.placement.PlacementFigures;
import se.stegvis.report.ReportCases.ReportData;
import se.stegvis.report.ReportTable.ChartType;
import se.stegvis.survey.Survey;
import se.stegvis.time.EngineClock;

/**
 * The whole steering-group report as generic {@link ReportTable}s: the one place where each typed
 * table of {@link Reports} (and the placement figures) is turned into columns and rows, so the
 * report page, the CSV/XLSX export and automation all show the same figures under the same
 * Swedish labels.
 */
@Component
class SteeringGroupReport {

  static final String ALL_PROJECTS = "Alla insatser";

  /** The report as the endpoint returns it. */
  record Report(String project, String projectName, LocalDate from, LocalDate to, Instant generatedAt,
      List<ReportTable> tables) {
  }

  private final Reports reports;
  private final OutcomeReports outcomes;
  private final ReportCases cases;
  private final PlacementFigures placementFigures;
  private final EngineClock clock;

  SteeringGroupReport(Reports reports, OutcomeReports outcomes, ReportCases cases, PlacementFigures placementFigures,
      EngineClock clock) {
    this.reports = reports;
    this.outcomes = outcomes;
    this.cases = cases;
    this.placementFigures = placementFigures;
    this.clock = clock;
  }

  /** Every table, from one read of the cases. */
  @Transactional(readOnly = true)
  Report report(String projectCode, ReportPeriod period) {
    ReportData data = cases.load(projectCode, period);
    List<ReportTable> tables = new ArrayList<>();
    var participants = reports.participants(data);
    tables.add(participants(participants));
    tables.add(planned(participants));
    tables.add(referrals(reports.referrals(data)));
    tables.add(waitingTimes(reports.waitingTimes(data)));
    tables.add(counts("time-in-support", "Tid i offentlig försörjning före start",
        "Deltagare som startade under perioden, efter tid i offentlig försörjning (a-kassa, ersättning från "
            + "Försäkringskassan eller försörjningsstöd) före start, som den angavs i remissen.",
        "Tid i offentlig försörjning", "Startade", outcomes.timeInSupport(data)));
    tables.add(deadlines(reports.deadlines(data)));
    tables.add(documentationLag(reports.documentationLag(data)));
    tables.add(placements(placementFigures.figures(projectCode, period.from(), period.to())));
    tables.add(counts("exits", "Avslut per status",
        "Avslut under perioden (avslutsdatum i perioden) efter status vid avslut.", "Status vid avslut",
        "Avslutade", outcomes.exits(data)));
    tables.add(workOrStudies(outcomes.workOrStudies(data)));
    tables.add(incomeTransition(outcomes.incomeTransition(data)));
    tables.add(counts("follow-up-status", "Uppföljning 6–12 månader efter avslut: status",
        "Uppföljningar gjorda under perioden efter personens status; de som inte gick att nå på egen rad.",
        "Status vid uppföljning", "Uppföljda", outcomes.followUpStatus(data)));
    tables.add(counts("follow-up-income", "Uppföljning 6–12 månader efter avslut: försörjning",
        "Uppföljningar gjorda under perioden efter försörjning det senaste halvåret; de som inte gick att nå "
            + "på egen rad.", "Försörjning senaste halvåret", "Uppföljda", outcomes.followUpIncome(data)));
    tables.add(survey("survey-exit", "Enkät vid avslut",
        "Svaren (1–5) från deltagare som avslutades under perioden, per fråga.", outcomes.survey(data, Survey.EXIT)));
    tables.add(survey("survey-follow-up", "Enkät vid uppföljning",
        "Svaren (1–5) vid uppföljningar gjorda under perioden, per fråga.", outcomes.survey(data, Survey.FOLLOW_UP)));
    tables.add(goals(outcomes.goals(data)));
    tables.add(nationalFollowUp(reports.nationalFollowUp(data)));
    return envelope(projectCode, period, tables);
  }

  /** Tables of a project (or all) and period, with the project's name and the moment they were made. */
  Report envelope(String projectCode, ReportPeriod period, List<ReportTable> tables) {
    String name = projectCode == null ? ALL_PROJECTS : cases.project(projectCode).orElseThrow().getName();
    return new Report(projectCode, name, period.from(), period.to(), clock.now(), List.copyOf(tables));
  }

  static ReportTable participants(Reports.ParticipantTable table) {
    var builder = ReportTable.builder("participants", "Deltagare",
        "Remitterade (remissdag i perioden), startade (startdag i perioden), aktiva (startat och inte avslutat "
            + "före periodens första dag) och avslutade, per kön och åldersgrupp. Ålder på startdagen, för den "
            + "som inte startat på remissdagen.")
        .column("measure", "Mått", TEXT).column("total", "Totalt", COUNT);
    table.genders().forEach(g -> builder.column(g.code(), g.label(), COUNT));
    table.ageBands().forEach(b -> builder.column(b.code(), b.label(), COUNT));
    for (var row : table.rows()) {
      List<Object> values = new ArrayList<>(List.of(row.label(), row.total()));
      table.genders().forEach(g -> values.add(row.byGender().getOrDefault(g.code(), 0L)));
      table.ageBands().forEach(b -> values.add(row.byAgeBand().get(AgeBand.valueOf(b.code()))));
      builder.row(values.toArray());
    }
    return builder.chart(ChartType.BAR, "measure", table.genders().stream().map(Reports.Code::code).toList())
        .build();
  }

  static ReportTable planned(Reports.ParticipantTable table) {
    var builder = ReportTable.builder("planned", "Startade mot planerat antal",
        "Planerat antal deltagare per år, räknat om till periodens längd, och startade i perioden som andel av det.")
        .column("project", "Insats", TEXT).column("perYear", "Planerat per år", COUNT)
        .column("forPeriod", "Planerat för perioden", DECIMAL).column("started", "Startade", COUNT)
        .column("startedPercent", "Andel av planerat (%)", PERCENT);
    table.planned().forEach(p -> builder.row(p.name(), p.perYear(), p.forPeriod(), p.started(), p.startedPercent()));
    return builder.chart(ChartType.BAR, "project", List.of("forPeriod", "started")).build();
  }

  static ReportTable referrals(Reports.ReferralTable table) {
    var builder = ReportTable.builder("referrals", "Remisser per remitterande part",
        "Remisser som kommit in under perioden och beslutet om dem som det står i dag.")
        .column("party", "Remitterande part", TEXT).column("referred", "Remitterade", COUNT)
        .column("accepted", "Antagna", COUNT).column("notTargetGroup", "Ej målgrupp", COUNT)
        .column("otherMeasureFirst", "Annan insats först", COUNT).column("withdrawn", "Återtagna", COUNT)
        .column("undecided", "Ej beslutade", COUNT);
    List<Reports.ReferralRow> rows = new ArrayList<>(table.rows());
    rows.add(table.total());
    rows.forEach(r -> builder.row(r.label(), r.referred(), r.accepted(), r.notTargetGroup(), r.otherMeasureFirst(),
        r.withdrawn(), r.undecided()));
    return builder.chart(ChartType.STACKED_BAR, "party",
        List.of("accepted", "notTargetGroup", "otherMeasureFirst", "withdrawn", "undecided")).build();
  }

  /** How every median and percentile in the report is computed, said once and shown with each table that has one. */
  static final String MEDIAN_DEFINITION = "Median: värdena sorteras i storleksordning och det mittersta tas; vid ett "
      + "jämnt antal medelvärdet av de två mittersta (kan sluta på ,5). 90:e percentil: värdet på plats "
      + "⌈0,9 × antal⌉ i storleksordning (närmaste rang), alltid ett av de uppmätta värdena.";

  static ReportTable waitingTimes(Reports.WaitingTable table) {
    var builder = ReportTable.builder("waiting-times", "Väntetider",
        "Dagar från remiss till beslut (beslut i perioden), från beslut till start och från remiss till start "
            + "(start i perioden): median och 90:e percentil. " + MEDIAN_DEFINITION)
        .column("measure", "Väntetid", TEXT).column("count", "Antal", COUNT)
        .column("medianDays", "Median (dagar)", DAYS).column("p90Days", "90:e percentil (dagar)", DAYS);
    table.rows().forEach(r -> builder.row(r.label(), r.count(), r.medianDays(), r.p90Days()));
    return builder.chart(ChartType.BAR, "measure", List.of("medianDays", "p90Days")).build();
  }

  static ReportTable deadlines(Reports.DeadlineTable table) {
    var builder = ReportTable.builder("deadlines", "Tidsfrister",
        "Tidsfrister vars förfallodag ligger i perioden. Ett steg bedöms efter det datum då det utfördes, "
            + "som det angetts i formuläret, inte efter när det registrerades. I tid: steget utfördes senast på "
            + "förfallodagen. Sent: steget utfördes efter förfallodagen. Missade: förfallodagen passerade utan "
            + "att steget utfördes, antingen är steget fortfarande öppet och försenat eller så avslutades ärendet "
            + "efter förfallodagen utan steget; en missad tidsfrist förblir missad. Öppna: ännu inte utförda och "
            + "förfallodagen har inte passerat. Avbrutna: ärendet avslutades (avslutsdatum) senast på "
            + "förfallodagen, innan steget utfördes; de räknas inte i andelen. "
            + "Andel i tid = i tid / (i tid + sent + missade).")
        .column("kind", "Tidsfrist", TEXT).column("due", "Löper ut", COUNT).column("met", "I tid", COUNT)
        .column("metLate", "Sent", COUNT).column("missed", "Missade", COUNT).column("open", "Öppna", COUNT)
        .column("cancelled", "Avbrutna", COUNT).column("onTimePercent", "Andel i tid (%)", PERCENT);
    List<Reports.DeadlineRowFigures> rows = new ArrayList<>(table.rows());
    rows.add(table.total());
    rows.forEach(r -> builder.row(r.label(), r.due(), r.met(), r.metLate(), r.missed(), r.open(), r.cancelled(),
        r.onTimePercent()));
    return builder.chart(ChartType.STACKED_BAR, "kind", List.of("met", "metLate", "missed", "open")).build();
  }

  static ReportTable documentationLag(Reports.LagTable table) {
    var builder = ReportTable.builder("documentation-lag", "Dokumentationsfördröjning",
        "Dagar från det datum då ett steg utfördes till den dag det registrerades i Stegvis, för utförda steg "
            + "vars tidsfrist löper ut under perioden. Visar sen registrering utan att ändra om tidsfristen hölls. "
            + MEDIAN_DEFINITION)
        .column("kind", "Steg", TEXT).column("count", "Antal", COUNT)
        .column("medianDays", "Median (dagar)", DAYS).column("p90Days", "90:e percentil (dagar)", DAYS);
    List<Reports.LagRow> rows = new ArrayList<>(table.rows());
    rows.add(table.total());
    rows.forEach(r -> builder.row(r.label(), r.count(), r.medianDays(), r.p90Days()));
    return builder.chart(ChartType.BAR, "kind", List.of("medianDays", "p90Days")).build();
  }

  static ReportTable placements(PlacementFigures.Figures figures) {
    return ReportTable.builder("placements", "Praktikplatser",
        "Praktikperioder som började under perioden, personer med minst en, längd (första till sista dag) "
            + "för avslutade perioder och andel som ledde till anställning.")
        .column("placements", "Praktikperioder", COUNT).column("people", "Personer", COUNT)
        .column("ended", "Avslutade", COUNT).column("totalDays", "Dagar totalt", DAYS)
        .column("averageDaysPerPlacement", "Dagar per period (medel)", DAYS)
        .column("averageDaysPerPerson", "Dagar per person (medel)", DAYS)
        .column("ledToEmployment", "Ledde till anställning", COUNT)
        .column("employmentSharePercent", "Andel till anställning (%)", PERCENT)
        .row(figures.placements(), figures.people(), figures.ended(), figures.totalDays(),
            figures.averageDaysPerPlacement(), figures.averageDaysPerPerson(), figures.ledToEmployment(),
            figures.employmentSharePercent())
        .build();
  }

  static ReportTable nationalFollowUp(Reports.NationalTable table) {
    var builder = ReportTable.builder("national-follow-up", "Nationell uppföljning (Finsam)",
        "Personer (inte ärenden) aktiva i varje insats på individnivå per kalenderår, den del av året som "
            + "ligger i perioden, per kön.")
        .column("year", "År", TEXT).column("project", "Insats", TEXT).column("women", "Kvinnor", COUNT)
        .column("men", "Män", COUNT).column("other", "Annat/ej angivet", COUNT).column("total", "Totalt", COUNT);
    table.rows().forEach(r -> builder.row(String.valueOf(r.year()), r.name(), r.women(), r.men(), r.other(),
        r.total()));
    return builder.chart(ChartType.STACKED_BAR, "project", List.of("women", "men", "other")).build();
  }

  static ReportTable counts(String id, String title, String description, String codeLabel, String countLabel,
      OutcomeReports.CountTable table) {
    var builder = ReportTable.builder(id, title, description).column("code", codeLabel, TEXT)
        .column("count", countLabel, COUNT).column("percent", "Andel (%)", PERCENT);
    table.rows().forEach(r -> builder.row(r.label(), r.count(), r.percent()));
    builder.row("Totalt", table.total(), null);
    return builder.chart(ChartType.BAR, "code", List.of("count")).build();
  }

  static ReportTable workOrStudies(OutcomeReports.ShareTable table) {
    var builder = ReportTable.builder("work-or-studies", "Andel i arbete eller studier",
        "Vid avslut: status arbete, studier eller båda av alla avslut under perioden. Vid uppföljning: status "
            + "arbete eller studier av dem som nåddes vid uppföljningar under perioden.")
        .column("measure", "Mått", TEXT).column("count", "Antal", COUNT).column("of", "Av", COUNT)
        .column("percent", "Andel (%)", PERCENT);
    table.rows().forEach(r -> builder.row(r.label(), r.count(), r.of(), r.percent()));
    return builder.chart(ChartType.BAR, "measure", List.of("percent")).build();
  }

  static ReportTable incomeTransition(OutcomeReports.TransitionTable table) {
    var builder = ReportTable.builder("income-transition", "Försörjning vid start och vid avslut",
        "Avslut under perioden: försörjning vid start (rad, enligt remissen) mot försörjning vid avslut (kolumn).")
        .column("incomeAtStart", "Vid start \\ vid avslut", TEXT);
    table.incomeSources().forEach(c -> builder.column(c.code(), c.label(), COUNT));
    builder.column("total", "Totalt", COUNT);
    for (var row : table.rows()) {
      List<Object> values = new ArrayList<>(List.of(row.label()));
      table.incomeSources().forEach(c -> values.add(row.atExit().get(c.code())));
      values.add(row.total());
      builder.row(values.toArray());
    }
    return builder.build();
  }

  static ReportTable survey(String id, String title, String description, OutcomeReports.SurveyTable table) {
    var builder = ReportTable.builder(id, title, description).column("question", "Fråga", TEXT)
        .column("answered", "Svar", COUNT);
    for (int answer = 1; answer <= 5; answer++) {
      builder.column("answer" + answer, String.valueOf(answer), COUNT);
    }
    builder.column("mean", "Medelvärde", DECIMAL);
    for (var row : table.rows()) {
      List<Object> values = new ArrayList<>(List.of(row.text(), row.answered()));
      row.byAnswer().values().forEach(values::add);
      values.add(row.mean());
      builder.row(values.toArray());
    }
    return builder.chart(ChartType.STACKED_BAR, "question",
        List.of("answer1", "answer2", "answer3", "answer4", "answer5")).build();
  }

  static ReportTable goals(OutcomeReports.GoalTable table) {
    var builder = ReportTable.builder("goals", "Effektmål",
        "Insatsens effektmål, mål mot utfall. Deltagare per år: startade under perioden mot målet räknat om till "
            + "periodens längd. Andelar: av avslut (till praktik, arbete eller studier) eller av nådda vid "
            + "uppföljning (egen försörjning) under perioden.")
        .column("project", "Insats", TEXT).column("goal", "Mål", TEXT).column("unit", "Enhet", TEXT)
        .column("target", "Målvärde", DECIMAL).column("targetForPeriod", "Mål för perioden", DECIMAL)
        .column("actual", "Utfall", DECIMAL).column("base", "Underlag (ärenden)", COUNT)
        .column("reached", "Uppnått", TEXT);
    table.rows().forEach(r -> builder.row(r.projectName(), r.description(),
        r.metric() == se.stegvis.casefile.ProjectGoal.Metric.PARTICIPANTS_PER_YEAR ? "deltagare" : "%", r.target(),
        r.targetForPeriod(), r.actual(), r.base(), r.reached() == null ? null : r.reached() ? "Ja" : "Nej"));
    return builder.chart(ChartType.BAR, "goal", List.of("targetForPeriod", "actual")).build();
  }
}
