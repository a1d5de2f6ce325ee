package se.stegvis.caseload;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

  private final NamedParameterJdbcTemplate jdbc;
  private final EngineClock clock;

  CoachLoads(NamedParameterJdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The loads of the given coaches; a coach without an open case has no entry (no load). Read from
   * the index on coach and phase, one probe per coach, each case asking its own undone steps whether
   * one is late: it costs what these coaches hold, not what the register holds, and the plan does
   * not depend on the table's statistics (a register filled faster than it is analysed).
   */
  public Map<String, Load> of(List<String> coaches) {
    Map<String, Load> loads = new HashMap<>();
    if (coaches.isEmpty()) {
      return loads;
    }
    jdbc.query("""
        select c.coach, count(*),
          sum(case when exists (select 1 from deadline d where d.case_id = c.id and d.unfinished_due_at < :now)
            then 1 else 0 end)
        from case_file c where c.coach in (:coaches) and c.phase in ('ACCEPTED', 'ACTIVE')
        group by c.coach""", Map.of("now", Timestamp.from(clock.now()), "coaches", coaches), rs -> {
          loads.put(rs.getString(1), new Load(rs.getInt(2), rs.getInt(3)));
        });
    return loads;
  }
}
