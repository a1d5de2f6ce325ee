package se.stegvis.caseload;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.access.Role;
import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.problems.FormRejectedException;

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

  Caseloads(EntityManager entityManager, CaseAccess access, CaseSummaries summaries, AuditLog audit) {
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
    List<CaseFacts> facts = selection(viewer, request);
    List<CaseSummary> rows = summaries.withoutStepNames(facts);

    List<CaseSummary> matching = rows.stream().filter(request.due().matches)
        .filter(s -> request.coach() == null || request.coach().equals(s.coach()))
        .sorted(order.comparator(request.ascending())).toList();
    List<CaseSummary> shown = matching.subList(Math.min(request.offset(), matching.size()),
        Math.min(request.offset() + request.limit(), matching.size()));

    Map<String, CaseFacts> byNumber = facts.stream().collect(Collectors.toMap(CaseFacts::caseNumber, Function.identity()));
    List<CaseFacts> page = shown.stream().map(s -> byNumber.get(s.caseNumber())).toList();
    audit.read(page.stream().map(CaseFacts::id).toList(), "Mina deltagare (namn, fas, nästa steg)");
    int late = (int) matching.stream().filter(NextStepDue.LATE.matches).count();
    return new Caseload(manager ? View.MANAGER : View.COACH, request.status().parameter(), matching.size(), late,
        request.offset(), request.limit(), byCoach(rows), summaries.of(page));
  }

  private List<CaseFacts> selection(CaseAccess.Viewer viewer, Request request) {
    var condition = access.caseloadIn(viewer, "c", "p");
    var query = entityManager.createQuery(CaseFacts.SELECT + "c.phase in :phases and " + condition.jpql()
        + (request.project() == null ? "" : " and p.code = :project"), CaseFacts.class)
        .setParameter("phases", request.status().phases());
    if (request.project() != null) {
      query.setParameter("project", request.project());
    }
    condition.bind(query);
    return query.getResultList();
  }

  /** The coaches in name order, the cases without a coach last. */
  private static List<CoachCount> byCoach(List<CaseSummary> rows) {
    Map<String, List<CaseSummary>> groups = rows.stream()
        .collect(Collectors.groupingBy(s -> Objects.requireNonNullElse(s.coach(), ""), Collectors.toList()));
    Collator swedish = Collator.getInstance(CaseListOrder.SWEDISH);
    return groups.values().stream().map(cases -> new CoachCount(cases.get(0).coach(), cases.get(0).coachName(),
        cases.size(), (int) cases.stream().filter(NextStepDue.LATE.matches).count(),
        (int) cases.stream().filter(NextStepDue.WEEK.matches).count()))
        .sorted(Comparator.comparing(CoachCount::coachName, Comparator.nullsLast(swedish::compare))).toList();
  }
}
