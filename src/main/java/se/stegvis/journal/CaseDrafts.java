package se.stegvis.journal;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.stegvis.time.EngineClock;


/**
 * Unsigned text kept on the server per user, case and kind until it is signed or submitted: the
 * journal entry being written ({@link #JOURNAL}) and task forms being filled ({@code task:<id>}).
 * Nothing typed stays in the browser, so a shared computer keeps no personal data, and a draft
 * follows its author to another computer. Removed with the case by gallring.
 */
@Service
public class CaseDrafts {

  public static final String JOURNAL = "journal";
  /** A task form's draft is of the kind "task:" + the task's id. */
  public static final String TASK_PREFIX = "task:";
  public static final int MAX_CONTENT = 20000;

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  CaseDrafts(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<String> read(Long caseId, String author, String kind) {
    return jdbc.queryForList("select content from case_draft where case_id = ? and author = ? and kind = ?",
        String.class, caseId, author, kind).stream().findFirst();
  }

  /** Replaces the author's draft of this kind (one row: delete and insert in the caller's transaction). */
  public void save(Long caseId, String author, String kind, String content) {
    discard(caseId, author, kind);
    jdbc.update("insert into case_draft (case_id, author, kind, content, saved_at) values (?, ?, ?, ?, ?)", caseId,
        author, kind, content, Timestamp.from(clock.now()));
  }

  public void discard(Long caseId, String author, String kind) {
    jdbc.update("delete from case_draft where case_id = ? and author = ? and kind = ?", caseId, author, kind);
  }

  /** Every user's draft of a task's form: the task is done (or gone), so is what was being typed into it. */
  public void discardTask(String taskId) {
    jdbc.update("delete from case_draft where kind = ?", TASK_PREFIX + taskId);
  }
}
