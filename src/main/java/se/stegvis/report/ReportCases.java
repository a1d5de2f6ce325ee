package se.stegvis.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectGoal;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.retention.AnonymousCases;
import se.stegvis.survey.Survey;
import se.stegvis.survey.SurveyQuestion;

/**
 * Reads the case data the reports count, limited in the query itself to the cases the viewer may
 * see ({@link CaseAccess#visibleIn}) and optionally to one project. One query returns one lean
 * row per case with the columns the tables need (dates, gender, birth date, referral, exit and
 * follow-up codes); placements and survey answers are read for the same cases by the same
 * conditions. No case's object graph is loaded.
 */
@Component
class ReportCases {

  /** One case as the reports see it. */
  record CaseRow(Long caseId, String projectCode, String projectName, Integer plannedPerYear,
      boolean individualLevel, Long participantId, String gender, LocalDate birthDate, String party,
      String decision, LocalDate referredOn, LocalDate decidedOn, LocalDate startedOn, LocalDate exitedOn,
      String incomeAtStart, String timeInSupport, String exitOutcome, String exitIncome, LocalDate followedUpOn,
      Boolean followUpReached, String followUpStatus, String followUpIncome, int placements, int placementDays) {

    boolean activeIn(LocalDate first, LocalDate last) {
      return startedOn != null && !startedOn.isAfter(last) && (exitedOn == null || !exitedOn.isBefore(first));
    }

    /** Age is counted on the start day; for someone who has not started, on the referral day. */
    AgeBand ageBand() {
      return AgeBand.of(birthDate, startedOn != null ? startedOn : referredOn);
    }

    CaseRow withPlacements(int count, int days) {
      return new CaseRow(caseId, projectCode, projectName, plannedPerYear, individualLevel, participantId, gender,
          birthDate, party, decision, referredOn, decidedOn, startedOn, exitedOn, incomeAtStart, timeInSupport,
          exitOutcome, exitIncome, followedUpOn, followUpReached, followUpStatus, followUpIncome, count, days);
    }
  }

  /** The deadlines due in the period of one kind in one state: how many, and how many of them were due before now. */
  record DeadlineRow(String kind, DeadlineState state, long count, long overdue) {
  }

  /**
   * A registered step whose deadline is due in the period: its kind, the day it happened and when
   * it was registered (for the documentation lag).
   */
  record StepRow(String kind, LocalDate stepOn, Instant registeredAt) {
  }

  /** One survey answer (1–5) of a case. */
  record AnswerRow(Long caseId, Survey survey, String question, int answer) {
  }

  /**
   * The survey answers counted in a survey table: per question and answer (1–5) how many, and how
   * many cases answered at all.
   */
  record SurveyCounts(Map<String, Map<Integer, Long>> byQuestion, long respondents) {
    static final SurveyCounts NONE = new SurveyCounts(Map.of(), 0);
  }

  /** Everything one report reads, for one viewer, project (or all) and period; deadlines and answers on demand. */
  static final class ReportData {
    private final String project;
    private final ReportPeriod period;
    private final List<CaseRow> cases;
    private final java.util.function.Function<Instant, List<DeadlineRow>> deadlines;
    private final Supplier<List<AnswerRow>> answers;
    private final Supplier<List<StepRow>> steps;
    private List<DeadlineRow> readDeadlines;
    private List<StepRow> readSteps;
    private List<AnswerRow> readAnswers;
    private final java.util.function.Function<Survey, SurveyCounts> surveyCounts;
    private final Map<Survey, SurveyCounts> readSurveyCounts = new java.util.EnumMap<>(Survey.class);

    ReportData(String project, ReportPeriod period, List<CaseRow> cases,
        java.util.function.Function<Instant, List<DeadlineRow>> deadlines,
        Supplier<List<AnswerRow>> answers) {
      this(project, period, cases, deadlines, List::of, answers, survey -> SurveyCounts.NONE);
    }

