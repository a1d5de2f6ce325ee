package se.stegvis.placement;

import java.util.Set;
import java.util.regex.Pattern;

import se.stegvis.identity.IdentityNumber;

/**
 * A Swedish organisationsnummer of a legal person, NNNNNN-NNNN: the third digit is 2 or more
 * (a sole trader's number is the owner's personnummer and has no place in the workplace
 * registry), the last digit is the Luhn check digit. Municipalities, regions and state
 * authorities have numbers in group 2 (2NNNNN-NNNN). Messages are in Swedish for the user.
 */
public record OrganisationNumber(String value) {

  /** With or without hyphen, optionally with the "16" prefix used in some registers. */
  private static final Pattern NUMBER = Pattern.compile("(16)?(\\d{6})-?(\\d{4})");
  private static final Set<String> PUBLIC_SECTOR = Set.of("MUNICIPAL", "REGION", "STATE");

  public static OrganisationNumber parse(String input) {
    String text = input == null ? "" : input.strip().replace(" ", "");
    var m = NUMBER.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Organisationsnummer: skriv tio siffror som NNNNNN-NNNN, till exempel 212000-1975.");
    }
    String digits = m.group(2) + m.group(3);
    if (digits.charAt(2) < '2') {
      throw new IllegalArgumentException("Organisationsnummer: tredje siffran ska vara 2 eller högre för en juridisk"
          + " person. En enskild firma har ägarens personnummer och registreras inte som arbetsgivare här.");
    }
    if (!IdentityNumber.luhnValid(digits)) {
      throw new IllegalArgumentException(
          "Organisationsnummer: kontrollsiffran stämmer inte. Kontrollera numret och skriv det igen.");
    }
    return new OrganisationNumber(digits.substring(0, 6) + "-" + digits.substring(6));
  }

  /** Municipalities, regions and state authorities belong to group 2; other kinds may have any group. */
  public boolean fits(String employerKind) {
    return !PUBLIC_SECTOR.contains(employerKind) || value.charAt(0) == '2';
  }
}
