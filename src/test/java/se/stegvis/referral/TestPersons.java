package se.stegvis.referral;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import se.stegvis.support.CaseProcessTest;

/**
 * Distinct, valid identity numbers for tests that share a database: each call gives a new
 * person, with the check digit computed independently of the production code
 * ({@link CaseProcessTest#personnummer}).
 */
final class TestPersons {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestPersons() {
  }

  /** A new personnummer as YYYYMMDD-NNNN, born on a different day from every earlier one. */
  static String newPersonnummer() {
    int n = NEXT.incrementAndGet();
    return personnummer(LocalDate.of(1960, 1, 1).plusDays(n * 7L), 100 + n % 900);
  }

  /** YYYYMMDD-NNNN for the birth date and three-digit serial, with its correct check digit. */
  static String personnummer(LocalDate birthDate, int serial) {
    return CaseProcessTest.personnummer(birthDate, serial);
  }

  /** The same number with its check digit changed, so only the Luhn check fails. */
  static String withWrongCheckDigit(String personnummer) {
    int last = personnummer.length() - 1;
    int wrong = (Character.digit(personnummer.charAt(last), 10) + 1) % 10;
    return personnummer.substring(0, last) + wrong;
  }
}