    ReportData(String project, ReportPeriod period, List<CaseRow> cases,
        java.util.function.Function<Instant, List<DeadlineRow>> deadlines, Supplier<List<StepRow>> steps,
        Supplier<List<AnswerRow>> answers, java.util.function.Function<Survey, SurveyCounts> surveyCounts) {
      this.surveyCounts = surveyCounts;
      this.steps = steps;
      this.project = project;
      this.period = period;
      this.cases = cases;
      this.deadlines = deadlines;
      this.answers = answers;
    }

    String project() {
      return project;
    }

    ReportPeriod period() {
      return period;
    }

    List<CaseRow> cases() {
      return cases;
    }

    /** The deadlines due in the period, counted in the database; "overdue" against {@code now}. */
    List<DeadlineRow> deadlines(Instant now) {
      if (readDeadlines == null) {
        readDeadlines = deadlines.apply(now);
      }
      return readDeadlines;
    }

    /** The registered steps whose deadlines are due in the period. */
    List<StepRow> steps() {
      if (readSteps == null) {
        readSteps = steps.get();
      }
      return readSteps;
    }

    List<AnswerRow> answers() {
      if (readAnswers == null) {
        readAnswers = answers.get();
      }
      return readAnswers;
    }

    /** The answers of a survey table, counted in the database. */
    SurveyCounts surveyCounts(Survey survey) {
      return readSurveyCounts.computeIfAbsent(survey, surveyCounts);
    }
  }

  /**
   * The cases any table of the period may count: referred on or before its last day, and either
   * not exited before its first day or followed up within it; and referred, decided or started at
   * all within reach of it.
   */
  private static final String CASES_IN_REACH = """
      CaseFile c join c.project pr join c.participant p join Referral r on r.caseId = c.id
        left join CaseExit e on e.caseId = c.id left join FollowUp f on f.caseId = c.id
      where c.referredOn <= :to
        and (c.exitedOn is null or c.exitedOn >= :from or (f.followedUpOn >= :from and f.followedUpOn <= :to))
        and (c.referredOn >= :from or c.startedOn is not null or r.decidedOn >= :from)
      """;

  private final EntityManager entityManager;
  private final CaseAccess access;
  private final AnonymousCases anonymousCases;

  ReportCases(EntityManager entityManager, CaseAccess access, AnonymousCases anonymousCases) {
    this.entityManager = entityManager;
    this.access = access;
    this.anonymousCases = anonymousCases;
  }

  /** The data of one report; call within a transaction, the deadlines and answers are read when first asked for. */
  ReportData load(String projectCode, ReportPeriod period) {
    var visible = access.visibleIn(access.viewer(), "c", "pr");
    return new ReportData(projectCode, period, cases(projectCode, period, visible),
        now -> deadlines(projectCode, period, visible, now), () -> steps(projectCode, period, visible),
        () -> answers(projectCode, period, visible),
        survey -> surveyCounts(projectCode, period, visible, survey));
  }

  private List<CaseRow> cases(String projectCode, ReportPeriod period, CaseAccess.Condition visible) {
    List<Object[]> rows = inReach("""
        select c.id, pr.code, pr.name, pr.plannedParticipantsPerYear, pr.individualLevel, p.id, p.gender,
          p.birthDate, r.party, r.decision, c.referredOn, r.decidedOn, c.startedOn, c.exitedOn, r.incomeSource,
          r.timeInSupport, e.outcome, e.incomeSource, f.followedUpOn, f.reached, f.status, f.incomeSource
        from""", projectCode, period, visible).getResultList();
    Map<Long, int[]> placements = placements(projectCode, period, visible);
    var living = rows.stream().map(row -> {
      int[] placed = placements.getOrDefault((Long) row[0], new int[2]);
      return new CaseRow((Long) row[0], (String) row[1], (String) row[2], (Integer) row[3], (Boolean) row[4],
          (Long) row[5], (String) row[6], (LocalDate) row[7], (String) row[8], (String) row[9], (LocalDate) row[10],
          (LocalDate) row[11], (LocalDate) row[12], (LocalDate) row[13], (String) row[14], (String) row[15],
          (String) row[16], (String) row[17], (LocalDate) row[18], (Boolean) row[19], (String) row[20],
          (String) row[21], placed[0], placed[1]);
    });
    // Cases deleted by gallring still count, as the anonymous rows it left.
    var deleted = anonymousCases.inReach(projectCode, period.from(), period.to()).stream().map(ReportCases::deleted);
    return java.util.stream.Stream.concat(living, deleted).toList();
  }

