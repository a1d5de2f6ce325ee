package se.stegvis.retention;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseAccess;

/**
 * The cases gallring has deleted, as the anonymous rows it left ({@code statistics_case}), for the
 * reports to count beside the living cases. They are project-level figures: administrators and the
 * project's managers see them.
 */
@Component
public class AnonymousCases {

  /** One deleted case: no person, no case number; the age was counted on the start (or referral) day. */
  public record AnonymousCase(long id, String projectCode, String projectName, Integer plannedPerYear,
      boolean individualLevel, String gender, Integer ageAtStart, String party, String decision,
      LocalDate referredOn, LocalDate decidedOn, LocalDate startedOn, LocalDate exitedOn, String incomeAtReferral,
      String timeInSupport, String exitOutcome, String incomeAtExit, LocalDate followedUpOn, String followUpStatus,
      String incomeAtFollowUp, int placements) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final CaseAccess access;

  AnonymousCases(NamedParameterJdbcTemplate jdbc, CaseAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /**
   * The same reach as the living cases of a report period: referred by its end, and not exited
   * before its start or followed up within it.
   */
  public List<AnonymousCase> inReach(String projectCode, LocalDate from, LocalDate to) {
    var viewer = access.viewer();
    var parameters = new MapSqlParameterSource("from", Date.valueOf(from)).addValue("to", Date.valueOf(to))
        .addValue("project", projectCode);
    return jdbc.query("""
        select s.*, pr.code, pr.name, pr.planned_participants_per_year, pr.individual_level, pr.manager_group
        from statistics_case s join project pr on pr.id = s.project_id
        where s.referred_on <= :to
          and (s.exited_on is null or s.exited_on >= :from or s.followed_up_on between :from and :to)
          and (s.referred_on >= :from or s.started_on is not null or s.decided_on >= :from)
          and (cast(:project as varchar(20)) is null or pr.code = :project)
        order by s.id""", parameters, (rs, row) -> viewer.isAdministrator()
            || viewer.groups().contains(rs.getString("manager_group"))
            ? new AnonymousCase(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                (Integer) rs.getObject("planned_participants_per_year"), rs.getBoolean("individual_level"),
                rs.getString("gender"), (Integer) rs.getObject("age_at_start"), rs.getString("party"),
                rs.getString("decision"), day(rs.getDate("referred_on")), day(rs.getDate("decided_on")),
                day(rs.getDate("started_on")), day(rs.getDate("exited_on")), rs.getString("income_at_referral"),
                rs.getString("time_in_support"), rs.getString("exit_outcome"), rs.getString("income_at_exit"),
                day(rs.getDate("followed_up_on")), rs.getString("follow_up_status"),
                rs.getString("income_at_follow_up"), rs.getInt("placements"))
            : null).stream().filter(java.util.Objects::nonNull).toList();
  }

  private static LocalDate day(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
