package se.stegvis.deadline;

import static se.stegvis.time.EngineClock.ZONE;
import static se.stegvis.time.EngineClock.toDate;
import static se.stegvis.time.EngineClock.toDay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;

import org.springframework.stereotype.Component;

import se.stegvis.time.EngineClock;

/**
 * The one place where deadlines are computed. Deadlines are whole calendar days
 * in Swedish time: a step due "within 14 days" of 31 March may be done all day on 14 April
 * and is late from midnight. "Today" comes from {@link EngineClock}.
 *
 * <p>The models call it as {@code ${deadlines.endOfDay(startDate, 'P14D')}}; keeping the period
 * in the model lets an administrator change a deadline in Modeler.
 */
@Component("deadlines")
public class DeadlineCalendar {

  private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

  private final EngineClock clock;

  DeadlineCalendar(EngineClock clock) {
    this.clock = clock;
  }

  /** The last second of the day {@code anchor + period}. */
  public Date endOfDay(Date anchor, String period) {
    return endOfDay(anchor, period, 1);
  }

  /** The last second of the day {@code anchor + times × period} (the n-th in a series). */
  public Date endOfDay(Date anchor, String period, int times) {
    LocalDate day = dayAfter(anchor, period, times);
    return Date.from(day.atTime(LAST_SECOND).atZone(ZONE).toInstant());
  }

  /** Midnight at the start of the day {@code anchor + period}. */
  public Date startOfDay(Date anchor, String period) {
    return Date.from(dayAfter(anchor, period, 1).atStartOfDay(ZONE).toInstant());
  }

  public LocalDate dayAfter(Date anchor, String period, int times) {
    if (anchor == null) {
      throw new IllegalArgumentException("A deadline needs the date it counts from");
    }
    Period step = Period.parse(period);
    // Multiplying the period (not adding it repeatedly) keeps month ends stable: 31 Jan + 2×2M = 31 May.
    return toDay(anchor).plus(step.multipliedBy(times));
  }

  /**
   * The day a step's reminder goes out: {@code days} calendar days before its due day, from
   * midnight Swedish time (never "72 hours before", which shifts a day across a daylight-saving change).
   */
  public Date reminderDate(Date due, int days) {
    return toDate(toDay(due).minusDays(days));
  }

  /** The last second of the calendar day {@code days} days from today: what is due by then is due within them. */
  public Instant endOfDayIn(int days) {
    return clock.today().plusDays(days).atTime(LAST_SECOND).atZone(ZONE).toInstant();
  }
}
