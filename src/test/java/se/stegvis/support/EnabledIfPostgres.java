package se.stegvis.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where PostgreSQL answers; elsewhere it is skipped with a message that
 * says why. Under STEGVIS_REQUIRE_POSTGRES=true (CI) it always runs, so a missing database fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfPostgres.Condition.class)
public @interface EnabledIfPostgres {

  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (PostgresTestDatabase.REQUIRED) {
        return ConditionEvaluationResult.enabled("STEGVIS_REQUIRE_POSTGRES=true: PostgreSQL tests must run");
      }
      if (PostgresTestDatabase.isAvailable()) {
        return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestDatabase.ADMIN_URL);
      }
      return ConditionEvaluationResult.disabled("SKIPPED: no PostgreSQL at " + PostgresTestDatabase.ADMIN_URL
          + " (user " + PostgresTestDatabase.USER + "). Start PostgreSQL or set STEGVIS_TEST_POSTGRES_URL to run "
          + "the PostgreSQL tests; .ci/run always runs them.");
    }
  }
}
