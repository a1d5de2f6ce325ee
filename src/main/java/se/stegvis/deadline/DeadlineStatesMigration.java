package se.stegvis.deadline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import se.stegvis.schema.VersionedJavaMigration;
import se.stegvis.time.EngineClock;

/**
 * Flyway 12.1: recomputes the state of every existing deadline from the stored dates, as
 * {@link Deadline} judges a new one. Before, a step was judged by when it was registered, an
 * escalation made it MISSED and an exit made any undone step CANCELLED. Now:
 * <ul>
 * <li>a registered step (MET or MET_LATE) takes the day it happened from the case's own tables
 * (decision day, plan made, meeting n held, meeting the proposal was presented at, follow-up day);
 * a step with no such date (a placement step, a step added in Modeler) keeps its registration day;
 * MET when that day is on or before the due day, MET_LATE when after;</li>
 * <li>an escalated step still undone (MISSED) is OPEN again, overdue, with its escalation time;</li>
 * <li>a step that went away undone (CANCELLED) is dated by the case's exit date (the day it went
 * away when the case has none): MISSED when that is after the due day, CANCELLED when on or before.</li>
 * </ul>
 * Java, not SQL, so the due day is the same Swedish calendar day on H2 and PostgreSQL. A Spring
 * bean, which Spring Boot hands to Flyway; named by its version, not by Flyway's class-name convention.
 */
@Component
public class DeadlineStatesMigration extends VersionedJavaMigration {

  private static final String ROWS = """
      select d.id, d.kind, d.sequence, d.due_at, d.state, d.completed_at, c.exited_on,
             case d.kind
               when 'INTAKE_DECISION' then c.decided_on
               when 'PLAN' then (select min(p.made_on) from action_plan p where p.case_id = d.case_id)
               when 'MEETING' then (select min(m.held_on) from meeting m
                                    where m.case_id = d.case_id and m.sequence = d.sequence)
               when 'PROPOSAL' then (select min(m.held_on) from proposed_action a
                                     join meeting m on m.id = a.presented_at_meeting where a.case_id = d.case_id)
               when 'FOLLOW_UP' then (select min(f.followed_up_on) from follow_up f where f.case_id = d.case_id)
             end as step_on
      from deadline d join case_file c on c.id = d.case_id
      where d.state <> 'OPEN'
      order by d.id
      """;

  private static final String UPDATE = """
      update deadline set state = ?, step_on = ?, ended_on = ?, unfinished_due_at = ? where id = ?
      """;

  public DeadlineStatesMigration() {
    super("12.1", "deadline states from step dates");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    List<Object[]> updates = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(ROWS); ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        updates.add(recomputed(rows));
      }
    }
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      for (Object[] values : updates) {
        for (int i = 0; i < values.length; i++) {
          update.setObject(i + 1, values[i]);
        }
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** state, step_on, ended_on, unfinished_due_at and id of one row. */
  private static Object[] recomputed(ResultSet row) throws SQLException {
    long id = row.getLong("id");
    OffsetDateTime dueAt = row.getObject("due_at", OffsetDateTime.class);
    LocalDate dueDay = day(dueAt.toInstant());
    OffsetDateTime completedAt = row.getObject("completed_at", OffsetDateTime.class);
    LocalDate completedOn = completedAt == null ? null : day(completedAt.toInstant());
    DeadlineState state = DeadlineState.valueOf(row.getString("state"));
    switch (state) {
      case MET, MET_LATE -> {
        LocalDate stepOn = row.getObject("step_on", LocalDate.class);
        LocalDate on = stepOn != null ? stepOn : completedOn != null ? completedOn : dueDay;
        DeadlineState met = on.isAfter(dueDay) ? DeadlineState.MET_LATE : DeadlineState.MET;
        return new Object[] {met.name(), on, null, null, id};
      }
      case MISSED -> {
        return new Object[] {DeadlineState.OPEN.name(), null, null, dueAt, id};
      }
      default -> {
        LocalDate exitedOn = row.getObject("exited_on", LocalDate.class);
        LocalDate ended = exitedOn != null ? exitedOn : completedOn != null ? completedOn : dueDay;
        return new Object[] {(ended.isAfter(dueDay) ? DeadlineState.MISSED : DeadlineState.CANCELLED).name(), null,
            ended, null, id};
      }
    }
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, EngineClock.ZONE);
  }
}
