package se.stegvis.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import se.stegvis.identity.IdentityNumber.Kind;

/**
 * Personnummer, samordningsnummer and reserve identities. Every test number below has its
 * check digit computed with the Luhn rule (weights 2,1,2,… over YYMMDDNNN); {@link #luhn}
 * recomputes it independently of the production code, so a wrong fixture fails loudly.
 */
class IdentityNumberTest {

  /** A fixed "today", so century inference and "not in the future" do not depend on the run date. */
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private static IdentityNumber parse(String input) {
    return IdentityNumber.parse(input, TODAY);
  }

  // --- fixtures -----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"6408233234", "6408833231", "2005051236", "9902301234", "3001011232", "2611241239",
      "2611231230"})
  void fixturesHaveACorrectCheckDigit(String tenDigits) {
    assertThat(luhn(tenDigits.substring(0, 9))).isEqualTo(tenDigits.charAt(9) - '0');
    assertThat(IdentityNumber.luhnValid(tenDigits)).isTrue();
  }

  @Test
  void luhnRejectsEveryOtherCheckDigit() {
    for (int digit = 0; digit <= 9; digit++) {
      assertThat(IdentityNumber.luhnValid("640823323" + digit)).isEqualTo(digit == 4);
    }
  }

  // --- personnummer -------------------------------------------------------------------------

  @Test
  void acceptsTheDocumentedExample() {
    IdentityNumber number = parse("19640823-3234");

    assertThat(number.value()).isEqualTo("196408233234");
    assertThat(number.kind()).isEqualTo(Kind.PERSONNUMMER);
    assertThat(number.birthDate()).isEqualTo(LocalDate.of(1964, 8, 23));
  }

  @ParameterizedTest
  @ValueSource(strings = {"19640823-3234", "196408233234", "640823-3234", "6408233234", " 19640823-3234 ",
      "19640823 3234"})
  void acceptsEveryWrittenFormOfTheSameNumber(String written) {
    IdentityNumber number = parse(written);

    assertThat(number.value()).isEqualTo("196408233234");
    assertThat(number.kind()).isEqualTo(Kind.PERSONNUMMER);
    assertThat(number.birthDate()).isEqualTo(LocalDate.of(1964, 8, 23));
  }

  @Test
  void plusMeansOneHundredOrOlder() {
    IdentityNumber centenarian = parse("200505+1236");
    IdentityNumber child = parse("200505-1236");

    assertThat(centenarian.value()).isEqualTo("192005051236");
    assertThat(centenarian.birthDate()).isEqualTo(LocalDate.of(1920, 5, 5));
    assertThat(child.value()).isEqualTo("202005051236");
    assertThat(child.birthDate()).isEqualTo(LocalDate.of(2020, 5, 5));
  }

  @Test
  void withoutCenturyTheLatestCenturyNotInTheFutureIsChosen() {
    // Born today: this century. Born tomorrow would be in the future, so it is the previous one.
    assertThat(parse("261123-1230").birthDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(parse("261124-1239").birthDate()).isEqualTo(LocalDate.of(1926, 11, 24));
  }

  // --- samordningsnummer and reserve identities ---------------------------------------------

  @Test
  void samordningsnummerHasSixtyAddedToTheDay() {
    IdentityNumber number = parse("19640883-3231");

    assertThat(number.kind()).isEqualTo(Kind.SAMORDNINGSNUMMER);
    assertThat(number.value()).isEqualTo("196408833231");
    assertThat(number.birthDate()).isEqualTo(LocalDate.of(1964, 8, 23));
    assertThat(number.formatted()).isEqualTo("19640883-3231");
    assertThat(number.masked()).isEqualTo("19640883-****");
  }

  @Test
  void samordningsnummerWithoutCentury() {
    IdentityNumber number = parse("640883-3231");

    assertThat(number.kind()).isEqualTo(Kind.SAMORDNINGSNUMMER);
    assertThat(number.value()).isEqualTo("196408833231");
    assertThat(number.birthDate()).isEqualTo(LocalDate.of(1964, 8, 23));
  }

  @Test
  void reserveIdentityIsKeptAsWrittenInCapitals() {
    IdentityNumber number = parse(" r-abc123 ");

    assertThat(number.kind()).isEqualTo(Kind.RESERVNUMMER);
    assertThat(number.value()).isEqualTo("R-ABC123");
    assertThat(number.birthDate()).isNull();
    assertThat(number.masked()).isEqualTo("R-ABC123");
    assertThat(number.formatted()).isEqualTo("R-ABC123");
  }

  // --- rejections, each with a Swedish message ----------------------------------------------

  @Test
  void rejectsAWrongCheckDigit() {
    assertThatThrownBy(() -> parse("19640823-3235"))
        .isInstanceOf(InvalidIdentityNumberException.class)
        .hasMessage("Kontrollsiffran stämmer inte. Kontrollera personnumret och skriv det igen.");
  }

  @Test
  void rejectsAWrongCheckDigitInASamordningsnummer() {
    assertThatThrownBy(() -> parse("19640883-3234"))
        .isInstanceOf(InvalidIdentityNumberException.class)
        .hasMessageContaining("Kontrollsiffran stämmer inte");
  }

  @ParameterizedTest
  @ValueSource(strings = {"19990230-1234", "990230-1234"})
  void rejectsADateThatDoesNotExist(String number) {
    // 9902301234 has a correct check digit: only the date is wrong.
    assertThatThrownBy(() -> parse(number))
        .isInstanceOf(InvalidIdentityNumberException.class)
        .hasMessage("Personnumret innehåller ett datum som inte finns (990230).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"19641323-1234", "19640800-1234", "19640832-1234", "19640860-1234", "19640892-1234"})
  void rejectsImpossibleMonthsAndDays(String number) {
    assertThatThrownBy(() -> parse(number))
        .isInstanceOf(InvalidIdentityNumberException.class)
        .hasMessageStartingWith("Personnumret innehåller ett datum som inte finns");
  }

  @Test
  void rejectsABirthDateInTheFuture() {
    // 3001011232 has a correct check digit: only the date is wrong.
    assertThatThrownBy(() -> parse("20300101-1232"))
        .isInstanceOf(InvalidIdentityNumberException.class)
        .hasMessage("Personnumret har ett födelsedatum i framtiden.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1964-08-23", "19640823-323", "19640823-32345", "abc", "19640823_3234",
      "1964082332345", "640823--3234", "R-ÅÄÖ12345", "R-ABC", "19640823+-3234"})
  void rejectsAWrongFormat(String number) {
    assertThatThrownBy(() -> parse(number))
        .isInstanceOf(InvalidIdentityNumberException.class)
        .hasMessage("Personnumret har fel format. Skriv det som ÅÅÅÅMMDD-NNNN, till exempel 19640823-3234.");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void rejectsNothing(String number) {
    assertThatThrownBy(() -> parse(number))
        .isInstanceOf(InvalidIdentityNumberException.class)
        .hasMessage("Ange personnummer, samordningsnummer eller reservnummer.");
  }

  // --- display ------------------------------------------------------------------------------

  @Test
  void maskedHidesTheLastFourDigits() {
    assertThat(parse("640823-3234").masked()).isEqualTo("19640823-****");
  }

  @Test
  void formattedIsTheFullNumberWithCenturyAndHyphen() {
    assertThat(parse("6408233234").formatted()).isEqualTo("19640823-3234");
    assertThat(parse("200505+1236").formatted()).isEqualTo("19200505-1236");
  }

  /** The Luhn check digit of YYMMDDNNN, computed here independently of the production code. */
  static int luhn(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < nineDigits.length(); i++) {
      int product = Character.digit(nineDigits.charAt(i), 10) * (i % 2 == 0 ? 2 : 1);
      sum += product / 10 + product % 10;
    }
    return (10 - sum % 10) % 10;
  }
}
