package se.stegvis.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.stegvis.identity.Groups;
import se.stegvis.time.EngineClock;

/**
 * The history of group and team memberships (Flyway 18, {@link MembershipHistoryBegins}): written by
 * the engine's identity provider ({@link MembershipRecording}) in the transaction that changes the
 * membership, read by the log review. Append-only: there is no update or delete here, and the
 * database refuses them ({@link AppendOnlyAuditLog}).
 *
 * <p>No engine service is used here: the engine's identity provider calls this class while the
 * engine is being built.
 */
@Service
public class MembershipHistory {

  /** Why a membership period started or ended. */
  enum Cause {
    /** A member when the history began (Flyway 18): since when is unknown. */
    HISTORY_BEGINS,
    ADDED,
    REMOVED,
    USER_DELETED,
    GROUP_DELETED,
    /** The group's type changed (a group became a team, or stopped being one): the period ends and a new one starts. */
    GROUP_TYPE
  }

  /**
   * One membership period. {@code validTo} is null while it lasts. With {@code startCause}
   * HISTORY_BEGINS, {@code validFrom} is when the history began, not when the membership did.
   */
  public record Period(String userId, String groupId, String groupType, Instant validFrom, Instant validTo,
      String startCause, String startedBy, String endCause, String endedBy) {

    boolean isTeam() {
      return Groups.TEAM_TYPE.equals(groupType);
    }

    boolean validAt(Instant at) {
      return !at.isBefore(validFrom) && (validTo == null || at.isBefore(validTo));
    }
  }

  private static final String INSERT = """
      insert into membership_change (occurred_at, user_id, group_id, group_type, kind, cause, changed_by)
      values (?, ?, ?, ?, ?, ?, ?)""";

  /** Ends every period of the matching open ones, as one insert. */
  private static final String END_OPEN = """
      insert into membership_change (occurred_at, user_id, group_id, group_type, kind, cause, changed_by)
      select ?, user_id, group_id, group_type, 'END', ?, ? from membership_history where valid_to is null""";

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  MembershipHistory(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void started(String userId, String groupId, Cause cause, String by) {
    jdbc.update(INSERT, now(), userId, groupId, groupType(groupId), "START", cause.name(), by);
  }

  void ended(String userId, String groupId, Cause cause, String by) {
    jdbc.update(END_OPEN + " and user_id = ? and group_id = ?", now(), cause.name(), by, userId, groupId);
  }

  void endedAllOfUser(String userId, Cause cause, String by) {
    jdbc.update(END_OPEN + " and user_id = ?", now(), cause.name(), by, userId);
  }

  void endedAllOfGroup(String groupId, Cause cause, String by) {
    jdbc.update(END_OPEN + " and group_id = ?", now(), cause.name(), by, groupId);
  }

  /** The group's members' periods end and start anew under its new type. */
  void groupTypeChanged(String groupId, String newType, String by) {
    Timestamp now = now();
    List<String> members = jdbc.queryForList(
        "select user_id from membership_history where valid_to is null and group_id = ? order by user_id",
        String.class, groupId);
    jdbc.update(END_OPEN + " and group_id = ?", now, Cause.GROUP_TYPE.name(), by, groupId);
    for (String member : members) {
      jdbc.update(INSERT, now, member, groupId, newType, "START", Cause.GROUP_TYPE.name(), by);
    }
  }

  /** The group's type as stored now (null for a group without one or a missing group). */
  String groupType(String groupId) {
    return jdbc.query("select type_ from act_id_group where id_ = ?", rs -> rs.next() ? rs.getString(1) : null,
        groupId);
  }

  /** When the history began (Flyway 18): before it, memberships are unknown. */
  public Instant began() {
    Timestamp began = jdbc.queryForObject("select min(started_at) from membership_history_start", Timestamp.class);
    return began == null ? Instant.MAX : began.toInstant();
  }

  /** A user's periods, oldest first. */
  public List<Period> of(String userId) {
    return jdbc.query("select * from membership_history where user_id = ? order by valid_from, id",
        MembershipHistory::period, userId);
  }

  /** Every period, for judging many reads at once. */
  List<Period> all() {
    return jdbc.query("select * from membership_history order by id", MembershipHistory::period);
  }

  /** Today's memberships as the engine holds them, as open periods with no start. */
  List<Period> today() {
    return jdbc.query("""
        select m.user_id_, m.group_id_, g.type_ from act_id_membership m join act_id_group g on g.id_ = m.group_id_""",
        (rs, row) -> new Period(rs.getString(1), rs.getString(2), rs.getString(3), Instant.MIN, null, null, null,
            null, null));
  }

  private Timestamp now() {
    return Timestamp.from(clock.now());
  }

  private static Period period(ResultSet rs, int row) throws SQLException {
    Timestamp to = rs.getTimestamp("valid_to");
    return new Period(rs.getString("user_id"), rs.getString("group_id"), rs.getString("group_type"),
        rs.getTimestamp("valid_from").toInstant(), to == null ? null : to.toInstant(), rs.getString("start_cause"),
        rs.getString("started_by"), rs.getString("end_cause"), rs.getString("ended_by"));
  }
}
