package se.stegvis.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCode;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.DeadlineKind;
import se.stegvis.deadline.DeadlineLabels;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.report.ReportCases.CaseRow;
import se.stegvis.report.ReportCases.DeadlineRow;
import se.stegvis.report.ReportCases.ReportData;
import se.stegvis.time.EngineClock;

/**
 * The report tables, computed live from the case tables for one project (or all) and a period,
 * counting only the cases the viewer may see. Each case counts once per table row (a person
 * with two cases in the period counts twice), except in the national follow-up table, which
 * counts people. Decisions are counted as they stand now.
 */
@Service
public class Reports {

  static final String ACCEPTED = "ACCEPTED";
  static final String NOT_TARGET_GROUP = "NOT_TARGET_GROUP";
  static final String OTHER_MEASURE_FIRST = "OTHER_MEASURE_FIRST";
  static final String WITHDRAWN = "WITHDRAWN";
  static final String WOMAN = "WOMAN";
  static final String MAN = "MAN";

  // ---- Participants ----

  public record Code(String code, String label) {
  }

  /** One measure (referred, started, …): its total, by gender code and by age band. */
  public record ParticipantRow(String measure, String label, long total, Map<String, Long> byGender,
      Map<AgeBand, Long> byAgeBand) {
  }

  /**
   * A project's planned number of participants per year, scaled to the period (each calendar
   * year's share of days in the period), and the participants started in the period as a
   * percentage of it.
   */
  public record Planned(String project, String name, int perYear, BigDecimal forPeriod, long started,
      BigDecimal startedPercent) {
  }

  public record ParticipantTable(String project, LocalDate from, LocalDate to, List<Code> genders,
      List<Code> ageBands, List<ParticipantRow> rows, List<Planned> planned) {
  }

  // ---- Referrals ----

  public record ReferralRow(String party, String label, long referred, long accepted, long notTargetGroup,
      long otherMeasureFirst, long withdrawn, long undecided) {
  }

  public record ReferralTable(String project, LocalDate from, LocalDate to, List<ReferralRow> rows,
      ReferralRow total) {
  }

  // ---- Waiting times ----

  /**
   * Waiting time in days: how many cases, the median (the middle value of an odd count, the mean of
   * the two middle values of an even count) and the 90th percentile by the nearest-rank method
   * (see {@link Percentiles}, the one definition of both used in every table).
   */
  public record WaitingRow(String measure, String label, int count, BigDecimal medianDays, Integer p90Days) {
  }

  public record WaitingTable(String project, LocalDate from, LocalDate to, List<WaitingRow> rows) {
  }

  // ---- Deadlines ----

  /**
   * Deadlines of one kind due in the period: met on time, met late, missed (recorded as missed,
   * or still open though its day has passed), still open and not yet due, cancelled (the step
   * went away undone, e.g. at exit). The share met on time is met / (met + met late + missed), in
   * percent with one decimal; {@code null} when none is decided.
   */
  public record DeadlineRowFigures(String kind, String label, long due, long met, long metLate, long missed,
      long open, long cancelled, BigDecimal onTimePercent) {
  }

  public record DeadlineTable(String project, LocalDate from, LocalDate to, java.time.Instant asOf,
      List<DeadlineRowFigures> rows, DeadlineRowFigures total) {
  }

  /**
   * Documentation lag of one kind of step: days from the day a step happened to the day it was
   * registered (Swedish calendar days), for the registered steps whose deadlines are due in the
   * period; how many, the median and the 90th percentile as for waiting times.
   */
  public record LagRow(String kind, String label, int count, BigDecimal medianDays, Integer p90Days) {
  }

  public record LagTable(String project, LocalDate from, LocalDate to, List<LagRow> rows, LagRow total) {
  }

  // ---- National follow-up ----

  /**
   * People active in an individual-level insats during a calendar year (the part of it inside
   * the period): women, men, other (every other gender code) and total.
   */
  public record NationalRow(int year, String project, String name, long women, long men, long other, long total) {
  }

  public record NationalTable(String project, LocalDate from, LocalDate to, List<NationalRow> rows) {
  }

  private final ReportCases cases;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final DeadlineLabels deadlineLabels;

  Reports(ReportCases cases, ReferenceCodes codes, EngineClock clock, DeadlineLabels deadlineLabels) {
    this.deadlineLabels = deadlineLabels;
    this.cases = cases;
    this.codes = codes;
    this.clock = clock;
  }

