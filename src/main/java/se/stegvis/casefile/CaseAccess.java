package se.stegvis.casefile;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import se.stegvis.identity.Groups;

/**
 * Who may see a case through the application's API: administrators all; a project's managers
 * (its manager group) their project's cases; the working group cases awaiting its decision; a
 * coach the cases they coach; placement coordinators the cases in participation, whose
 * placements they arrange. Fuller rules come with the access-control work.
 *
 * <p>A participant with protected identity (skyddade personuppgifter) limits the case to its coach
 * and its project's managers: nobody else, administrators included, sees it through the API.
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
    if (caseFile.getParticipant().isProtectedIdentity()) {
      return viewer.userId().equals(caseFile.getCoach())
          || viewer.groups().contains(caseFile.getProject().getManagerGroup());
    }
    return viewer.isAdministrator()
        || viewer.groups().contains(caseFile.getProject().getManagerGroup())
        || viewer.groups().contains(Groups.WORKING_GROUP) && caseFile.getPhase() == CasePhase.REFERRED
        || viewer.groups().contains(Groups.PLACEMENT_COORDINATORS) && caseFile.getPhase() == CasePhase.ACTIVE
        || viewer.userId().equals(caseFile.getCoach());
  }
}
