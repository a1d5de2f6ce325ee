package se.stegvis.casefile;

/** Where a case stands, from referral to closing. */
public enum CasePhase {
  /** Waiting for the working group's decision. */
  REFERRED,
  /** Accepted and allocated to a coach; first meeting, mapping and agreement under way. */
  ACCEPTED,
  /** Participation has started: plan, meetings and proposal are due. */
  ACTIVE,
  /** Participation has ended; follow-up 6–12 months later is pending. */
  EXITED,
  /** Nothing more to do: not accepted, declined, or followed up. */
  CLOSED;

  public boolean isOpen() {
    return this == REFERRED || this == ACCEPTED || this == ACTIVE;
  }
}
