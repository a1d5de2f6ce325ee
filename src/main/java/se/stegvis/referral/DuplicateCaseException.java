package se.stegvis.referral;

import se.stegvis.form.FormRejectedException;

/** The person already has an open case in the project: point to it instead of opening another. */
public class DuplicateCaseException extends FormRejectedException {

  private final String caseNumber;

  DuplicateCaseException(String caseNumber) {
    super("Personen har redan ett öppet ärende i insatsen: " + caseNumber + ".");
    this.caseNumber = caseNumber;
  }

  public String caseNumber() {
    return caseNumber;
  }
}
