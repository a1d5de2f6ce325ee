package se.stegvis.referral;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct, valid identity numbers for tests that share a database: each call gives a new
 * person. The check digit is computed here with the Luhn rule (weights 2,1,2,… over YYMMDDNNN),
 * independently of the production code.
 */
final class TestPersons {

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private TestPersons() {
  }

  /** A new personnummer as YYYYMMDD-NNNN, born on a different day from every earlier one. */
  static String newPersonnummer() {
    int n = NEXT.incrementAndGet();
    return personnummer(LocalDate.of(1960, 1, 1).plusDays(n * 7L), 100 + n % 900);
  }

  /** YYYYMMDD-NNNN for the birth date and three-digit serial, with its correct check digit. */
  static String personnummer(LocalDate birthDate, int serial) {
    String date = birthDate.format(YYYYMMDD);
    String nine = date.substring(2) + "%03d".formatted(serial);
    return date + "-" + "%03d".formatted(serial) + checkDigit(nine);
  }

  /** The same number with its check digit changed, so only the Luhn check fails. */
  static String withWrongCheckDigit(String personnummer) {
    int last = personnummer.length() - 1;
    int wrong = (Character.digit(personnummer.charAt(last), 10) + 1) % 10;
    return personnummer.substring(0, last) + wrong;
  }

  static int checkDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int product = Character.digit(nineDigits.charAt(i), 10) * (i % 2 == 0 ? 2 : 1);
      sum += product / 10 + product % 10;
    }
    return (10 - sum % 10) % 10;
  }
}
