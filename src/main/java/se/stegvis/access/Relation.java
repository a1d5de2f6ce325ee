package se.stegvis.access;

/** How a user stands to one case: the columns of the {@link AccessMatrix}. */
public enum Relation {
  /** The user is the case's coach. */
  OWN_CASE("eget ärende"),
  /** The user is in a team (group of type TEAM) with the case's coach. */
  SAME_TEAM("samma team"),
  /** The case has a placement (the user's group arranges placements). */
  PLACEMENT("praktik i ärendet"),
  /** The referral waits for the decision of the user's group (the working group). */
  AWAITING_MY_DECISION("väntar på min grupps beslut"),
  /** The user's group (the working group) has decided on the referral. */
  DECIDED_BY_MY_GROUP("beslutat av min grupp"),
  /** The user is in the manager group of the case's project. */
  MY_PROJECT("min insats (chef)"),
  /** None of the above. */
  NONE("inget");

  private final String label;

  Relation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The only relations that reach a case whose participant has protected identity. */
  public boolean reachesProtectedIdentity() {
    return this == OWN_CASE || this == MY_PROJECT;
  }
}
