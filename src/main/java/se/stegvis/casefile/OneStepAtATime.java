package se.stegvis.casefile;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of one case are completed one at a time. Two people finishing different steps of the
 * same case at the same moment (the coach ends the participation while a colleague saves the action
 * plan) otherwise meet inside the engine and our deadline rows: a deadlock, or one completion reading
 * the process half-changed by the other, and an internal error instead of an answer. Before a task is
 * completed (Tasklist's submit-form, the REST API's complete, our own services), its case row is
 * locked in the transaction the engine then joins; the second completion waits for the first to
 * commit and then sees what it did (its task gone: "Uppgiften finns inte längre"). A database lock,
 * so it holds across the nodes of a cluster. Tasks outside a case (none today) are not held.
 */
@Component
class OneStepAtATime extends AbstractProcessEnginePlugin {

  /** The engine's commands that complete a task, and where each keeps the task's id. */
  private static final Map<Class<?>, Field> TASK_ID = Map.of(
      SubmitTaskFormCmd.class, taskIdField(SubmitTaskFormCmd.class),
      CompleteTaskCmd.class, taskIdField(CompleteTaskCmd.class));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  OneStepAtATime(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CaseLock());
  }

  final class CaseLock extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      Field taskId = TASK_ID.get(command.getClass());
      if (taskId == null) {
        return next.execute(command);
      }
      // The engine's transaction interceptor comes after this one and joins the transaction opened here.
      return transactions.execute(status -> {
        lockCaseOf(taskIdOf(command, taskId));
        return next.execute(command);
      });
    }
  }

  private void lockCaseOf(String taskId) {
    List<String> instance = jdbc.queryForList("select proc_inst_id_ from act_ru_task where id_ = ?", String.class,
        taskId);
    if (instance.isEmpty() || instance.get(0) == null) {
      return; // Already completed: the engine answers that the task is gone.
    }
    jdbc.queryForList("select id from case_file where process_instance_id = ? for update", Long.class,
        instance.get(0));
  }

  private static String taskIdOf(Command<?> command, Field taskId) {
    try {
      return (String) taskId.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field taskIdField(Class<?> commandType) {
    try {
      Field field = commandType.getDeclaredField("taskId");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(commandType.getName() + " no longer keeps a taskId: this Camunda version"
          + " needs OneStepAtATime adapted, or completions of one case can collide", e);
    }
  }
}
