package se.stegvis.retention;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes closed cases whose retention period has run out ({@link RetentionPolicy}), with their
 * engine history (the case's process instance and the placement instances it called, and their
 * user operation log), after
 * folding each into one anonymous {@code statistics_case} row. The dry run lists exactly what a
 * run on the same day would delete. Each case goes in a transaction of its own: all of it or none.
 */
@Service
public class Gallring {

  private static final Logger log = LoggerFactory.getLogger(Gallring.class);

  /** A case due for deletion. */
  public record ExpiredCase(Long caseId, String caseNumber, String projectCode, LocalDate lastEntry,
      LocalDate deletableFrom, String processInstanceId) {
  }

  /**
   * The last entry of each closed case: the latest date recorded in it or of any record written
   * in it (a plan, meeting, proposal, exit, follow-up, consent, placement or visit, journal entry,
   * attachment or extract to a party).
   */
  private static final String LAST_ENTRIES = """
      select c.id, c.case_number, pr.code, c.process_instance_id, p.birth_date, max(d.entry_day) as last_entry
      from case_file c join project pr on pr.id = c.project_id join participant p on p.id = c.participant_id
      join (
        select id as case_id, referred_on as entry_day from case_file
        union all select id, decided_on from case_file
        union all select id, exited_on from case_file
        union all select case_id, decided_on from referral
        union all select case_id, cast(recorded_at as date) from action_plan
        union all select case_id, cast(recorded_at as date) from meeting
        union all select case_id, cast(recorded_at as date) from proposed_action
        union all select case_id, cast(recorded_at as date) from case_exit
        union all select case_id, cast(recorded_at as date) from follow_up
        union all select case_id, given_on from consent
        union all select case_id, withdrawn_on from consent
        union all select case_id, ended_on from placement
        union all select case_id, occurred_on from journal_entry
        union all select case_id, cast(signed_at as date) from journal_entry
        union all select case_id, cast(uploaded_at as date) from attachment
        union all select case_id, cast(made_at as date) from disclosure
        union all select pl.case_id, cast(v.recorded_at as date) from placement_visit v
          join placement pl on pl.id = v.placement_id
      ) d on d.case_id = c.id
      where c.phase = 'CLOSED'
      group by c.id, c.case_number, pr.code, c.process_instance_id, p.birth_date
      order by c.id""";

  /** One anonymous row per case; the age is counted on the start day, or the referral day. */
  private static final String FOLD_INTO_STATISTICS = """
      insert into statistics_case (project_id, gender, age_at_start, party, decision, time_in_support,
        education_level, income_at_referral, referred_on, decided_on, started_on, exited_on, exit_outcome,
        income_at_exit, extent_percent, consent_withdrawn, followed_up_on, follow_up_status, income_at_follow_up,
        placements, deleted_on)
      select c.project_id, p.gender, ?, r.party, r.decision, r.time_in_support, r.education_level, r.income_source,
        c.referred_on, c.decided_on, c.started_on, c.exited_on, e.outcome, e.income_source, e.extent_percent,
        e.consent_withdrawn, f.followed_up_on, f.status, f.income_source,
        (select count(*) from placement pl where pl.case_id = c.id), ?
      from case_file c join participant p on p.id = c.participant_id
        left join referral r on r.case_id = c.id
        left join case_exit e on e.case_id = c.id
        left join follow_up f on f.case_id = c.id
      where c.id = ?""";

  /** The case's rows, children first. */
  private static final List<String> DELETE_CASE_ROWS = List.of(
      // Corrections point at the entries they correct, chains included: unlinked, then deleted together.
      "update journal_entry set corrects_id = null where case_id = ?",
      "delete from journal_entry where case_id = ?",
      "delete from case_draft where case_id = ?",
      "delete from attachment where case_id = ?",
      "delete from disclosure where case_id = ?",
      "delete from placement_visit where placement_id in (select id from placement where case_id = ?)",
      "delete from placement_rejected_workplace where placement_id in (select id from placement where case_id = ?)",
      "delete from placement where case_id = ?",
      "delete from survey_answer where case_id = ?",
      "delete from notification where case_id = ?",
      "delete from deadline where case_id = ?",
      "delete from consent where case_id = ?",
      "delete from follow_up where case_id = ?",
      "delete from case_exit where case_id = ?",
      "delete from proposed_action where case_id = ?",
      "delete from meeting where case_id = ?",
      "delete from action_plan where case_id = ?",
      "delete from referral where case_id = ?");

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final TransactionTemplate transactions;
  private final RetentionPolicy policy;

  Gallring(JdbcTemplate jdbc, HistoryService historyService, TransactionTemplate transactions,
      RetentionPolicy policy) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.transactions = transactions;
    this.policy = policy;
  }

  /** What a run on the given day would delete; deletes nothing. */
  public List<ExpiredCase> dryRun(LocalDate today) {
    List<ExpiredCase> expired = new ArrayList<>();
    jdbc.query(LAST_ENTRIES, rs -> {
      LocalDate lastEntry = rs.getDate("last_entry").toLocalDate();
      Date birth = rs.getDate("birth_date");
      LocalDate deletableFrom = policy.deletableFrom(lastEntry);
      if (!today.isBefore(deletableFrom) && !policy.keptForResearch(birth == null ? null : birth.toLocalDate())) {
        expired.add(new ExpiredCase(rs.getLong("id"), rs.getString("case_number"), rs.getString("code"), lastEntry,
            deletableFrom, rs.getString("process_instance_id")));
      }
    });
    return expired;
  }

  /** Deletes every case the dry run of the day lists, and returns them. */
  public List<ExpiredCase> run(LocalDate today) {
    List<ExpiredCase> expired = dryRun(today);
    for (ExpiredCase c : expired) {
      transactions.executeWithoutResult(s -> delete(c, today));
      log.info("Gallring: case {} of {} deleted (last entry {}, deletable from {})", c.caseNumber(),
          c.projectCode(), c.lastEntry(), c.deletableFrom());
    }
    return expired;
  }

  private void delete(ExpiredCase c, LocalDate today) {
    Integer age = jdbc.queryForObject("""
        select p.birth_date, coalesce(c.started_on, c.referred_on) as counted_on
        from case_file c join participant p on p.id = c.participant_id where c.id = ?""",
        (rs, row) -> rs.getDate("birth_date") == null ? null
            : java.time.Period.between(rs.getDate("birth_date").toLocalDate(),
                rs.getDate("counted_on").toLocalDate()).getYears(), c.caseId());
    jdbc.update(FOLD_INTO_STATISTICS, age, Date.valueOf(today), c.caseId());
    if (c.processInstanceId() != null) {
      List<String> instances = new ArrayList<>(historyService.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(c.processInstanceId()).list().stream().map(HistoricProcessInstance::getId).toList());
      instances.add(c.processInstanceId());
      // The engine keeps the user operation log when it deletes an instance's history: removed here.
      instances.forEach(id -> historyService.createUserOperationLogQuery().processInstanceId(id).list()
          .forEach(entry -> historyService.deleteUserOperationLogEntry(entry.getId())));
      historyService.deleteHistoricProcessInstancesIfExists(instances);
    }
    for (String delete : DELETE_CASE_ROWS) {
      jdbc.update(delete, c.caseId());
    }
    Long participant = jdbc.queryForObject("select participant_id from case_file where id = ?", Long.class, c.caseId());
    jdbc.update("delete from case_file where id = ?", c.caseId());
    jdbc.update("delete from participant where id = ? and not exists (select 1 from case_file where participant_id = ?)",
        participant, participant);
  }
}
