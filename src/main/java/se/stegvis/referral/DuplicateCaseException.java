package se.stegvis.referral;

import se.stegvis.problems.FormRejectedException;

/**
 * The person already has an open case in the project. The message does not name the case: a
 * referrer may not learn that a case exists, let alone its number (protected identities included);
 * whoever may read the case gets its number added ({@link DuplicateReferralProblem}).
 */
public class DuplicateCaseException extends FormRejectedException {

  public static final String MESSAGE = "En remiss för personen är redan öppen i insatsen. "
      + "Kontakta beredningsgruppen om du har nya uppgifter.";

  private final String caseNumber;

  DuplicateCaseException(String caseNumber) {
    super(MESSAGE);
    this.caseNumber = caseNumber;
  }

  /** 409: the referral conflicts with an open case (whose number only {@link DuplicateReferralProblem} may add). */
  @Override
  public int status() {
    return 409;
  }

  public String caseNumber() {
    return caseNumber;
  }
}
