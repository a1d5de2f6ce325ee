package se.stegvis.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import se.stegvis.StegvisApplication;

/**
 * The application's "now" and "today". Time comes from the engine clock so that process tests
 * can move it, and a day is a calendar day in Swedish time. Deadline arithmetic lives in
 * {@code deadline.DeadlineCalendar}; this class only tells the time.
 */
@Component
public class EngineClock {

  public static final ZoneId ZONE = ZoneId.of(StegvisApplication.TIME_ZONE);

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }

  /** The calendar day, in Swedish time, of an instant the engine stored. */
  public static LocalDate toDay(Date date) {
    return LocalDate.ofInstant(date.toInstant(), ZONE);
  }

  /** A calendar day as the engine stores dates: midnight in Swedish time. */
  public static Date toDate(LocalDate day) {
    return Date.from(day.atStartOfDay(ZONE).toInstant());
  }
}
