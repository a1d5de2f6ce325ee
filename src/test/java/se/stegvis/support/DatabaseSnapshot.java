package se.stegvis.support;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import se.stegvis.casefile.CaseFile;

/**
 * The rows a refused request must leave as they were, read so that a test can show that nothing
 * changed: those of one case (its own rows and the engine's rows of its process instances) or
 * those of the engine outside any case. Two snapshots are equal when every part is, and
 * {@link #changedFrom} names the parts that differ.
 */
public record DatabaseSnapshot(Map<String, Object> parts) {

  /** The process instances of a case: its own and those it called (a placement). */
  private static final String INSTANCES = "(select ID_ from ACT_RU_EXECUTION where ROOT_PROC_INST_ID_ = ?)";

  /** The engine's rows of a case, each table by the column that ties it to the case's instances. */
  private static final Map<String, String> CASE_ENGINE_ROWS = new LinkedHashMap<>();

  static {
    CASE_ENGINE_ROWS.put("ACT_RU_EXECUTION", "ROOT_PROC_INST_ID_ = ?");
    for (String table : List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_INCIDENT", "ACT_RU_EVENT_SUBSCR")) {
      CASE_ENGINE_ROWS.put(table, "PROC_INST_ID_ in " + INSTANCES);
    }
    CASE_ENGINE_ROWS.put("ACT_RU_IDENTITYLINK", "TASK_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ in "
        + INSTANCES + ")");
    CASE_ENGINE_ROWS.put("ACT_RU_JOB", "PROCESS_INSTANCE_ID_ in " + INSTANCES);
    for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_COMMENT",
        "ACT_HI_ATTACHMENT")) {
      CASE_ENGINE_ROWS.put(table, "ROOT_PROC_INST_ID_ = ?");
    }
  }

  /** History of a case that only grows: counted. */
  private static final List<String> CASE_ENGINE_COUNTS = List.of("ACT_HI_ACTINST", "ACT_HI_DETAIL", "ACT_HI_OP_LOG");

  /** The engine's rows outside any case: models, identities, filters, batches, external tasks, properties. */
  private static final List<String> ENGINE_ROWS = List.of("select ID_ from ACT_RE_DEPLOYMENT order by ID_",
      "select ID_, REV_, SUSPENSION_STATE_, HISTORY_TTL_ from ACT_RE_PROCDEF order by ID_",
      "select ID_, REV_, SUSPENSION_STATE_, JOB_PRIORITY_ from ACT_RU_JOBDEF order by ID_",
      "select ID_, REV_ from ACT_ID_USER order by ID_", "select ID_, REV_ from ACT_ID_GROUP order by ID_",
      "select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP order by USER_ID_, GROUP_ID_",
      "select ID_, REV_ from ACT_ID_TENANT order by ID_",
      "select TENANT_ID_, USER_ID_, GROUP_ID_ from ACT_ID_TENANT_MEMBER order by ID_",
      "select ID_, REV_ from ACT_RU_FILTER order by ID_",
      "select ID_, REV_, SUSPENSION_STATE_ from ACT_RU_BATCH order by ID_",
      "select ID_, REV_ from ACT_RU_EXT_TASK order by ID_", "select NAME_, VALUE_, REV_ from ACT_GE_PROPERTY order by NAME_");

  /** The engine's other tables, counted, with the sum of their rows' revisions where rows have one: one query. */
  private static final String ENGINE_COUNTS = String.join(" union all ",
      revisedCount("ACT_RU_AUTHORIZATION"), revisedCount("ACT_RU_EXECUTION"), revisedCount("ACT_RU_TASK"),
      revisedCount("ACT_RU_JOB"), revisedCount("ACT_RU_VARIABLE"), revisedCount("ACT_RU_INCIDENT"),
      revisedCount("ACT_HI_ATTACHMENT"), count("ACT_RU_EVENT_SUBSCR"), count("ACT_RU_TASK_METER_LOG"),
      count("ACT_HI_PROCINST"), count("ACT_HI_VARINST"), count("ACT_HI_OP_LOG"), count("ACT_HI_COMMENT"),
      count("ACT_HI_BATCH"), count("ACT_HI_INCIDENT"));

  /** Rows as maps whose byte arrays compare by content. */
  private static final RowMapper<Map<String, Object>> ROWS = new ColumnMapRowMapper() {
    @Override
    protected Object getColumnValue(ResultSet rs, int index) throws SQLException {
      Object value = super.getColumnValue(rs, index);
      return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
    }
  };

  /** Everything of the case a request could change: its case rows, and its instances, steps, variables, timers and history. */
  public static DatabaseSnapshot ofCase(JdbcTemplate jdbc, CaseFile caseFile) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("case_file", jdbc.query("select * from case_file where id = ?", ROWS, caseFile.getId()));
    for (String table : CaseProcessTest.CASE_TABLES) {
      parts.put(table, jdbc.query("select * from " + table + " where case_id = ? order by id", ROWS, caseFile.getId()));
    }
    String root = caseFile.getProcessInstanceId();
    CASE_ENGINE_ROWS.forEach((table, where) -> parts.put(table, jdbc.query("select * from " + table + " where "
        + where + " order by ID_", ROWS, root)));
    for (String table : CASE_ENGINE_COUNTS) {
      parts.put(table, jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?",
          Long.class, root));
    }
    return new DatabaseSnapshot(parts);
  }

  /** What a request outside a case could change: models, identities, grants, filters, batches, and counts of the rest. */
  public static DatabaseSnapshot ofEngine(JdbcTemplate jdbc) {
    Map<String, Object> parts = new LinkedHashMap<>();
    for (String query : ENGINE_ROWS) {
      parts.put(query, jdbc.queryForList(query));
    }
    for (Map<String, Object> row : jdbc.queryForList(ENGINE_COUNTS)) {
      parts.put((String) row.get("TABLE_NAME"), row);
    }
    return new DatabaseSnapshot(parts);
  }

  /** The parts that differ from the snapshot taken before: empty when nothing changed. */
  public Set<String> changedFrom(DatabaseSnapshot before) {
    Set<String> changed = new TreeSet<>();
    before.parts.forEach((part, rows) -> {
      if (!Objects.equals(rows, parts.get(part))) {
        changed.add(part);
      }
    });
    return changed;
  }

  private static String revisedCount(String table) {
    return "select '" + table + "' as TABLE_NAME, count(*) as ROW_COUNT, sum(REV_) as REVISIONS from " + table;
  }

  private static String count(String table) {
    return "select '" + table + "', count(*), null from " + table;
  }
}