  /**
   * A case deleted by gallring as a row: negative ids (each counts as one person), a birth date
   * that gives the age recorded on the counted day (so the age band is as before), its codes as
   * stored; a follow-up counts as reached when it has a status. Its deadlines and survey answers
   * went with it.
   */
  private static CaseRow deleted(AnonymousCases.AnonymousCase a) {
    LocalDate countedOn = a.startedOn() != null ? a.startedOn() : a.referredOn();
    return new CaseRow(-a.id(), a.projectCode(), a.projectName(), a.plannedPerYear(), a.individualLevel(), -a.id(),
        a.gender(), a.ageAtStart() == null ? null : countedOn.minusYears(a.ageAtStart()), a.party(), a.decision(),
        a.referredOn(), a.decidedOn(), a.startedOn(), a.exitedOn(), a.incomeAtReferral(), a.timeInSupport(),
        a.exitOutcome(), a.incomeAtExit(), a.followedUpOn(),
        a.followedUpOn() == null ? null : a.followUpStatus() != null, a.followUpStatus(), a.incomeAtFollowUp(),
        a.placements(), 0);
  }

  /**
   * Per case: the placements that started (a first day was agreed) and their days, first to last
   * included, of those ended (as {@code Placement.durationDays}).
   */
  private Map<Long, int[]> placements(String projectCode, ReportPeriod period, CaseAccess.Condition visible) {
    List<Object[]> rows = inReach("""
        select pl.caseId, pl.plannedStart, pl.endedOn from Placement pl, """, projectCode, period, visible,
        "pl.caseId = c.id and pl.plannedStart is not null").getResultList();
    Map<Long, int[]> byCase = new HashMap<>();
    for (Object[] row : rows) {
      int[] figures = byCase.computeIfAbsent((Long) row[0], id -> new int[2]);
      figures[0]++;
      LocalDate first = (LocalDate) row[1];
      LocalDate last = (LocalDate) row[2];
      if (last != null && !last.isBefore(first)) {
        figures[1] += (int) ChronoUnit.DAYS.between(first, last) + 1;
      }
    }
    return byCase;
  }

  private List<AnswerRow> answers(String projectCode, ReportPeriod period, CaseAccess.Condition visible) {
    List<Object[]> rows = inReach("select a.caseId, a.survey, a.question, a.answer from SurveyAnswer a, ",
        projectCode, period, visible, "a.caseId = c.id").getResultList();
    return rows.stream().map(r -> new AnswerRow((Long) r[0], (Survey) r[1], (String) r[2], (Integer) r[3])).toList();
  }

  /**
   * The answers of one survey counted in the database: those of the cases that exited in the period
   * (the survey at exit) or were followed up in it (at follow-up), of the cases the viewer may see.
   */
  private SurveyCounts surveyCounts(String projectCode, ReportPeriod period, CaseAccess.Condition visible,
      Survey survey) {
    String counted = "a.caseId = c.id and a.survey = :survey and "
        + (survey == Survey.EXIT ? "c.exitedOn" : "f.followedUpOn") + " >= :from and "
        + (survey == Survey.EXIT ? "c.exitedOn" : "f.followedUpOn") + " <= :to";
    Query byAnswer = inReach("select a.question, a.answer, count(a) from SurveyAnswer a, ", projectCode, period,
        visible, counted + " group by a.question, a.answer").setParameter("survey", survey);
    Map<String, Map<Integer, Long>> byQuestion = new HashMap<>();
    for (Object row : byAnswer.getResultList()) {
      Object[] r = (Object[]) row;
      byQuestion.computeIfAbsent((String) r[0], q -> new HashMap<>()).put((Integer) r[1], (Long) r[2]);
    }
    Query respondents = inReach("select count(distinct a.caseId) from SurveyAnswer a, ", projectCode, period,
        visible, counted).setParameter("survey", survey);
    Object result = respondents.getSingleResult();
    Object count = result instanceof Object[] row ? row[0] : result;
    return new SurveyCounts(byQuestion, ((Number) count).longValue());
  }

