package se.stegvis.audit;

import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import se.stegvis.time.EngineClock;


/**
 * Writes the audit log: who read or changed which case, when, what, and from which client. The
 * only way into {@code audit_entry}; there is no way to change or remove an entry (the database
 * refuses it too, see {@link AppendOnlyAuditLog}).
 */
@Service
public class AuditLog {

  /** The user of entries written with no one logged in: timers, start-up work. */
  static final String SYSTEM = "system";

  public enum Action { READ, CHANGE }

  /**
   * The case's number, project and coach are copied, so an entry outlives its case; and the
   * reader's relation to the case at this moment (its coach, a teammate of the coach, a manager of
   * its project, as {@code access.Relation} names them), so the review judges the entry by the
   * memberships of its time ({@link AuditReview#outsideTeam}).
   */
  private static final String INSERT = """
      insert into audit_entry (occurred_at, user_id, case_id, case_number, project_id, case_coach, action, resource,
        client_address, client, auth_subject, auth_provider, reader_relation)
      select ?, ?, c.id, c.case_number, c.project_id, c.coach, ?, ?, ?, ?, ?, ?,
        case when c.coach = ? then 'OWN_CASE'
          when exists (select 1 from act_id_membership m join act_id_group g on g.id_ = m.group_id_
            join act_id_membership t on t.group_id_ = m.group_id_
            where g.type_ = 'TEAM' and m.user_id_ = ? and t.user_id_ = c.coach) then 'SAME_TEAM'
          when exists (select 1 from act_id_membership m join project p on p.manager_group = m.group_id_
            where p.id = c.project_id and m.user_id_ = ?) then 'MY_PROJECT'
          else 'NONE' end
      from case_file c where c.id = ?""";

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final EngineClock clock;

  AuditLog(JdbcTemplate jdbc, IdentityService identityService, EngineClock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.clock = clock;
  }

  /**
   * A read is logged in a transaction of its own: it happened whatever follows, and the reading
   * transaction may be read-only.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void read(Collection<Long> caseIds, String resource) {
    if (caseIds.isEmpty()) {
      return;
    }
    // One batch: a list view (Cockpit's "Försenade steg") logs a page of cases per request.
    Object[] entry = entry(Action.READ, resource);
    List<Object[]> rows = caseIds.stream().map(id -> row(entry, id)).toList();
    int[] written = jdbc.batchUpdate(INSERT, rows);
    for (int i = 0; i < written.length; i++) {
      // A driver may answer "done, count unknown" for a batched statement.
      if (written[i] != 1 && written[i] != Statement.SUCCESS_NO_INFO) {
        throw new IllegalStateException("No case " + caseIds.toArray()[i] + " to log READ of " + resource);
      }
    }
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void read(Long caseId, String resource) {
    write(caseId, Action.READ, resource);
  }

  /**
   * A search for a person: who, when, what was sought, among which cases (open, exited, all) and
   * how many answered. In a transaction of its own, like a read; a search that found nothing is
   * logged too. The cases that answered are logged as reads by the caller.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void searched(String sought, String status, int hits) {
    Object[] entry = entry(Action.READ, sought);
    jdbc.update("""
        insert into search_entry (occurred_at, user_id, sought, status, hits, client_address, client, auth_subject,
          auth_provider)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entry[0], entry[1], clip(sought, 200), status, hits, entry[4], entry[5],
        entry[6], entry[7]);
  }

  /** A change is logged in the changing transaction: a refused change leaves no entry. */
  @Transactional(propagation = Propagation.REQUIRED)
  public void changed(Long caseId, String resource) {
    write(caseId, Action.CHANGE, resource);
  }

  private void write(Long caseId, Action action, String resource) {
    int written = jdbc.update(INSERT, row(entry(action, resource), caseId));
    if (written != 1) {
      throw new IllegalStateException("No case " + caseId + " to log " + action + " of " + resource);
    }
  }

  /**
   * An entry's values but the case: when, who, what, from which client, and how the user signed in
   * (the provider's subject and issuer with single sign-on, "lokal" with a Stegvis password, neither
   * for work with no one logged in).
   */
  private Object[] entry(Action action, String resource) {
    var authentication = identityService.getCurrentAuthentication();
    String user = authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        ? a.getRequest() : null;
    SignIn signIn = SYSTEM.equals(user) ? new SignIn(null, null) : request == null ? SignIn.LOCAL : SignIn.of(request);
    return new Object[] {Timestamp.from(clock.now()), user, action.name(), clip(resource, 200),
        request == null ? null : clip(request.getRemoteAddr(), 64), clip(client(request), 300),
        clip(signIn.subject(), 255), clip(signIn.provider(), 255)};
  }

  /** The insert's parameters: the entry's values, the user three times for the relation, then the case. */
  private static Object[] row(Object[] entry, Long caseId) {
    Object[] row = Arrays.copyOf(entry, entry.length + 4);
    Arrays.fill(row, entry.length, entry.length + 3, entry[1]);
    row[entry.length + 3] = caseId;
    return row;
  }

  /** The kind of client (which door) and its user agent. */
  static String client(HttpServletRequest request) {
    if (request == null) {
      return "Stegvis (intern körning)";
    }
    String uri = request.getRequestURI();
    String kind;
    if (uri.startsWith("/engine-rest")) {
      kind = "Engine REST";
    } else if (uri.startsWith("/camunda")) {
      kind = "Camunda webapp";
    } else if (request.getHeader("Authorization") != null) {
      kind = "API (HTTP Basic)";
    } else {
      kind = "Webbgränssnitt";
    }
    String agent = request.getHeader("User-Agent");
    return agent == null ? kind : kind + ": " + agent;
  }

  private static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
