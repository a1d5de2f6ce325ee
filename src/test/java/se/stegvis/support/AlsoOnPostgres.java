package se.stegvis.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The test class runs twice: on H2 in the default test run, and again on PostgreSQL in the
 * {@code postgres} Surefire execution (pom.xml), which runs only the classes tagged
 * {@value #TAG} with the system property {@value #PROPERTY}{@code =postgres}. There each Spring
 * context gets a fresh PostgreSQL database ({@link PostgresContextCustomizerFactory}); contexts are
 * shared between classes of equal configuration as on H2. A test without a Spring context asks
 * {@link PostgresTestDatabase#selected()} which database to use.
 *
 * <p>In the PostgreSQL run, the class is skipped with a message when PostgreSQL does not answer,
 * and fails under STEGVIS_REQUIRE_POSTGRES=true, as {@link EnabledIfPostgres} does. In the H2 run
 * it always runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(AlsoOnPostgres.TAG)
@ExtendWith(AlsoOnPostgres.Condition.class)
@ContextCustomizerFactories(PostgresContextCustomizerFactory.class)
public @interface AlsoOnPostgres {

  /** The JUnit tag the {@code postgres} execution selects. */
  String TAG = "postgres";

  /** The system property that selects the database: {@code postgres}, or unset for H2. */
  String PROPERTY = "stegvis.test.database";

  /** On H2 always enabled; on PostgreSQL as {@link EnabledIfPostgres}. */
  class Condition implements ExecutionCondition {

    private static final ExecutionCondition POSTGRES = new EnabledIfPostgres.Condition();
    private static boolean told;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (!PostgresTestDatabase.selected()) {
        return ConditionEvaluationResult.enabled("H2 run (" + PROPERTY + " not set to postgres)");
      }
      ConditionEvaluationResult result = POSTGRES.evaluateExecutionCondition(context);
      if (result.isDisabled()) {
        tellOnce(result);
      }
      return result;
    }

    private static synchronized void tellOnce(ConditionEvaluationResult result) {
      if (!told) {
        told = true;
        System.err.println("[postgres] " + result.getReason().orElse("") + " Every @AlsoOnPostgres class is skipped.");
      }
    }
  }
}
