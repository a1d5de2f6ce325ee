package se.stegvis.casefile;

/** Where a case stands, from referral to closing. */
public enum CasePhase {
  /** Waiting for the working group's decision. */
  REFERRED("Remitterad, väntar på beslut"),
  /** Accepted and allocated to a coach; first meeting, mapping and agreement under way. */
  ACCEPTED("Antagen, start förbereds"),
  /** Participation has started: plan, meetings and proposal are due. */
  ACTIVE("Deltagande pågår"),
  /** Participation has ended; follow-up 6–12 months later is pending. */
  EXITED("Avslutad, uppföljning väntar"),
  /** Nothing more to do: not accepted, declined, or followed up. */
  CLOSED("Stängd");

  private final String label;

  CasePhase(String label) {
    this.label = label;
  }

  /** Swedish, for users. */
  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this == REFERRED || this == ACCEPTED || this == ACTIVE;
  }
}
