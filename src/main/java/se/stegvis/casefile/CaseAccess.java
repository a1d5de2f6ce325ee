package se.stegvis.casefile;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import se.stegvis.identity.Groups;

/**
 * Who may see a case through the application's API: administrators all; a project's managers
 * (its manager group) their project's cases; the working group cases awaiting its decision; a
 * coach the cases they coach; placement coordinators the cases in participation, whose
 * placements they arrange; and a coach's teammates (a group of type {@link Groups#TEAM_TYPE}) the
 * cases the coach coaches. The engine's grants say the same ({@code RoleAuthorizations},
 * {@code CaseAuthorizations}).
 */
@Component
public class CaseAccess {

  private final IdentityService identityService;

  CaseAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public record Viewer(String userId, List<String> groups) {
    public boolean isAdministrator() {
      return groups.contains(Groups.ADMINISTRATORS);
    }
  }

  public Viewer viewer() {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new IllegalStateException("No authenticated user: /api is behind ApiAuthenticationFilter");
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return new Viewer(authentication.getUserId(), groups);
  }

  public boolean canSee(Viewer viewer, CaseFile caseFile) {
    return viewer.isAdministrator()
        || viewer.groups().contains(caseFile.getProject().getManagerGroup())
        || viewer.groups().contains(Groups.WORKING_GROUP) && caseFile.getPhase() == CasePhase.REFERRED
        || viewer.groups().contains(Groups.PLACEMENT_COORDINATORS) && caseFile.getPhase() == CasePhase.ACTIVE
        || viewer.userId().equals(caseFile.getCoach())
        || sharesTeamWith(viewer, caseFile.getCoach());
  }

  private boolean sharesTeamWith(Viewer viewer, String coach) {
    return coach != null && !viewer.groups().isEmpty() && identityService.createGroupQuery()
        .groupIdIn(viewer.groups().toArray(String[]::new)).groupType(Groups.TEAM_TYPE).groupMember(coach).count() > 0;
  }
}
