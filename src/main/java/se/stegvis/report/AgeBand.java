package se.stegvis.report;

import java.time.LocalDate;
import java.time.Period;

/**
 * The age bands of the reports (as in the C2 tables, plus 66+), by whole years of age on a given
 * day. People without a birth date (reserve identity) are in {@link #UNKNOWN}; people under 18
 * are shown apart so that the bands always add up to the total.
 */
public enum AgeBand {
  UNDER_18("Under 18"),
  A18_24("18–24"),
  A25_29("25–29"),
  A30_35("30–35"),
  A36_65("36–65"),
  A66_PLUS("66+"),
  UNKNOWN("Okänd");

  private final String label;

  AgeBand(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The band of someone born on {@code birthDate}, on the day {@code on}. */
  public static AgeBand of(LocalDate birthDate, LocalDate on) {
    if (birthDate == null || on == null) {
      return UNKNOWN;
    }
    int age = Period.between(birthDate, on).getYears();
    if (age < 18) {
      return UNDER_18;
    }
    if (age <= 24) {
      return A18_24;
    }
    if (age <= 29) {
      return A25_29;
    }
    if (age <= 35) {
      return A30_35;
    }
    return age <= 65 ? A36_65 : A66_PLUS;
  }
}
