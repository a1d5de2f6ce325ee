package se.stegvis.referral;

import se.stegvis.form.FormRejectedException;

/**
 * The person already has an open case in the project. The message does not name the case: a
 * referrer may not learn that a case exists, let alone its number (protected identities included);
 * whoever may read the case gets its number added ({@code ApiProblems}).
 */
public class DuplicateCaseException extends FormRejectedException {

  public static final String MESSAGE = "En remiss för personen är redan öppen i insatsen. "
      + "Kontakta beredningsgruppen om du har nya uppgifter.";

  private final String caseNumber;

  DuplicateCaseException(String caseNumber) {
    super(MESSAGE);
    this.caseNumber = caseNumber;
  }

  public String caseNumber() {
    return caseNumber;
  }
}
