package se.stegvis.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestExecutionListeners;

/**
 * The test class covers a process model: after the class, the model's flow-node coverage in the
 * camunda-process-test-coverage report must reach {@link #minimum()}. Checked by
 * {@link FlowNodeCoverageCheck} only when every test of the class ran, so one test can be run alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestExecutionListeners(listeners = FlowNodeCoverageCheck.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface FlowNodeCoverage {

  /** The process definition key. */
  String process();

  double minimum() default 0.90;
}
