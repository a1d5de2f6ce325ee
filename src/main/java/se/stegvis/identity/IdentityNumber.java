package se.stegvis.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Swedish personnummer or samordningsnummer (12 digits with century), or a local reserve
 * identity for people who have neither. Parsing checks the format, that the date exists and
 * is not in the future, and the Luhn check digit; errors are in Swedish for the user.
 */
public record IdentityNumber(String value, Kind kind, LocalDate birthDate) {

  public enum Kind { PERSONNUMMER, SAMORDNINGSNUMMER, RESERVNUMMER }

  /** YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN or YYMMDD+NNNN (the "+" for people 100 or older). */
  private static final Pattern NUMBER = Pattern.compile("(\\d{2})?(\\d{6})([-+]?)(\\d{4})");
  /** A reserve identity is issued locally: "R" and 6 to 16 letters, digits or hyphens. */
  private static final Pattern RESERVE = Pattern.compile("R-?[A-Z0-9-]{6,16}");

  public static IdentityNumber parse(String input, LocalDate today) {
    if (input == null || input.isBlank()) {
      throw new InvalidIdentityNumberException("Ange personnummer, samordningsnummer eller reservnummer.");
    }
    String text = input.strip().replace(" ", "").toUpperCase();
    if (RESERVE.matcher(text).matches()) {
      return new IdentityNumber(text, Kind.RESERVNUMMER, null);
    }
    var m = NUMBER.matcher(text);
    if (!m.matches()) {
      throw new InvalidIdentityNumberException(
          "Personnumret har fel format. Skriv det som ÅÅÅÅMMDD-NNNN, till exempel 19640823-3234.");
    }
    String yymmdd = m.group(2);
    String serial = m.group(4);
    int yy = Integer.parseInt(yymmdd.substring(0, 2));
    int month = Integer.parseInt(yymmdd.substring(2, 4));
    int day = Integer.parseInt(yymmdd.substring(4, 6));
    Kind kind = day > 60 ? Kind.SAMORDNINGSNUMMER : Kind.PERSONNUMMER;
    int realDay = kind == Kind.SAMORDNINGSNUMMER ? day - 60 : day;
    int year = m.group(1) != null
        ? Integer.parseInt(m.group(1) + yymmdd.substring(0, 2))
        : inferYear(yy, month, realDay, "+".equals(m.group(3)), today);
    LocalDate birth = date(year, month, realDay)
        .orElseThrow(() -> new InvalidIdentityNumberException(
            "Personnumret innehåller ett datum som inte finns (" + yymmdd + ")."));
    if (birth.isAfter(today)) {
      throw new InvalidIdentityNumberException("Personnumret har ett födelsedatum i framtiden.");
    }
    if (!luhnValid(yymmdd + serial)) {
      throw new InvalidIdentityNumberException(
          "Kontrollsiffran stämmer inte. Kontrollera personnumret och skriv det igen.");
    }
    return new IdentityNumber(String.format("%04d%s%s", year, yymmdd.substring(2), serial), kind, birth);
  }

  /** Without century: the latest century that gives a date not in the future, one more back for "+". */
  private static int inferYear(int yy, int month, int day, boolean hundredOrOlder, LocalDate today) {
    int century = today.getYear() / 100 * 100;
    int year = century + yy;
    Optional<LocalDate> candidate = date(year, month, day);
    if (candidate.isPresent() && candidate.get().isAfter(today) || candidate.isEmpty() && year > today.getYear()) {
      year -= 100;
    }
    return hundredOrOlder ? year - 100 : year;
  }

  private static Optional<LocalDate> date(int year, int month, int day) {
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The Luhn check digit (weights 2,1,2,… over nine digits) of personnummer and organisationsnummer alike. */
  public static boolean luhnValid(String tenDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int product = (tenDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      sum += product > 9 ? product - 9 : product;
    }
    int check = (10 - sum % 10) % 10;
    return check == tenDigits.charAt(9) - '0';
  }

  /** For display outside the participant record: birth date kept, last four digits hidden. */
  public String masked() {
    if (kind == Kind.RESERVNUMMER) {
      return value;
    }
    return value.substring(0, 8) + "-****";
  }

  public String formatted() {
    return kind == Kind.RESERVNUMMER ? value : value.substring(0, 8) + "-" + value.substring(8);
  }
}
