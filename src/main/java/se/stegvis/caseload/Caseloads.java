package se.stegvis.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.access.Role;
import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.time.EngineClock;

/**
 * "Mina deltagare": a coach's own cases; a manager's, all cases of her projects grouped by coach (or
 * of one project); a placement coordinator's, the cases where she arranges a placement
 * ({@link CaseAccess#caseloadIn}). A caseload can be a whole project of thousands: it is read as
 * {@link CaseFacts} in one query, counted per coach, filtered and sorted whole, and answered a page
 * at a time; only the page's cases are named in full and logged as read.
 */
@Service
class Caseloads {

  static final int DEFAULT_PAGE = 100;
  static final int LARGEST_PAGE = 500;

  /** How the page shows the list: a manager's grouped by coach. */
  enum View { COACH, MANAGER }

  /** What the user asked for: the selection (status, project, coach, due), its order and the page. */
  record Request(CaseStatus status, String project, String coach, NextStepDue due, String sort, boolean ascending,
      int offset, int limit) {
    Request {
      if (offset < 0) {
        throw new FormRejectedException("Sida: början (offset) kan inte vara negativ.");
      }
      if (limit < 1 || limit > LARGEST_PAGE) {
        throw new FormRejectedException("Sida: visa mellan 1 och " + LARGEST_PAGE + " deltagare åt gången.");
      }
    }
  }

  /** One coach's share of the selection (status and project): every case, the late ones, those due within a week. */
  record CoachCount(String coach, String coachName, int cases, int late, int dueWithinWeek) {
  }

  /**
   * A page of the caseload: {@code total} cases match the filters ({@code late} of them have a late
   * step), {@code cases} are those from {@code offset}; {@code coaches} counts the whole selection
   * by coach, whatever the next-step and coach filters.
   */
  record Caseload(View view, String status, int total, int late, int offset, int limit, List<CoachCount> coaches,
      List<CaseSummary> cases) {
  }

  private final EntityManager entityManager;
  private final CaseAccess access;
  private final CaseSummaries summaries;
  private final AuditLog audit;
  private final EngineClock clock;

