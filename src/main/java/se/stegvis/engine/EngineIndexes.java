package se.stegvis.engine;

import java.sql.SQLException;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the stock Camunda 7.24 PostgreSQL schema lacks and Stegvis needs once tens of thousands
 * of participants keep timers alive (see the README's performance section): job acquisition by
 * due date, the acquisition query's check for locked exclusive jobs of the same instance, the
 * sub-task lookup on every task completion, and Tasklist filters on a process variable's value
 * (the case number). Created after the engine has built its schema, under an advisory lock so
 * that nodes starting together do not race; a no-op on every later start and on H2.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  static final List<String> STATEMENTS = List.of(
      "create index if not exists stegvis_job_due on act_ru_job (duedate_)",
      "create index if not exists stegvis_job_locked_exclusive on act_ru_job (process_instance_id_)"
          + " where exclusive_ and lock_owner_ is not null",
      "create index if not exists stegvis_task_parent on act_ru_task (parent_task_id_)",
      "create index if not exists stegvis_variable_name_text on act_ru_variable (name_, text_)",
      "create index if not exists stegvis_hi_variable_name_text on act_hi_varinst (name_, text_)");

  /** An arbitrary, fixed key for pg_advisory_xact_lock: "stegvis" in ASCII. */
  private static final long LOCK_KEY = 0x73746567766973L;

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    try (var connection = configuration.getDataSource().getConnection();
        var statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
      connection.commit();
      log.info("Engine indexes in place: {}", STATEMENTS.size());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the engine indexes Stegvis needs", e);
    }
  }
}
