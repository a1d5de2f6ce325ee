package se.stegvis.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import se.stegvis.casefile.ProjectGoal;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCode;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.report.ReportCases.AnswerRow;
import se.stegvis.report.ReportCases.CaseRow;
import se.stegvis.report.ReportCases.ReportData;
import se.stegvis.survey.Survey;

/**
 * The outcome tables of the reports: time in public support before start, exits and the income
 * transition start → exit, follow-up 6–12 months after exit, survey results and the projects'
 * effect goals. Read the same way as {@link Reports} (one {@link ReportCases} load, visible
 * cases only); each case counts once.
 */
@Service
public class OutcomeReports {

  /** Exit outcomes that count as in work or studies. */
  static final Set<String> WORK_OR_STUDIES_AT_EXIT = Set.of("WORK", "STUDIES", "WORK_AND_STUDIES");
  /** Follow-up statuses that count as in work or studies. */
  static final Set<String> WORK_OR_STUDIES_AT_FOLLOW_UP = Set.of("WORK", "STUDIES");
  /** Income sources that are not public support (DOMAIN: a-kassa, FK benefits, försörjningsstöd …). */
  static final Set<String> SELF_SUFFICIENT = Set.of("SALARY", "STUDENT_AID", "NO_PUBLIC_SUPPORT");
  static final String NOT_REACHED = "NOT_REACHED";
  static final String NOT_REACHED_LABEL = "Ej nådd";

  /** How many cases have a code, and their share of all counted, in percent with one decimal. */
  public record CountRow(String code, String label, long count, BigDecimal percent) {
  }

  /** Counts by code over {@code total} cases. */
  public record CountTable(String project, LocalDate from, LocalDate to, List<CountRow> rows, long total) {
  }

  /** {@code count} of {@code of} cases, as a percentage with one decimal ({@code null} of none). */
  public record ShareRow(String measure, String label, long count, long of, BigDecimal percent) {
  }

  public record ShareTable(String project, LocalDate from, LocalDate to, List<ShareRow> rows) {
  }

  /** Cases with one income source at start, by income source at exit (keys: income codes), and in all. */
  public record TransitionRow(String code, String label, Map<String, Long> atExit, long total) {
  }

  public record TransitionTable(String project, LocalDate from, LocalDate to, List<Reports.Code> incomeSources,
      List<TransitionRow> rows) {
  }

  /** One question: how many answered, how many gave each answer 1–5, and the mean (one decimal). */
  public record QuestionRow(String question, String text, long answered, Map<Integer, Long> byAnswer,
      BigDecimal mean) {
  }

  public record SurveyTable(String project, LocalDate from, LocalDate to, Survey survey, long respondents,
      List<QuestionRow> rows) {
  }

  /**
   * One effect goal: the target as configured, the target for the period (a yearly count scaled
   * to the period; a share as it is), the actual figure, the cases it is computed over
   * ({@code null} for a count) and whether it is reached ({@code null} when nothing to compute).
   */
  public record GoalRow(String project, String projectName, String description, ProjectGoal.Metric metric,
      BigDecimal target, BigDecimal targetForPeriod, BigDecimal actual, Long base, Boolean reached) {
  }

  public record GoalTable(String project, LocalDate from, LocalDate to, List<GoalRow> rows) {
  }

  private final ReportCases cases;
  private final ReferenceCodes codes;

  OutcomeReports(ReportCases cases, ReferenceCodes codes) {
    this.cases = cases;
    this.codes = codes;
  }

  /** Participants who started in the period, by their time in public support before start (recorded at referral). */
  CountTable timeInSupport(ReportData data) {
    return countTable(data, started(data), CaseRow::timeInSupport, CodeSet.TIME_IN_SUPPORT, null);
  }

  /** Exits in the period (exit day in it) by outcome code. */
  CountTable exits(ReportData data) {
    return countTable(data, exited(data), CaseRow::exitOutcome, CodeSet.EXIT_OUTCOME, null);
  }

