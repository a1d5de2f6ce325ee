package se.stegvis.casefile;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

import se.stegvis.identity.Groups;

/**
 * Per-case grants in the engine, so Tasklist, Cockpit and the engine REST API show a case only to
 * the people the case belongs to. The engine already lets a task's assignee and candidate groups
 * read and work on that task; on top of that, when a task of a case is created or assigned:
 * <ul>
 * <li>the project's manager group may read the task and the process instance it belongs to, and
 * the task's candidate groups the process instance (its ids and flags: the case number on
 * Tasklist's cards);</li>
 * <li>the assignee (the case's coach, or the placement coordinator on a placement) may read the
 * process instance, and the assignee's teams (groups of type {@link Groups#TEAM_TYPE}) may read
 * and work on the task and read the process instance.</li>
 * </ul>
 * When a step with candidate groups ends, their read of the instance ends too (the working group
 * reads a referral until its decision), unless another open step is theirs. Grants on a task go
 * with the task, grants on an instance with the instance (the engine deletes them). Saved like the engine's own default grants: merged into an existing row, never doubled.
 */
@Component("caseAuthorizations")
class CaseAuthorizations implements TaskListener {

  private final CaseFileRepository caseFiles;

  CaseAuthorizations(CaseFileRepository caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateTask task) {
    Long caseId = (Long) task.getVariable(ProcessVariables.CASE_ID);
    if (caseId == null) {
      return;
    }
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String managers = caseFiles.findById(caseId).orElseThrow().getProject().getManagerGroup();
      grant(null, managers, Resources.TASK, task.getId(), Permissions.READ);
      grant(null, managers, Resources.PROCESS_INSTANCE, task.getProcessInstanceId(), Permissions.READ);
      // Tasklist shows the case number (a process variable) on the candidates' task cards.
      task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).forEach(group ->
          grant(null, group, Resources.PROCESS_INSTANCE, task.getProcessInstanceId(), Permissions.READ));
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      // The candidates' read of the case ends with their step (the working group's with its
      // decision), unless another open step of the instance is theirs too.
      task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
          .filter(group -> !hasOtherOpenTask(task, group))
          .forEach(group -> revoke(group, Resources.PROCESS_INSTANCE, task.getProcessInstanceId()));
      return;
    }
    if (task.getAssignee() != null) {
      grant(task.getAssignee(), null, Resources.PROCESS_INSTANCE, task.getProcessInstanceId(), Permissions.READ);
      for (String team : teamsOf(task.getAssignee())) {
        grant(null, team, Resources.TASK, task.getId(), Permissions.READ, Permissions.UPDATE);
        grant(null, team, Resources.PROCESS_INSTANCE, task.getProcessInstanceId(), Permissions.READ);
      }
    }
  }

  private static List<String> teamsOf(String userId) {
    var commandContext = Context.getCommandContext();
    return commandContext.runWithoutAuthorization(() -> commandContext.getReadOnlyIdentityProvider()
        .createGroupQuery().groupMember(userId).groupType(Groups.TEAM_TYPE).list().stream().map(Group::getId).toList());
  }

  private static boolean hasOtherOpenTask(DelegateTask task, String group) {
    var commandContext = Context.getCommandContext();
    return commandContext.runWithoutAuthorization(() -> task.getProcessEngineServices().getTaskService()
        .createTaskQuery().processInstanceId(task.getProcessInstanceId()).taskCandidateGroup(group).list().stream()
        .anyMatch(other -> !other.getId().equals(task.getId())));
  }

  private static void revoke(String groupId, Resource resource, String resourceId) {
    var commandContext = Context.getCommandContext();
    var grant = commandContext.getAuthorizationManager()
        .findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId, resource, resourceId);
    if (grant != null) {
      commandContext.getDbEntityManager().delete(grant);
    }
  }

  /** Adds the permissions to the holder's grant on the resource, creating the grant when there is none. */
  private static void grant(String userId, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    var commandContext = Context.getCommandContext();
    var authorizations = commandContext.getAuthorizationManager();
    // Parallel tasks are created in one transaction: a grant made for the first is not in the
    // database yet when the second asks, so look among this transaction's grants first.
    var grant = commandContext.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(made -> made.getAuthorizationType() == AUTH_TYPE_GRANT && Objects.equals(made.getUserId(), userId)
            && Objects.equals(made.getGroupId(), groupId) && made.getResourceType() == resource.resourceType()
            && resourceId.equals(made.getResourceId()))
        .findFirst()
        .orElseGet(() -> userId != null
            ? authorizations.findAuthorizationByUserIdAndResourceId(AUTH_TYPE_GRANT, userId, resource, resourceId)
            : authorizations.findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId, resource, resourceId));
    if (grant == null) {
      grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
      grant.setUserId(userId);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
      return;
    }
    Arrays.stream(permissions).forEach(grant::addPermission);
    authorizations.saveDefaultAuthorizations(new AuthorizationEntity[] {grant});
  }
}
