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

  /**
   * Every coach with a case; a coach without one has no entry (no load). One pass over the coaches'
   * open cases (index on coach and phase), each asking its own undone steps whether one is past due:
   * it costs what the coaches hold, not what the whole register holds.
   */
  public Map<String, Load> byCoach() {
    Map<String, Load> loads = new HashMap<>();
    jdbc.query("""
        select c.coach, count(*),
          sum(case when exists (select 1 from deadline d where d.case_id = c.id and d.unfinished_due_at < ?)
            then 1 else 0 end)
        from case_file c where c.coach is not null and c.phase in ('ACCEPTED', 'ACTIVE')
        group by c.coach""", rs -> {
          loads.put(rs.getString(1), new Load(rs.getInt(2), rs.getInt(3)));
        }, Timestamp.from(clock.now()));
    return loads;
  }
}
