package se.stegvis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import se.stegvis.StegvisApplication;

/**
 * The application stops while one job runs and another, taken by the job executor, waits in its
 * queue. The running job finishes before Spring starts closing what it uses (it waits at most
 * {@link #WAIT_FOR_CLOSING_SECONDS} s for bean destruction to begin, and must not see it begin);
 * the queued one is handed back unrun, free for another node at once. Before the fix Spring waited
 * for the running job only, and the queued one ran while JPA was being closed.
 */
class JobsFinishBeforeShutdownTest {

  private static final int WAIT_FOR_CLOSING_SECONDS = 3;

  private static final int JOBS = 2;
  private static final CountDownLatch JOB_STARTED = new CountDownLatch(1);
  private static final CountDownLatch CLOSING_BEGAN = new CountDownLatch(1);
  private static final AtomicInteger JOBS_SEEING_CLOSING = new AtomicInteger();
  private static final AtomicInteger JOBS_DONE = new AtomicInteger();
  private static final AtomicInteger JOBS_DONE_BEFORE_CLOSING = new AtomicInteger(-1);

  @Configuration
  static class HeldJob {
    /** Waits, inside a running job, to see whether the application starts closing beans under it. */
    @Bean
    JavaDelegate heldJob() {
      return execution -> {
        JOB_STARTED.countDown();
        if (CLOSING_BEGAN.await(WAIT_FOR_CLOSING_SECONDS, TimeUnit.SECONDS)) {
          JOBS_SEEING_CLOSING.incrementAndGet();
        }
        JOBS_DONE.incrementAndGet();
      };
    }

    /** Destroyed among the first beans (it depends on nothing): marks the start of bean destruction. */
    @Bean
    DisposableBean closingProbe() {
      return () -> {
        JOBS_DONE_BEFORE_CLOSING.set(JOBS_DONE.get());
        CLOSING_BEGAN.countDown();
      };
    }
  }

  @Test
  void runningAndQueuedJobsFinishBeforeBeansAreClosed() throws Exception {
    // One job thread: the second job waits in the queue while the first runs.
    String database = "jdbc:h2:mem:held-jobs;DB_CLOSE_DELAY=-1";
    var context = new SpringApplicationBuilder(StegvisApplication.class, HeldJob.class).profiles("test")
        .run("--server.port=0", "--spring.datasource.url=" + database, "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1",
            "--camunda.bpm.job-execution.max-wait=200");
    var model = Bpmn.createExecutableProcess("heldJobProcess").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("held").camundaAsyncBefore().camundaDelegateExpression("${heldJob}")
        .endEvent().done();
    context.getBean(RepositoryService.class).createDeployment().addModelInstance("held-job.bpmn", model).deploy();
    for (int n = 0; n < JOBS; n++) {
      context.getBean(RuntimeService.class).startProcessInstanceByKey("heldJobProcess");
    }
    assertThat(JOB_STARTED.await(30, TimeUnit.SECONDS)).as("the job executor picked the first job up").isTrue();
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    await("the second job taken and queued").atMost(Duration.ofSeconds(30)).until(() ->
        jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null", Long.class) == JOBS);

    CompletableFuture.runAsync(context::close).get(60, TimeUnit.SECONDS);

    assertThat(JOBS_SEEING_CLOSING).as("no bean was closed while a job ran").hasValue(0);
    assertThat(JOBS_DONE).as("the running job ran to its end, the queued one not at all").hasValue(1);
    assertThat(JOBS_DONE_BEFORE_CLOSING).as("no job ran once closing began").hasValue(1);
    try (Connection connection = DriverManager.getConnection(database, "sa", "");
        ResultSet left = connection.createStatement().executeQuery("select lock_owner_ from act_ru_job")) {
      assertThat(left.next()).as("the queued job is still there").isTrue();
      assertThat(left.getString(1)).as("and free for the next node").isNull();
      assertThat(left.next()).isFalse();
    }
  }
}