  /** The deadlines due in the period (Swedish calendar days), of the cases the viewer may see. */
  private List<DeadlineRow> deadlines(String projectCode, ReportPeriod period, CaseAccess.Condition visible,
      Instant now) {
    Query query = entityManager.createQuery("""
        select d.kind, d.state, count(d), sum(case when d.dueAt < :now then 1 else 0 end)
        from Deadline d, CaseFile c join c.project pr
        where c.id = d.caseId and d.dueAt >= :start and d.dueAt < :end and\s""" + visible.jpql()
        + (projectCode == null ? "" : " and pr.code = :project") + " group by d.kind, d.state", Object[].class)
        .setParameter("start", period.start()).setParameter("end", period.end()).setParameter("now", now);
    visible.bind(query);
    if (projectCode != null) {
      query.setParameter("project", projectCode);
    }
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(r -> new DeadlineRow((String) r[0], (DeadlineState) r[1], ((Number) r[2]).longValue(),
        ((Number) r[3]).longValue())).toList();
  }

  /** The registered steps whose deadlines are due in the period, of the cases the viewer may see. */
  private List<StepRow> steps(String projectCode, ReportPeriod period, CaseAccess.Condition visible) {
    Query query = entityManager.createQuery("""
        select d.kind, d.stepOn, d.completedAt
        from Deadline d, CaseFile c join c.project pr
        where c.id = d.caseId and d.stepOn is not null and d.dueAt >= :start and d.dueAt < :end and\s"""
        + visible.jpql() + (projectCode == null ? "" : " and pr.code = :project"), Object[].class)
        .setParameter("start", period.start()).setParameter("end", period.end());
    visible.bind(query);
    if (projectCode != null) {
      query.setParameter("project", projectCode);
    }
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(r -> new StepRow((String) r[0], (LocalDate) r[1], (Instant) r[2])).toList();
  }

  private Query inReach(String select, String projectCode, ReportPeriod period, CaseAccess.Condition visible,
      String... more) {
    StringBuilder jpql = new StringBuilder(select).append(' ').append(CASES_IN_REACH).append(" and ")
        .append(visible.jpql());
    if (projectCode != null) {
      jpql.append(" and pr.code = :project");
    }
    for (String condition : more) {
      jpql.append(" and ").append(condition);
    }
    Query query = entityManager.createQuery(jpql.toString(), Object[].class)
        .setParameter("from", period.from()).setParameter("to", period.to());
    visible.bind(query);
    if (projectCode != null) {
      query.setParameter("project", projectCode);
    }
    return query;
  }

  /** The configured questions of a survey, in their order. */
  List<SurveyQuestion> questions(Survey survey) {
    return entityManager.createQuery("select q from SurveyQuestion q where q.survey = :survey order by q.sortOrder",
        SurveyQuestion.class).setParameter("survey", survey).getResultList();
  }

  /** The effect goals of the projects, with their projects, in project and goal order. */
  List<ProjectGoal> goals(Collection<String> projectCodes) {
    if (projectCodes.isEmpty()) {
      return List.of();
    }
    return entityManager.createQuery(
        "select g from ProjectGoal g join fetch g.project pr where pr.code in :codes order by pr.code, g.id",
        ProjectGoal.class).setParameter("codes", projectCodes).getResultList();
  }

  /** The project with the code, if there is one. */
  Optional<Project> project(String code) {
    return entityManager.createQuery("select p from Project p where p.code = :code", Project.class)
        .setParameter("code", code).getResultList().stream().findFirst();
  }
}
