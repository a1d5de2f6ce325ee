package se.stegvis.identity;

/** The Camunda groups that stand for the roles of an insats. */
public final class Groups {
  public static final String REFERRERS = "remittent";
  public static final String WORKING_GROUP = "beredningsgrupp";
  public static final String COACHES = "coach";
  public static final String PLACEMENT_COORDINATORS = "praktiksamordnare";
  public static final String MANAGERS = "chef";
  public static final String ADMINISTRATORS = "camunda-admin";

  /** The association's own staff: everyone but the referrers, who work at the parties. */
  public static final java.util.Set<String> STAFF = java.util.Set.of(WORKING_GROUP, COACHES, PLACEMENT_COORDINATORS,
      MANAGERS, ADMINISTRATORS);

  private Groups() {
  }
}
