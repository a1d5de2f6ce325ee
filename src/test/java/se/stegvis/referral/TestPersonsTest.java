package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.stegvis.identity.IdentityNumber;

/** The test helper itself: its numbers are valid, distinct, and its "wrong" numbers are only wrong in the check digit. */
class TestPersonsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void computesTheDocumentedExample() {
    assertThat(TestPersons.personnummer(LocalDate.of(1964, 8, 23), 323)).isEqualTo("19640823-3234");
  }

  @Test
  void newNumbersAreValidAndDistinct() {
    String a = TestPersons.newPersonnummer();
    String b = TestPersons.newPersonnummer();

    assertThat(a).isNotEqualTo(b).matches("\\d{8}-\\d{4}");
    assertThat(IdentityNumber.parse(a, TODAY).kind()).isEqualTo(IdentityNumber.Kind.PERSONNUMMER);
    assertThat(IdentityNumber.parse(b, TODAY).kind()).isEqualTo(IdentityNumber.Kind.PERSONNUMMER);
  }

  @Test
  void wrongCheckDigitDiffersOnlyInTheLastDigit() {
    String good = TestPersons.personnummer(LocalDate.of(1964, 8, 23), 323);
    String bad = TestPersons.withWrongCheckDigit(good);

    assertThat(bad).isEqualTo("19640823-3235");
  }
}
