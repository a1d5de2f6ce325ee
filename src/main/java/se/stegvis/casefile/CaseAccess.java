package se.stegvis.casefile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

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
        || viewer.userId().equals(caseFile.getCoach())
        || sharesTeamWith(viewer, caseFile.getCoach());
  }

  /**
   * Who may write in a case's record (journal, attachments, extracts to a party): those who work
   * the case, its coach, the coach's teammates and the project's managers, and only on a case they
   * may see. Administrators, the working group and placement coordinators read but do not write.
   */
  public boolean canWrite(Viewer viewer, CaseFile caseFile) {
    return canSee(viewer, caseFile) && (viewer.userId().equals(caseFile.getCoach())
        || viewer.groups().contains(caseFile.getProject().getManagerGroup())
        || sharesTeamWith(viewer, caseFile.getCoach()));
  }

  private boolean sharesTeamWith(Viewer viewer, String coach) {
    return coach != null && !viewer.groups().isEmpty() && identityService.createGroupQuery()
        .groupIdIn(viewer.groups().toArray(String[]::new)).groupType(Groups.TEAM_TYPE).groupMember(coach).count() > 0;
  }

  /**
   * {@link #canSee} as a JPQL condition over a {@code CaseFile} alias and its {@code Project}
   * alias, for queries that count or page many cases (the reports, the overdue view). It states
   * the same rules and lives next to canSee so that both change together;
   * CaseVisibilityConditionTest checks that they agree.
   */
  public Condition visibleIn(Viewer viewer, String caseAlias, String projectAlias) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    List<String> own = new ArrayList<>();
    if (!viewer.groups().isEmpty()) {
      own.add(projectAlias + ".managerGroup in :seeGroups");
      parameters.put("seeGroups", viewer.groups());
    }
    own.add(caseAlias + ".coach = :seeUser");
    parameters.put("seeUser", viewer.userId());
    List<String> rules = new ArrayList<>();
    if (viewer.isAdministrator()) {
      rules.add("1 = 1");
    }
    if (viewer.groups().contains(Groups.WORKING_GROUP)) {
      rules.add(caseAlias + ".phase = :seeReferred");
      parameters.put("seeReferred", CasePhase.REFERRED);
    }
    if (viewer.groups().contains(Groups.PLACEMENT_COORDINATORS)) {
      rules.add(caseAlias + ".phase = :seeActive");
      parameters.put("seeActive", CasePhase.ACTIVE);
    }
    List<String> teammates = teammates(viewer);
    if (!teammates.isEmpty()) {
      rules.add(caseAlias + ".coach in :seeTeammates");
      parameters.put("seeTeammates", teammates);
    }
    // The case's own coach and its managers always; everyone else only without protected identity.
    String ownCase = String.join(" or ", own);
    String condition = rules.isEmpty() ? "(" + ownCase + ")"
        : "(" + ownCase + " or " + caseAlias + ".participant.protectedIdentity = false and ("
            + String.join(" or ", rules) + "))";
    return new Condition(condition, Map.copyOf(parameters));
  }

  /** The members of the viewer's teams: the coaches whose cases {@link #sharesTeamWith} lets the viewer see. */
  private List<String> teammates(Viewer viewer) {
    if (viewer.groups().isEmpty()) {
      return List.of();
    }
    return identityService.createGroupQuery().groupIdIn(viewer.groups().toArray(String[]::new))
        .groupType(Groups.TEAM_TYPE).list().stream()
        .flatMap(team -> identityService.createUserQuery().memberOfGroup(team.getId()).list().stream())
        .map(org.camunda.bpm.engine.identity.User::getId).distinct().toList();
  }

  /** A JPQL condition and the parameters it binds. */
  public record Condition(String jpql, Map<String, Object> parameters) {
    public void bind(Query query) {
      parameters.forEach(query::setParameter);
    }
  }
}
