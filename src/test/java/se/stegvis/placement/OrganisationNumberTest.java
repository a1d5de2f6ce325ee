package se.stegvis.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Organisationsnummer")
class OrganisationNumberTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "212000-1975, 212000-1975",
      "2120001975, 212000-1975",
      "16212000-1975, 212000-1975",
      "' 556036-0793 ', 556036-0793",
      "802002-4280, 802002-4280"})
  @DisplayName("giltiga nummer, med eller utan bindestreck och 16-prefix, skrivs NNNNNN-NNNN")
  void validNumbersAreNormalised(String input, String expected) {
    assertThat(OrganisationNumber.parse(input).value()).isEqualTo(expected);
  }

  @Test
  @DisplayName("fel kontrollsiffra avvisas")
  void aWrongCheckDigitIsRefused() {
    assertThatThrownBy(() -> OrganisationNumber.parse("212000-1976"))
        .hasMessage("Organisationsnummer: kontrollsiffran stämmer inte. Kontrollera numret och skriv det igen.");
  }

  @Test
  @DisplayName("fel format avvisas med ett exempel")
  void aWrongFormatIsRefused() {
    for (String input : new String[] {"", "21200-1975", "212000-19755", "ABCDEF-GHIJ", "212000–1975"}) {
      assertThatThrownBy(() -> OrganisationNumber.parse(input)).as(input)
          .hasMessageStartingWith("Organisationsnummer: skriv tio siffror som NNNNNN-NNNN");
    }
    assertThatThrownBy(() -> OrganisationNumber.parse(null)).hasMessageStartingWith("Organisationsnummer:");
  }

  @Test
  @DisplayName("ett personnummer (enskild firma) är inget organisationsnummer för registret")
  void aPersonnummerIsRefused() {
    assertThatThrownBy(() -> OrganisationNumber.parse("640823-3234"))
        .hasMessageContaining("tredje siffran ska vara 2 eller högre");
  }

  @Test
  @DisplayName("kommuner, regioner och myndigheter har nummer i grupp 2; företag och föreningar i andra grupper")
  void publicEmployersAreInGroupTwo() {
    var municipality = OrganisationNumber.parse("212000-1975");
    var company = OrganisationNumber.parse("556036-0793");
    assertThat(municipality.fits("MUNICIPAL")).isTrue();
    assertThat(municipality.fits("PRIVATE")).isTrue();
    assertThat(company.fits("PRIVATE")).isTrue();
    assertThat(company.fits("MUNICIPAL")).isFalse();
    assertThat(company.fits("REGION")).isFalse();
    assertThat(company.fits("STATE")).isFalse();
  }
}
