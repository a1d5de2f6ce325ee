package se.stegvis.caseload;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.stegvis.time.EngineClock;


/**
 * Each coach's current load, for the working group choosing a coach: open cases (accepted or in
 * participation) and how many of them have a step past its deadline. Counts only, no person.
 */
@Component
public class CoachLoads {

  public record Load(int open, int overdue) {
    /** Swedish, for the coach's option in the decision form. */
    public String label() {
      return open + " pågående, " + overdue + (overdue == 1 ? " försenat" : " försenade");
    }
  }

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  CoachLoads(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every coach with a case; a coach without one has no entry (no load). */
  public Map<String, Load> byCoach() {
    Map<String, Integer> open = new HashMap<>();
    jdbc.query("select coach, count(*) from case_file where coach is not null and phase in ('ACCEPTED', 'ACTIVE') "
        + "group by coach", rs -> {
          open.put(rs.getString(1), rs.getInt(2));
        });
    Map<String, Integer> overdue = new HashMap<>();
    jdbc.query("""
        select c.coach, count(distinct c.id) from case_file c join deadline d on d.case_id = c.id
        where c.coach is not null and c.phase in ('ACCEPTED', 'ACTIVE') and d.unfinished_due_at < ?
        group by c.coach""", rs -> {
          overdue.put(rs.getString(1), rs.getInt(2));
        }, Timestamp.from(clock.now()));
    Map<String, Load> loads = new HashMap<>();
    open.forEach((coach, count) -> loads.put(coach, new Load(count, overdue.getOrDefault(coach, 0))));
    return loads;
  }
}
