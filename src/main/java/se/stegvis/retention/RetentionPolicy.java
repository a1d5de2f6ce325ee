package se.stegvis.retention;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a closed case is due for gallring: its retention period, {@code stegvis.retention.years}
 * (default 5) after its last entry, runs out; it is deleted at the end of the calendar year that
 * follows, so from 1 January of the year after that (social-services records: five years after the
 * last entry, by the end of the following calendar year). A last entry on 10 March 2020 is kept
 * until 31 December 2026. People born on one of {@code stegvis.retention.keep-born-on-days} (for example 5, 15, 25,
 * where the customer keeps them for research) are never deleted.
 */
@Component
public class RetentionPolicy {

  private final int years;
  private final List<Integer> keepBornOnDays;

  RetentionPolicy(@Value("${stegvis.retention.years:5}") int years,
      @Value("${stegvis.retention.keep-born-on-days:}") List<Integer> keepBornOnDays) {
    if (years < 1) {
      throw new IllegalArgumentException("stegvis.retention.years must be at least 1, was " + years);
    }
    this.years = years;
    this.keepBornOnDays = List.copyOf(keepBornOnDays);
  }

  public int years() {
    return years;
  }

  /** The first day on which a case whose last entry was on the given day may be deleted. */
  public LocalDate deletableFrom(LocalDate lastEntry) {
    return LocalDate.of(lastEntry.plusYears(years).getYear() + 2, 1, 1);
  }

  boolean keptForResearch(LocalDate birthDate) {
    return birthDate != null && keepBornOnDays.contains(birthDate.getDayOfMonth());
  }
}
