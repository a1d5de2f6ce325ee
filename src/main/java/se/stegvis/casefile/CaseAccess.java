package se.stegvis.casefile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import se.stegvis.access.AccessMatrix;
import se.stegvis.access.Action;
import se.stegvis.access.Relation;
import se.stegvis.access.Role;
import se.stegvis.identity.Groups;

/**
 * A user's relations to a case ({@link Relation}: own case, same team, placement in the case,
 * awaiting or decided by my group, my project) and what the {@link AccessMatrix} lets them do with
 * it. Reading a case: administrators all; a project's managers (its manager group) their project's
 * cases; the working group cases awaiting its decision (its read ends with the decision); a coach
 * the cases they coach and their team's (a group of type {@link Groups#TEAM_TYPE}); placement
 * coordinators the cases that have a placement. The engine's grants say the same
 * ({@code RoleAuthorizations}, {@code CaseAuthorizations}).
 *
 * <p>A participant with protected identity (skyddade personuppgifter) limits the case to its coach
 * and its project's managers: nobody else, administrators included, sees it through the API.
 */
@Component
public class CaseAccess {

  private static final String VIEWER = CaseAccess.class.getName() + ".viewer";

  private final IdentityService identityService;
  private final ProjectRepository projects;
  private final EntityManager entityManager;

  CaseAccess(IdentityService identityService, ProjectRepository projects, EntityManager entityManager) {
    this.identityService = identityService;
    this.projects = projects;
    this.entityManager = entityManager;
  }

  public record Viewer(String userId, List<String> groups, Set<Role> roles) {
    /** A viewer whose roles are those of their groups (a project's manager group counts per case). */
    public Viewer(String userId, List<String> groups) {
      this(userId, groups, Role.of(groups, Set.of()));
    }

    public boolean isAdministrator() {
      return roles.contains(Role.ADMINISTRATOR);
    }

    public boolean may(Action action) {
      return AccessMatrix.allowsAny(roles, action);
    }
  }

  /**
   * The caller with her roles. Within one HTTP request it is made once: the access gate, the
   * handler and the services it calls ask again and get the same answer without another look-up.
   */
  public Viewer viewer() {
    var authentication = authentication();
    List<String> groups = groupsOf(authentication);
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null && request.getAttribute(VIEWER, RequestAttributes.SCOPE_REQUEST) instanceof Viewer made
        && made.userId().equals(authentication.getUserId()) && made.groups().equals(groups)) {
      return made;
    }
    List<String> managerGroups = groups.isEmpty() ? List.of() : projects.managerGroupsAmong(groups);
    Viewer viewer = new Viewer(authentication.getUserId(), groups, Role.of(groups, managerGroups));
    if (request != null) {
      request.setAttribute(VIEWER, viewer, RequestAttributes.SCOPE_REQUEST);
    }
    return viewer;
  }

  /**
   * Whether the caller may do the action at all (not with a given case). A role only adds rights,
   * so the projects' manager groups are asked for only when the role groups alone do not allow it:
   * a referrer's referral costs no look-up.
   */
  public boolean may(Action action) {
    var authentication = authentication();
    return new Viewer(authentication.getUserId(), groupsOf(authentication)).may(action) || viewer().may(action);
  }

  private Authentication authentication() {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new IllegalStateException("No authenticated user: /api is behind ApiAuthenticationFilter");
    }
    return authentication;
  }

  private static List<String> groupsOf(Authentication authentication) {
    return authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  /** How the viewer stands to the case; {@link Relation#NONE} when in no other way. */
  public Set<Relation> relations(Viewer viewer, CaseFile caseFile) {
    Set<Relation> relations = EnumSet.noneOf(Relation.class);
    if (viewer.userId().equals(caseFile.getCoach())) {
      relations.add(Relation.OWN_CASE);
    } else if (sharesTeamWith(viewer, caseFile.getCoach())) {
      relations.add(Relation.SAME_TEAM);
    }
    if (viewer.groups().contains(Groups.WORKING_GROUP)) {
      relations.add(caseFile.getPhase() == CasePhase.REFERRED ? Relation.AWAITING_MY_DECISION
          : Relation.DECIDED_BY_MY_GROUP);
    }
    if (viewer.groups().contains(Groups.PLACEMENT_COORDINATORS) && hasPlacement(caseFile)) {
      relations.add(Relation.PLACEMENT);
    }
    if (viewer.groups().contains(caseFile.getProject().getManagerGroup())) {
      relations.add(Relation.MY_PROJECT);
    }
    if (relations.isEmpty()) {
      relations.add(Relation.NONE);
    }
    return relations;
  }

  /** Whether the {@link AccessMatrix} lets the viewer do the action on the case. */
  public boolean can(Viewer viewer, CaseFile caseFile, Action action) {
    Set<Relation> relations = relations(viewer, caseFile);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(viewer.roles());
    if (relations.contains(Relation.MY_PROJECT)) {
      // Being in the case's project's manager group is being its manager.
      roles.add(Role.MANAGER);
    }
    return AccessMatrix.allows(roles, action, relations, caseFile.getParticipant().isProtectedIdentity());
  }

  public boolean canSee(Viewer viewer, CaseFile caseFile) {
    return can(viewer, caseFile, Action.READ_CASE);
  }

  private boolean hasPlacement(CaseFile caseFile) {
    return entityManager.createQuery("select count(p) from Placement p where p.caseId = :caseId", Long.class)
        .setParameter("caseId", caseFile.getId()).getSingleResult() > 0;
  }

  /**
   * Who may write in a case's record (journal, attachments, extracts to a party): the matrix's
   * {@link Action#WRITE_CASE}, the case's coach and her teammates (and administrators); managers,
   * the working group and placement coordinators read but do not write.
   */
  public boolean canWrite(Viewer viewer, CaseFile caseFile) {
    return can(viewer, caseFile, Action.WRITE_CASE);
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
      rules.add("exists (select seePlacement.id from Placement seePlacement where seePlacement.caseId = "
          + caseAlias + ".id)");
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

  /**
   * {@link #visibleIn}, narrowed for a search for a person: a participant with protected identity
   * is found only by their own coach (a manager opens such a case from her caseload, not by name
   * or personnummer). Needs a {@code Participant} alias.
   */
  public Condition searchableIn(Viewer viewer, String caseAlias, String projectAlias, String participantAlias) {
    Condition visible = visibleIn(viewer, caseAlias, projectAlias);
    return new Condition(visible.jpql() + " and (" + participantAlias + ".protectedIdentity = false or "
        + caseAlias + ".coach = :seeUser)", visible.parameters());
  }

  /**
   * {@link #visibleIn}, narrowed to the viewer's caseload ("Mina deltagare"): the cases she coaches,
   * those of the projects she manages, and those where she arranges a placement.
   */
  public Condition caseloadIn(Viewer viewer, String caseAlias, String projectAlias) {
    Condition visible = visibleIn(viewer, caseAlias, projectAlias);
    List<String> own = new ArrayList<>(List.of(caseAlias + ".coach = :seeUser",
        "exists (select 1 from Placement caseloadPlacement where caseloadPlacement.caseId = " + caseAlias
            + ".id and caseloadPlacement.coordinator = :seeUser)"));
    if (!viewer.groups().isEmpty()) {
      own.add(projectAlias + ".managerGroup in :seeGroups");
    }
    return new Condition(visible.jpql() + " and (" + String.join(" or ", own) + ")", visible.parameters());
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
