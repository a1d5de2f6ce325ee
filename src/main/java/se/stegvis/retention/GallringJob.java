package se.stegvis.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.stegvis.StegvisApplication;
import se.stegvis.time.EngineClock;

/**
 * The nightly gallring, by default at 02:30 Swedish time ({@code stegvis.retention.cron}; "-"
 * turns it off). It logs the dry run's list before it deletes anything.
 */
@Component
class GallringJob {

  private static final Logger log = LoggerFactory.getLogger(GallringJob.class);

  private final Gallring gallring;
  private final EngineClock clock;

  GallringJob(Gallring gallring, EngineClock clock) {
    this.gallring = gallring;
    this.clock = clock;
  }

  @Scheduled(cron = "${stegvis.retention.cron:0 30 2 * * *}", zone = StegvisApplication.TIME_ZONE)
  void nightly() {
    var today = clock.today();
    var due = gallring.dryRun(today);
    log.info("Gallring {}: {} case(s) due: {}", today, due.size(),
        due.stream().map(c -> c.caseNumber() + " (last entry " + c.lastEntry() + ")").toList());
    gallring.run(today);
  }
}
