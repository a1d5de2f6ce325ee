package se.stegvis.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

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
  private final IdentityService identityService;

  AuditReview(NamedParameterJdbcTemplate jdbc, CaseAccess access, ProjectRepository projects,
      IdentityService identityService) {
    this.jdbc = jdbc;
    this.access = access;
    this.projects = projects;
    this.identityService = identityService;
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
   * coordinators, administrators, other coaches). Entries from before the relation was recorded
   * (it is null) are judged by the coach at the time and today's managers.
   */
  List<AuditEntry> outsideTeam(LocalDate from, LocalDate to) {
    Map<Long, Set<String>> managersByProject = new HashMap<>();
    return inPeriod(from, to).stream()
        .filter(e -> e.readerRelation() != null ? !INSIDE.contains(e.readerRelation())
            : !e.userId().equals(e.caseCoach())
                && !managersByProject.computeIfAbsent(e.projectId(), this::managers).contains(e.userId()))
        .toList();
  }

  private static final String PERIOD = "occurred_at >= :from and occurred_at < :to";

  private static MapSqlParameterSource period(LocalDate from, LocalDate to) {
    return new MapSqlParameterSource("from", Timestamp.from(from.atStartOfDay(EngineClock.ZONE).toInstant()))
        .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant()));
  }

  private Set<String> managers(Long projectId) {
    String group = projects.findById(projectId).map(Project::getManagerGroup).orElse(null);
    return group == null ? Set.of()
        : identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
            .collect(Collectors.toSet());
  }

  private List<AuditEntry> entries(String where, MapSqlParameterSource parameters) {
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
    return jdbc.query("select * from audit_entry where project_id in (:projects) and " + where
        + " order by occurred_at, id", parameters.addValue("projects", reviewable), AuditReview::entry);
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
        rs.getString("case_number"), rs.getLong("project_id"), rs.getString("case_coach"), rs.getString("action"),
        rs.getString("resource"), rs.getString("client_address"), rs.getString("client"), rs.getString("reader_relation"),
        rs.getString("auth_subject"), rs.getString("auth_provider"));
  }
}
