package se.stegvis.engine;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * When the application stops, the jobs already handed to the job executor's threads (a timer
 * escalating a missed deadline, say) finish before anything they use is closed. Camunda's Spring
 * job executor only stops fetching new jobs when the engine closes; the jobs it had fetched went on
 * running while Spring closed JPA and the connection pool under them. Most then failed and were
 * retried, but Hibernate skips its flush on a closed session without a word, so a job could commit
 * the engine's half (the timer gone) without ours (the deadline never marked missed). Seen when a
 * cluster node stopped during a burst of due deadlines. Here the fetching stops first and the
 * running jobs are awaited (at most 30 seconds; one still running after that rolls back and runs
 * again once its lock expires). Jobs fetched but still queued are handed back unrun by the engine,
 * whose executor is no longer active, free at once for another node or the next start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JobsFinishBeforeShutdown implements ApplicationListener<ContextClosedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(JobsFinishBeforeShutdown.class);
  private static final Duration RUNNING_JOBS_FINISH_WITHIN = Duration.ofSeconds(30);

  private final ObjectProvider<JobExecutor> jobExecutor;

  JobsFinishBeforeShutdown(ObjectProvider<JobExecutor> jobExecutor) {
    this.jobExecutor = jobExecutor;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor == null) {
      return; // Job execution switched off.
    }
    executor.shutdown();
    if (executor instanceof SpringJobExecutor spring && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
      awaitRunningJobs(pool.getThreadPoolExecutor());
    }
  }

  private static void awaitRunningJobs(ThreadPoolExecutor threads) {
    threads.shutdown();
    try {
      if (!threads.awaitTermination(RUNNING_JOBS_FINISH_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("Jobs still running {} after shutdown began; stopping anyway (their transactions roll back"
            + " and the jobs run again once their lock expires)", RUNNING_JOBS_FINISH_WITHIN);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