  /**
   * In work or studies: at exit (outcome work, studies or both, of the exits in the period) and at
   * follow-up (status work or studies, of the people reached at follow-ups made in the period).
   */
  ShareTable workOrStudies(ReportData data) {
    List<CaseRow> exited = exited(data);
    List<CaseRow> reached = reached(data);
    return new ShareTable(data.project(), data.period().from(), data.period().to(), List.of(
        share("AT_EXIT", "I arbete eller studier vid avslut", exited,
            c -> WORK_OR_STUDIES_AT_EXIT.contains(c.exitOutcome())),
        share("AT_FOLLOW_UP", "I arbete eller studier vid uppföljning", reached,
            c -> WORK_OR_STUDIES_AT_FOLLOW_UP.contains(c.followUpStatus()))));
  }

  /** Exits in the period: income source at start (referral) → at exit. */
  TransitionTable incomeTransition(ReportData data) {
    List<CaseRow> exited = exited(data);
    Map<String, String> sources = labels(CodeSet.INCOME_SOURCE, exited.stream()
        .flatMap(c -> java.util.stream.Stream.of(c.incomeAtStart(), c.exitIncome())).toList());
    List<TransitionRow> rows = new ArrayList<>();
    sources.forEach((code, label) -> {
      List<CaseRow> from = exited.stream().filter(c -> code.equals(c.incomeAtStart())).toList();
      Map<String, Long> atExit = new LinkedHashMap<>();
      sources.keySet().forEach(to -> atExit.put(to, from.stream().filter(c -> to.equals(c.exitIncome())).count()));
      rows.add(new TransitionRow(code, label, atExit, from.size()));
    });
    return new TransitionTable(data.project(), data.period().from(), data.period().to(),
        sources.entrySet().stream().map(e -> new Reports.Code(e.getKey(), e.getValue())).toList(), rows);
  }

  /** Follow-ups made in the period, by status; those not reached in a row of their own. */
  CountTable followUpStatus(ReportData data) {
    return countTable(data, followedUp(data), CaseRow::followUpStatus, CodeSet.FOLLOW_UP_STATUS, NOT_REACHED_LABEL);
  }

  /** Follow-ups made in the period, by income source the last half year; those not reached apart. */
  CountTable followUpIncome(ReportData data) {
    return countTable(data, followedUp(data), CaseRow::followUpIncome, CodeSet.INCOME_SOURCE, NOT_REACHED_LABEL);
  }