  /**
   * Referred (referral day in the period), started (start day in the period), active (started
   * on or before the last day and not exited before the first) and exited (exit day in the
   * period), by gender and age band on the start day (the referral day for those not started).
   */
  @Transactional(readOnly = true)
  public ParticipantTable participants(String projectCode, ReportPeriod period) {
    return participants(cases.load(projectCode, period));
  }

  ParticipantTable participants(ReportData data) {
    String projectCode = data.project();
    ReportPeriod period = data.period();
    List<CaseRow> rows = data.cases();
    List<ReferenceCode> genders = codes.list(CodeSet.GENDER);
    List<ParticipantRow> table = List.of(
        participantRow("REFERRED", "Remitterade", rows, c -> period.contains(c.referredOn()), genders),
        participantRow("STARTED", "Startade", rows, c -> period.contains(c.startedOn()), genders),
        participantRow("ACTIVE", "Aktiva", rows, c -> c.activeIn(period.from(), period.to()), genders),
        participantRow("EXITED", "Avslutade", rows, c -> period.contains(c.exitedOn()), genders));
    Map<String, List<CaseRow>> byProject = rows.stream()
        .collect(Collectors.groupingBy(CaseRow::projectCode, TreeMap::new, Collectors.toList()));
    List<Planned> planned = new ArrayList<>();
    byProject.forEach((code, projectRows) -> {
      Integer perYear = projectRows.get(0).plannedPerYear();
      if (perYear != null) {
        BigDecimal exact = plannedFor(perYear, period);
        long started = projectRows.stream().filter(c -> period.contains(c.startedOn())).count();
        planned.add(new Planned(code, projectRows.get(0).projectName(), perYear, exact.setScale(1, RoundingMode.HALF_UP),
            started, exact.signum() == 0 ? null
                : BigDecimal.valueOf(started * 100L).divide(exact, 1, RoundingMode.HALF_UP)));
      }
    });
    return new ParticipantTable(projectCode, period.from(), period.to(),
        genders.stream().map(g -> new Code(g.code(), g.label())).toList(),
        java.util.Arrays.stream(AgeBand.values()).map(b -> new Code(b.name(), b.label())).toList(), table, planned);
  }

  private static ParticipantRow participantRow(String measure, String label, List<CaseRow> rows,
      Predicate<CaseRow> counted, List<ReferenceCode> genders) {
    Map<String, Long> byGender = new LinkedHashMap<>();
    genders.forEach(g -> byGender.put(g.code(), 0L));
    Map<AgeBand, Long> byAge = new EnumMap<>(AgeBand.class);
    for (AgeBand band : AgeBand.values()) {
      byAge.put(band, 0L);
    }
    long total = 0;
    for (CaseRow c : rows) {
      if (counted.test(c)) {
        total++;
        byGender.merge(c.gender(), 1L, Long::sum);
        byAge.merge(c.ageBand(), 1L, Long::sum);
      }
    }
    return new ParticipantRow(measure, label, total, byGender, byAge);
  }

  /** perYear × (days of the period in each calendar year / days of that year), summed, unrounded. */
  static BigDecimal plannedFor(int perYear, ReportPeriod period) {
    return plannedFor(BigDecimal.valueOf(perYear), period);
  }

