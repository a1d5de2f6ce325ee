package se.stegvis.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import se.stegvis.audit.AuditEntry.Judgement;
import se.stegvis.audit.MembershipHistory.Period;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.time.EngineClock;

/**
 * Log review for managers: the entries of a case, of a user, of a period, and the accesses by
 * users outside the case's team. A manager sees the entries of their own projects only (the
 * projects whose manager group they belong to); an administrator sees all.
 */
@Service
class AuditReview {

  private final NamedParameterJdbcTemplate jdbc;
  private final CaseAccess access;
  private final ProjectRepository projects;
  private final MembershipHistory memberships;

  AuditReview(NamedParameterJdbcTemplate jdbc, CaseAccess access, ProjectRepository projects,
      MembershipHistory memberships) {
    this.jdbc = jdbc;
    this.access = access;
    this.projects = projects;
    this.memberships = memberships;
  }

  List<AuditEntry> forCase(String caseNumber) {
    return entries("case_number = :caseNumber", new MapSqlParameterSource("caseNumber", caseNumber));
  }

  List<AuditEntry> forUser(String userId, LocalDate from, LocalDate to) {
    return entries("user_id = :userId and " + PERIOD, period(from, to).addValue("userId", userId));
  }

  List<AuditEntry> inPeriod(LocalDate from, LocalDate to) {
    return entries(PERIOD, period(from, to));
  }

  /** The relations, recorded with each entry, of a reader inside the case's team. */
  private static final Set<String> INSIDE = Set.of("OWN_CASE", "SAME_TEAM", "MY_PROJECT");

  /**
   * Accesses to watch: by someone who at the time of the access was neither the case's coach, nor
   * in a team with the coach, nor one of its project's managers (working group, placement
   * coordinators, administrators, other coaches). Each entry is judged by the reader's relation
   * recorded with it (Flyway 11); an older entry by the membership history at its time (Flyway 18,
   * {@link MembershipHistory}); an entry older than the history too by today's memberships, and it
   * says so ({@link AuditEntry.Judgement#TODAY}).
   */
  List<AuditEntry> outsideTeam(LocalDate from, LocalDate to) {
    List<AuditEntry> entries = inPeriod(from, to);
    List<AuditEntry> outside = new ArrayList<>();
    Instant began = null;
    List<Period> history = null;
    List<Period> today = null;
    Map<Long, String> managerGroups = new HashMap<>();
    for (AuditEntry e : entries) {
      if (e.readerRelation() != null) {
        if (!INSIDE.contains(e.readerRelation())) {
          outside.add(e.judged(Judgement.RECORDED));
        }
        continue;
      }
      if (began == null) {
        began = memberships.began();
        history = memberships.all();
        today = memberships.today();
        projects.findAll().forEach(p -> managerGroups.put(p.getId(), p.getManagerGroup()));
      }
      boolean known = !e.occurredAt().isBefore(began);
      if (!inside(e, managerGroups.get(e.projectId()), known ? history : today)) {
        outside.add(e.judged(known ? Judgement.HISTORY : Judgement.TODAY));
      }
    }
    return outside;
  }

  /**
   * Whether the reader was, at the entry's time by the given periods, the case's coach, in a team
   * with the coach, or a manager of the case's project.
   */
  static boolean inside(AuditEntry e, String managerGroup, List<Period> periods) {
    if (e.userId().equals(e.caseCoach())) {
      return true;
    }
    Set<String> readerGroups = new HashSet<>();
    Set<String> coachTeams = new HashSet<>();
    for (Period period : periods) {
      if (period.validAt(e.occurredAt())) {
        if (period.userId().equals(e.userId())) {
          readerGroups.add(period.groupId());
        }
        if (period.isTeam() && period.userId().equals(e.caseCoach())) {
          coachTeams.add(period.groupId());
        }
      }
    }
    return managerGroup != null && readerGroups.contains(managerGroup)
        || coachTeams.stream().anyMatch(readerGroups::contains);
  }

  /** A user's membership periods, for the review: who was in which group and team when. */
  MembershipHistoryView membershipsOf(String userId) {
    reviewableProjects();
    return new MembershipHistoryView(userId, memberships.began(), memberships.of(userId));
  }

  /** A user's membership periods, and since when the history is known. */
  record MembershipHistoryView(String userId, Instant historyBegan, List<Period> periods) {
  }

  private static final String PERIOD = "occurred_at >= :from and occurred_at < :to";

  private static MapSqlParameterSource period(LocalDate from, LocalDate to) {
    return new MapSqlParameterSource("from", Timestamp.from(from.atStartOfDay(EngineClock.ZONE).toInstant()))
        .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant()));
  }

  private List<AuditEntry> entries(String where, MapSqlParameterSource parameters) {
    return jdbc.query("select * from audit_entry where project_id in (:projects) and " + where
        + " order by occurred_at, id", parameters.addValue("projects", reviewableProjects()), AuditReview::entry);
  }

  /** The projects whose log the viewer may review; refused (403) when none. */
  private List<Long> reviewableProjects() {
    var viewer = access.viewer();
    List<Long> reviewable = new ArrayList<>();
    for (Project project : projects.findAll()) {
      if (viewer.isAdministrator() || viewer.groups().contains(project.getManagerGroup())) {
        reviewable.add(project.getId());
      }
    }
    if (reviewable.isEmpty()) {
      throw new VisibleCases.RoleRefused("Loggranskning är till för projektledare (chefer) och administratörer.");
    }
    return reviewable;
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
        rs.getString("case_number"), rs.getLong("project_id"), rs.getString("case_coach"), rs.getString("action"),
        rs.getString("resource"), rs.getString("client_address"), rs.getString("client"), rs.getString("reader_relation"),
        rs.getString("auth_subject"), rs.getString("auth_provider"), null);
  }
}
