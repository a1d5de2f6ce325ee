package se.stegvis.identity;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** The Camunda groups that stand for the roles of an insats. What each may do: {@link RoleAuthorizations}. */
public final class Groups {
  public static final String REFERRERS = "remittent";
  public static final String WORKING_GROUP = "beredningsgrupp";
  public static final String COACHES = "coach";
  public static final String PLACEMENT_COORDINATORS = "praktiksamordnare";
  public static final String MANAGERS = "chef";
  public static final String ADMINISTRATORS = "camunda-admin";

  /**
   * The type of a team's group (created in Admin): coaches in one team cover for each other, so each
   * sees and works on the others' cases.
   */
  public static final String TEAM_TYPE = "TEAM";

  /** The association's own staff: everyone but the referrers, who work at the parties. */
  public static final Set<String> STAFF = Set.of(WORKING_GROUP, COACHES, PLACEMENT_COORDINATORS,
      MANAGERS, ADMINISTRATORS);

  private Groups() {
  }

  /** The groups the user is a member of, which the engine needs to check the user's authorizations. */
  public static List<String> of(IdentityService identityService, String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /** Acts as the user, with their groups, in the engine until the authentication is cleared. */
  public static void actAs(IdentityService identityService, String userId) {
    identityService.setAuthentication(userId, of(identityService, userId));
  }
}