  /** As {@link #plannedFor(int, ReportPeriod)} for a yearly figure that need not be whole. */
  static BigDecimal plannedFor(BigDecimal perYear, ReportPeriod period) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int year = period.from().getYear(); year <= period.to().getYear(); year++) {
      LocalDate first = max(period.from(), LocalDate.of(year, 1, 1));
      LocalDate last = min(period.to(), LocalDate.of(year, 12, 31));
      long days = ChronoUnit.DAYS.between(first, last) + 1;
      int length = LocalDate.of(year, 1, 1).lengthOfYear();
      sum = sum.add(perYear.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(length), 10, RoundingMode.HALF_UP));
    }
    return sum;
  }

  /** Referrals received in the period by referring party, with the decisions on them as they stand now. */
  @Transactional(readOnly = true)
  public ReferralTable referrals(String projectCode, ReportPeriod period) {
    return referrals(cases.load(projectCode, period));
  }

  ReferralTable referrals(ReportData data) {
    String projectCode = data.project();
    ReportPeriod period = data.period();
    List<CaseRow> referred = data.cases().stream()
        .filter(c -> period.contains(c.referredOn())).toList();
    Map<String, String> parties = new LinkedHashMap<>();
    codes.list(CodeSet.PARTY).forEach(p -> parties.put(p.code(), p.label()));
    referred.forEach(c -> parties.putIfAbsent(c.party(), c.party()));
    List<ReferralRow> rows = parties.entrySet().stream()
        .map(p -> referralRow(p.getKey(), p.getValue(),
            referred.stream().filter(c -> p.getKey().equals(c.party())).toList()))
        .toList();
    return new ReferralTable(projectCode, period.from(), period.to(), rows, referralRow(null, "Totalt", referred));
  }

  private static ReferralRow referralRow(String party, String label, List<CaseRow> rows) {
    return new ReferralRow(party, label, rows.size(), decided(rows, ACCEPTED), decided(rows, NOT_TARGET_GROUP),
        decided(rows, OTHER_MEASURE_FIRST), decided(rows, WITHDRAWN),
        rows.stream().filter(c -> c.decision() == null).count());
  }

  private static long decided(List<CaseRow> rows, String decision) {
    return rows.stream().filter(c -> decision.equals(c.decision())).count();
  }

  /**
   * Days from referral to the intake decision (for decisions made in the period, whatever they
   * were), from decision to start and from referral to start (for starts in the period).
   */
  @Transactional(readOnly = true)
  public WaitingTable waitingTimes(String projectCode, ReportPeriod period) {
    return waitingTimes(cases.load(projectCode, period));
  }

  WaitingTable waitingTimes(ReportData data) {
    String projectCode = data.project();
    ReportPeriod period = data.period();
    List<CaseRow> rows = data.cases();
    List<CaseRow> decided = rows.stream().filter(c -> period.contains(c.decidedOn())).toList();
    List<CaseRow> started = rows.stream().filter(c -> period.contains(c.startedOn()) && c.decidedOn() != null)
        .toList();
    return new WaitingTable(projectCode, period.from(), period.to(), List.of(
        waitingRow("REFERRAL_TO_DECISION", "Remiss → beslut",
            decided.stream().map(c -> days(c.referredOn(), c.decidedOn())).toList()),
        waitingRow("DECISION_TO_START", "Beslut → start",
            started.stream().map(c -> days(c.decidedOn(), c.startedOn())).toList()),
        waitingRow("REFERRAL_TO_START", "Remiss → start",
            started.stream().map(c -> days(c.referredOn(), c.startedOn())).toList())));
  }

  private static WaitingRow waitingRow(String measure, String label, List<Integer> days) {
    return new WaitingRow(measure, label, days.size(), Percentiles.median(days), Percentiles.nearestRank(days, 90));
  }

  private static int days(LocalDate first, LocalDate last) {
    return (int) ChronoUnit.DAYS.between(first, last);
  }

  /**
   * Deadlines due in the period (Swedish calendar days) per kind: the kinds of the way of working
   * in their order, then any kind of a step added in Modeler. "Now" is the engine clock.
   */
  @Transactional(readOnly = true)
  public DeadlineTable deadlines(String projectCode, ReportPeriod period) {
    return deadlines(cases.load(projectCode, period));
  }

  DeadlineTable deadlines(ReportData data) {
    String projectCode = data.project();
    ReportPeriod period = data.period();
    var now = clock.now();
    List<DeadlineRow> due = data.deadlines(now);
    Map<String, String> labels = deadlineLabels.all();
    List<DeadlineRowFigures> rows = kinds(due.stream().map(DeadlineRow::kind)).stream()
        .map(k -> deadlineRow(k, labels.getOrDefault(k, k), due.stream().filter(d -> k.equals(d.kind())).toList()))
        .toList();
    return new DeadlineTable(projectCode, period.from(), period.to(), now, rows,
        deadlineRow(null, "Totalt", due));
  }

  /** The kinds of the way of working in their order, then any kind of a step added in Modeler. */
  private static List<String> kinds(java.util.stream.Stream<String> present) {
    List<String> kinds = new ArrayList<>(List.of(DeadlineKind.INTAKE_DECISION, DeadlineKind.PLAN,
        DeadlineKind.MEETING, DeadlineKind.PROPOSAL, DeadlineKind.FOLLOW_UP, DeadlineKind.PLACEMENT_MATCH,
        DeadlineKind.PLACEMENT_FIRST_VISIT, DeadlineKind.PLACEMENT_WORK_PLAN, DeadlineKind.PLACEMENT_VISIT)
        .stream().map(Enum::name).toList());
    present.filter(k -> !kinds.contains(k)).distinct().sorted().forEach(kinds::add);
    return kinds;
  }

  /**
   * Documentation lag per kind of step, for the registered steps whose deadlines are due in the
   * period: registration day minus the day the step happened. Slow registration shows here; it
   * does not change whether a deadline was met.
   */
  @Transactional(readOnly = true)
  public LagTable documentationLag(String projectCode, ReportPeriod period) {
    return documentationLag(cases.load(projectCode, period));
  }

  LagTable documentationLag(ReportData data) {
    List<ReportCases.StepRow> steps = data.steps();
    Map<String, String> labels = deadlineLabels.all();
    List<LagRow> rows = kinds(steps.stream().map(ReportCases.StepRow::kind)).stream()
        .map(k -> lagRow(k, labels.getOrDefault(k, k), steps.stream().filter(s -> k.equals(s.kind())).toList()))
        .toList();
    return new LagTable(data.project(), data.period().from(), data.period().to(), rows, lagRow(null, "Totalt", steps));
  }

  private static LagRow lagRow(String kind, String label, List<ReportCases.StepRow> steps) {
    List<Integer> days = steps.stream()
        .map(s -> days(s.stepOn(), LocalDate.ofInstant(s.registeredAt(), EngineClock.ZONE))).toList();
    return new LagRow(kind, label, days.size(), Percentiles.median(days), Percentiles.nearestRank(days, 90));
  }

  private static DeadlineRowFigures deadlineRow(String kind, String label, List<DeadlineRow> rows) {
    long met = count(rows, DeadlineState.MET);
    long late = count(rows, DeadlineState.MET_LATE);
    long overdue = rows.stream().filter(d -> d.state() == DeadlineState.OPEN).mapToLong(DeadlineRow::overdue).sum();
    long missed = count(rows, DeadlineState.MISSED) + overdue;
    long open = count(rows, DeadlineState.OPEN) - overdue;
    long cancelled = count(rows, DeadlineState.CANCELLED);
    long decided = met + late + missed;
    return new DeadlineRowFigures(kind, label, rows.stream().mapToLong(DeadlineRow::count).sum(), met, late, missed,
        open, cancelled, decided == 0 ? null : BigDecimal.valueOf(met * 100L).divide(BigDecimal.valueOf(decided), 1,
            RoundingMode.HALF_UP));
  }

  private static long count(List<DeadlineRow> rows, DeadlineState state) {
    return rows.stream().filter(d -> d.state() == state).mapToLong(DeadlineRow::count).sum();
  }

  /**
   * For Uppföljning Finsam: people (not cases) active in each individual-level insats in each
   * calendar year that overlaps the period, counting only the part of the year inside the period.
   */
  @Transactional(readOnly = true)
  public NationalTable nationalFollowUp(String projectCode, ReportPeriod period) {
    return nationalFollowUp(cases.load(projectCode, period));
  }

  NationalTable nationalFollowUp(ReportData data) {
    String projectCode = data.project();
    ReportPeriod period = data.period();
    List<CaseRow> rows = data.cases().stream().filter(CaseRow::individualLevel).toList();
    List<NationalRow> table = new ArrayList<>();
    for (int year = period.from().getYear(); year <= period.to().getYear(); year++) {
      LocalDate first = max(period.from(), LocalDate.of(year, 1, 1));
      LocalDate last = min(period.to(), LocalDate.of(year, 12, 31));
      Map<String, List<CaseRow>> active = rows.stream().filter(c -> c.activeIn(first, last))
          .collect(Collectors.groupingBy(CaseRow::projectCode, TreeMap::new, Collectors.toList()));
      for (var entry : active.entrySet()) {
        Map<Long, String> people = new LinkedHashMap<>();
        entry.getValue().forEach(c -> people.put(c.participantId(), c.gender()));
        long women = people.values().stream().filter(WOMAN::equals).count();
        long men = people.values().stream().filter(MAN::equals).count();
        table.add(new NationalRow(year, entry.getKey(), entry.getValue().get(0).projectName(), women, men,
            people.size() - women - men, people.size()));
      }
    }
    table.sort(Comparator.comparingInt(NationalRow::year).thenComparing(NationalRow::project));
    return new NationalTable(projectCode, period.from(), period.to(), table);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