  Caseloads(EntityManager entityManager, CaseAccess access, CaseSummaries summaries, AuditLog audit,
      EngineClock clock) {
    this.clock = clock;
    this.entityManager = entityManager;
    this.access = access;
    this.summaries = summaries;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Caseload of(Request request) {
    var viewer = access.viewer();
    boolean manager = viewer.roles().contains(Role.MANAGER) || viewer.isAdministrator();
    CaseListOrder order = CaseListOrder.parse(request.sort(), manager ? CaseListOrder.COACH : CaseListOrder.NAME);
    Selection selection = new Selection(access.caseloadIn(viewer, "c", "p"), request);
    ToIntFunction<CoachCount> matching = switch (request.due()) {
      case ALL -> CoachCount::cases;
      case LATE -> CoachCount::late;
      case WEEK -> CoachCount::dueWithinWeek;
    };
    // In coach order a page holds the cases of a few coaches, whose numbers the database counts: only
    // those are read (a manager's project of thousands). Any other order needs every case of the
    // selection, and then the counts come from what was read (a coach's few: one query, not two).
    List<CoachCount> coaches;
    List<CaseFacts> facts;
    List<CaseSummary> all;
    int skip = request.offset();
    if (order == CaseListOrder.COACH && request.ascending()) {
      coaches = counts(selection);
      List<CoachCount> read = new ArrayList<>();
      int before = 0;
      for (CoachCount coach : listed(coaches, request)) {
        int size = matching.applyAsInt(coach);
        if (before + size > request.offset() && before < request.offset() + request.limit()) {
          if (read.isEmpty()) {
            skip = request.offset() - before;
          }
          read.add(coach);
        }
        before += size;
      }
      facts = read.isEmpty() ? List.of() : facts(selection, read);
      all = summaries.withoutStepNames(facts);
    } else {
      facts = facts(selection, null);
      all = summaries.withoutStepNames(facts);
      coaches = countsOf(all);
    }
    List<CoachCount> listed = listed(coaches, request);
    int total = listed.stream().mapToInt(matching).sum();
    int late = request.due() == NextStepDue.WEEK ? 0 : listed.stream().mapToInt(CoachCount::late).sum();
    List<CaseSummary> rows = all.stream().filter(request.due().matches)
        .filter(s -> request.coach() == null || request.coach().equals(s.coach()))
        .sorted(order.comparator(request.ascending())).toList();
    List<CaseSummary> shown = rows.subList(Math.min(skip, rows.size()), Math.min(skip + request.limit(), rows.size()));

    Map<String, Long> ids = facts.stream().collect(Collectors.toMap(CaseFacts::caseNumber, CaseFacts::id));
    List<Long> page = shown.stream().map(s -> ids.get(s.caseNumber())).toList();
    audit.read(page, "Mina deltagare (namn, fas, nästa steg)");
    return new Caseload(manager ? View.MANAGER : View.COACH, request.status().parameter(), total, late,
        request.offset(), request.limit(), coaches, summaries.withStepNames(shown, page));
  }

  /** The cases of the caseload the request selects (status, project), of the given coaches. */
  private record Selection(CaseAccess.Condition access, Request request) {

    String where() {
      return "c.phase in :phases and " + access.jpql() + (request.project() == null ? "" : " and p.code = :project");
    }

    void bind(Query query) {
      query.setParameter("phases", request.status().phases());
      if (request.project() != null) {
        query.setParameter("project", request.project());
      }
      access.bind(query);
    }
  }

  /** The selection's cases: of the given coaches, or all of them ({@code coaches} null). */
  private List<CaseFacts> facts(Selection selection, List<CoachCount> coaches) {
    if (coaches == null) {
      var query = entityManager.createQuery(CaseFacts.SELECT + selection.where(), CaseFacts.class);
      selection.bind(query);
      return query.getResultList();
    }
    List<String> ids = coaches.stream().map(CoachCount::coach).filter(Objects::nonNull).toList();
    boolean none = coaches.stream().anyMatch(c -> c.coach() == null);
    String ofCoaches = ids.isEmpty() ? "c.coach is null"
        : "(c.coach in :coaches" + (none ? " or c.coach is null)" : ")");
    var query = entityManager.createQuery(CaseFacts.SELECT + selection.where() + " and " + ofCoaches, CaseFacts.class);
    selection.bind(query);
    if (!ids.isEmpty()) {
      query.setParameter("coaches", ids);
    }
    return query.getResultList();
  }

  /**
   * Each coach's cases in the selection, the late ones and those due within a week, counted by the
   * database: the coaches in Swedish name order, the cases without a coach last.
   */
  private List<CoachCount> counts(Selection selection) {
    LocalDate today = clock.today();
    var query = entityManager.createQuery("""
        select c.coach, count(c.id),
          sum(case when exists (select d1.id from Deadline d1 where d1.caseId = c.id and d1.unfinishedDueAt < :todayStarts)
            then 1 else 0 end),
          sum(case when not exists (select d2.id from Deadline d2 where d2.caseId = c.id and d2.unfinishedDueAt < :todayStarts)
            and exists (select d3.id from Deadline d3 where d3.caseId = c.id and d3.unfinishedDueAt < :weekEnds)
            then 1 else 0 end)
        from CaseFile c join c.project p where\s""" + selection.where() + " group by c.coach",
        Object[].class)
        .setParameter("todayStarts", today.atStartOfDay(EngineClock.ZONE).toInstant())
        .setParameter("weekEnds", today.plusDays(NextStepDue.WEEK_DAYS + 1).atStartOfDay(EngineClock.ZONE).toInstant());
    selection.bind(query);
    List<Object[]> rows = query.getResultList();
    Map<String, String> names = summaries.coachNames(rows.stream().map(r -> (String) r[0]).filter(Objects::nonNull)
        .toList());
    return rows.stream().map(r -> new CoachCount((String) r[0], r[0] == null ? null : names.getOrDefault(r[0], (String) r[0]),
        ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), ((Number) r[3]).intValue()))
        .sorted(COACH_ORDER).toList();
  }

  /** The same counts as {@link #counts}, of cases already read. */
  private static List<CoachCount> countsOf(List<CaseSummary> rows) {
    return rows.stream().collect(Collectors.groupingBy(s -> Objects.requireNonNullElse(s.coach(), ""))).values()
        .stream().map(cases -> new CoachCount(cases.get(0).coach(), cases.get(0).coachName(), cases.size(),
            (int) cases.stream().filter(NextStepDue.LATE.matches).count(),
            (int) cases.stream().filter(NextStepDue.WEEK.matches).count()))
        .sorted(COACH_ORDER).toList();
  }

  /** The coaches in Swedish name order (two of the same name by user id), the cases without a coach last. */
  private static final Comparator<CoachCount> COACH_ORDER = Comparator.comparing(CoachCount::coachName,
      Comparator.nullsLast(Comparator.comparing(CaseListOrder::swedishKey))).thenComparing(CoachCount::coach,
      Comparator.nullsLast(Comparator.<String>naturalOrder()));

  private static List<CoachCount> listed(List<CoachCount> coaches, Request request) {
    return coaches.stream().filter(c -> request.coach() == null || request.coach().equals(c.coach())).toList();
  }
}
