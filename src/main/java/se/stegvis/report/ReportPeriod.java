package se.stegvis.report;

import java.time.Instant;
import java.time.LocalDate;

import se.stegvis.problems.FormRejectedException;
import se.stegvis.time.EngineClock;

/** The days a report covers, first and last day included, as Swedish calendar days. */
public record ReportPeriod(LocalDate from, LocalDate to) {

  public ReportPeriod {
    if (from == null || to == null) {
      throw new IllegalArgumentException("A report period needs both days");
    }
    if (to.isBefore(from)) {
      throw new FormRejectedException("Period: slutdatum kan inte vara före startdatum.");
    }
  }

  /** The given days, a missing one taken from the calendar year of {@code today}. */
  public static ReportPeriod of(LocalDate from, LocalDate to, LocalDate today) {
    return new ReportPeriod(from == null ? today.withDayOfYear(1) : from,
        to == null ? today.withDayOfYear(today.lengthOfYear()) : to);
  }

  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }

  /** Midnight in Swedish time at the start of the first day. */
  public Instant start() {
    return from.atStartOfDay(EngineClock.ZONE).toInstant();
  }

  /** Midnight in Swedish time after the last day (exclusive). */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant();
  }
}
