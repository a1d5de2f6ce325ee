package se.stegvis.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which failures of the engine REST API are another user's concurrent change, answered 409 in Swedish. */
class EngineRestTransientFailuresTest {

  @Test
  void aDeadlockIsAConcurrentChangeWhetherSpringOrTheEngineReportsIt() {
    var spring = new ProcessEngineException("ENGINE-03083 …",
        new CannotAcquireLockException("could not execute statement [ERROR: deadlock detected]"));
    var engine = new ProcessEngineException("An exception occurred in the persistence layer",
        BuiltinExceptionCode.DEADLOCK.getCode());

    assertThat(EngineRestTransientFailures.conflict(spring)).isEqualTo(EngineRestTransientFailures.TASK_CHANGED);
    assertThat(EngineRestTransientFailures.conflict(engine)).isEqualTo(EngineRestTransientFailures.TASK_CHANGED);
  }

  @Test
  void aRowDeletedUnderTheCompletionIsAConcurrentChange() {
    // A timer job of the same case ended the execution the completion was writing for (crash drill).
    var deleted = new ProcessEngineException("An exception occurred in the persistence layer",
        BuiltinExceptionCode.FOREIGN_KEY_CONSTRAINT_VIOLATION.getCode());

    assertThat(EngineRestTransientFailures.conflict(deleted)).isEqualTo(EngineRestTransientFailures.TASK_CHANGED);
  }

  @Test
  void otherFailuresKeepTheirOwnAnswers() {
    assertThat(EngineRestTransientFailures.conflict(new DataIntegrityViolationException("duplicate key")))
        .isEqualTo(EngineRestTransientFailures.SAVED_AT_ONCE);
    assertThat(EngineRestTransientFailures.conflict(new ProcessEngineException("Cannot find task with id 42")))
        .isEqualTo(EngineRestTransientFailures.TASK_GONE);
    assertThat(EngineRestTransientFailures.conflict(new ProcessEngineException("Unknown property used in expression")))
        .as("a fault of its own is no conflict").isNull();
  }
}
