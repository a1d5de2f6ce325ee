package se.stegvis.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.identity.Groups;

/**
 * The one place that says what each role may do in the engine and its webapps. Created at
 * start-up and set to exactly what is listed here on every start (no duplicates: one grant row per
 * group, resource type and id). What these grants leave out is per case: the engine itself lets a
 * task's assignee and candidate groups read and work on that task, and {@code CaseAuthorizations}
 * lets a case's coach and its project's managers read its process instance and tasks. No role but
 * the administrators reads process instances, tasks or history in general.
 */
@Component
public class RoleAuthorizations {

  /** A grant of permissions on one resource (a type and an id, or every id) to a group. */
  public record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
  }

  /** The role groups with their names in Admin; created when missing (the demo and production alike). */
  static final Map<String, String> ROLES = Map.of(
      Groups.REFERRERS, "Remittenter",
      Groups.WORKING_GROUP, "Beredningsgrupp",
      Groups.COACHES, "Coacher",
      Groups.PLACEMENT_COORDINATORS, "Praktiksamordnare",
      Groups.MANAGERS, "Projektledare och chefer");

  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final ProjectRepository projects;

  RoleAuthorizations(AuthorizationService authorizationService, IdentityService identityService,
      ProjectRepository projects) {
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.projects = projects;
  }

  /**
   * Every grant, per role. Managers are the group {@link Groups#MANAGERS} and each project's own
   * manager group.
   */
  public List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    // Referrers register referrals ("Ny remiss" in Tasklist or POST /api/referrals) and see nothing
    // of the case in the engine afterwards.
    grants.add(grant(Groups.REFERRERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(grant(Groups.REFERRERS, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    grants.add(grant(Groups.REFERRERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
    // Staff work in Tasklist: the filters, the models (forms, diagram); their tasks come per task.
    for (String staff : List.of(Groups.WORKING_GROUP, Groups.COACHES, Groups.PLACEMENT_COORDINATORS)) {
      grants.addAll(tasklistWork(staff));
    }
    managerGroups().forEach(group -> {
      grants.addAll(tasklistWork(group));
      grants.add(grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    });
    // Administrators: everything, Admin and deployments included.
    Arrays.stream(Resources.values()).forEach(resource ->
        grants.add(grant(Groups.ADMINISTRATORS, resource, ANY, Permissions.ALL)));
    return grants;
  }

  private static List<Grant> tasklistWork(String group) {
    return List.of(grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
        grant(group, Resources.FILTER, ANY, Permissions.READ),
        // Group names (candidate groups, teams); no members, users or case data.
        grant(group, Resources.GROUP, ANY, Permissions.READ),
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
  }

  private Stream<String> managerGroups() {
    return Stream.concat(Stream.of(Groups.MANAGERS), projects.findAll().stream().map(p -> p.getManagerGroup()))
        .distinct();
  }

  private static Grant grant(String group, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(group, resource, resourceId, List.of(permissions));
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(-10)
  public void apply() {
    ROLES.forEach((id, name) -> {
      if (identityService.createGroupQuery().groupId(id).count() == 0) {
        var group = identityService.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
    });
    grants().forEach(this::apply);
  }

  /** Sets the group's grant on the resource to exactly the listed permissions. */
  public void apply(Grant grant) {
    var existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    var authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(grant.group());
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
    authorizationService.saveAuthorization(authorization);
  }
}