  /**
   * The survey at exit (answers of the exits in the period) or at follow-up (of the follow-ups
   * made in the period): per configured question the number of answers 1–5 and their mean.
   */
  SurveyTable survey(ReportData data, Survey survey) {
    ReportCases.SurveyCounts counts = data.surveyCounts(survey);
    List<QuestionRow> rows = cases.questions(survey).stream().map(q -> {
      Map<Integer, Long> given = counts.byQuestion().getOrDefault(q.getQuestion(), Map.of());
      Map<Integer, Long> byAnswer = new LinkedHashMap<>();
      for (int answer = 1; answer <= 5; answer++) {
        byAnswer.put(answer, given.getOrDefault(answer, 0L));
      }
      long answered = given.values().stream().mapToLong(Long::longValue).sum();
      long sum = given.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
      BigDecimal mean = answered == 0 ? null
          : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answered), 1, RoundingMode.HALF_UP);
      return new QuestionRow(q.getQuestion(), q.getText(), answered, byAnswer, mean);
    }).toList();
    long respondents = counts.respondents();
    return new SurveyTable(data.project(), data.period().from(), data.period().to(), survey, respondents, rows);
  }

  /**
   * The effect goals of the project (of every project with a visible case when none is chosen),
   * target against actual. The kinds are {@link ProjectGoal.Metric}: participants per year
   * (started in the period against the target scaled to the period), share to placement, work or
   * studies (exits in the period whose outcome is work or studies or who had a placement) and
   * share self-sufficient within 12 months (people reached at follow-ups made in the period whose
   * income the last half year was salary, student aid or no public support).
   */
  GoalTable goals(ReportData data) {
    Set<String> projects = new TreeSet<>();
    if (data.project() != null) {
      projects.add(data.project());
    } else {
      data.cases().forEach(c -> projects.add(c.projectCode()));
    }
    List<GoalRow> rows = cases.goals(projects).stream().map(goal -> {
      String code = goal.getProject().getCode();
      List<CaseRow> own = data.cases().stream().filter(c -> code.equals(c.projectCode())).toList();
      ReportData projectData = new ReportData(code, data.period(), own, now -> List.of(), List::of);
      return goalRow(goal, projectData);
    }).toList();
    return new GoalTable(data.project(), data.period().from(), data.period().to(), rows);
  }

  private GoalRow goalRow(ProjectGoal goal, ReportData data) {
    var project = goal.getProject();
    BigDecimal target = goal.getTarget();
    return switch (goal.getMetric()) {
      case PARTICIPANTS_PER_YEAR -> {
        BigDecimal forPeriod = Reports.plannedFor(target, data.period());
        long started = started(data).size();
        yield new GoalRow(project.getCode(), project.getName(), goal.getDescription(), goal.getMetric(), target,
            forPeriod.setScale(1, RoundingMode.HALF_UP), BigDecimal.valueOf(started), null,
            BigDecimal.valueOf(started).compareTo(forPeriod) >= 0);
      }
      case SHARE_TO_WORK_STUDIES_OR_PLACEMENT -> shareGoal(goal, target, exited(data),
          c -> WORK_OR_STUDIES_AT_EXIT.contains(c.exitOutcome()) || c.placements() > 0);
      case SHARE_SELF_SUFFICIENT_WITHIN_12_MONTHS -> shareGoal(goal, target, reached(data),
          c -> SELF_SUFFICIENT.contains(c.followUpIncome()));
    };
  }

  private static GoalRow shareGoal(ProjectGoal goal, BigDecimal target, List<CaseRow> base, Predicate<CaseRow> met) {
    long count = base.stream().filter(met).count();
    BigDecimal actual = percent(count, base.size());
    return new GoalRow(goal.getProject().getCode(), goal.getProject().getName(), goal.getDescription(),
        goal.getMetric(), target, target, actual, (long) base.size(),
        actual == null ? null : actual.compareTo(target) >= 0);
  }

  // ---- Which cases each table counts ----

  static List<CaseRow> started(ReportData data) {
    return data.cases().stream().filter(c -> data.period().contains(c.startedOn())).toList();
  }

  static List<CaseRow> exited(ReportData data) {
    return data.cases().stream().filter(c -> data.period().contains(c.exitedOn())).toList();
  }

  static List<CaseRow> followedUp(ReportData data) {
    return data.cases().stream().filter(c -> data.period().contains(c.followedUpOn())).toList();
  }

  static List<CaseRow> reached(ReportData data) {
    return followedUp(data).stream().filter(c -> Boolean.TRUE.equals(c.followUpReached())).toList();
  }

  private CountTable countTable(ReportData data, List<CaseRow> counted, Function<CaseRow, String> code, CodeSet set,
      String nullLabel) {
    Map<String, String> labels = labels(set, counted.stream().map(code).toList());
    List<CountRow> rows = new ArrayList<>();
    labels.forEach((value, label) -> rows.add(countRow(value, label, counted, c -> value.equals(code.apply(c)))));
    if (nullLabel != null) {
      rows.add(countRow(NOT_REACHED, nullLabel, counted, c -> code.apply(c) == null));
    }
    return new CountTable(data.project(), data.period().from(), data.period().to(), rows, counted.size());
  }

  private static CountRow countRow(String code, String label, List<CaseRow> counted, Predicate<CaseRow> test) {
    long count = counted.stream().filter(test).count();
    return new CountRow(code, label, count, percent(count, counted.size()));
  }

  private static ShareRow share(String measure, String label, List<CaseRow> of, Predicate<CaseRow> test) {
    long count = of.stream().filter(test).count();
    return new ShareRow(measure, label, count, of.size(), percent(count, of.size()));
  }

  /** The list's codes in their order, then any other code found in the data (labelled by itself). */
  private Map<String, String> labels(CodeSet set, List<String> found) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (ReferenceCode code : codes.list(set)) {
      labels.put(code.code(), code.label());
    }
    found.stream().filter(java.util.Objects::nonNull).forEach(c -> labels.putIfAbsent(c, c));
    return labels;
  }

  static BigDecimal percent(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
