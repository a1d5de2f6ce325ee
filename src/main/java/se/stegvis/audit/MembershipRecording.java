package se.stegvis.audit;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

import se.stegvis.audit.MembershipHistory.Cause;

/**
 * Records every membership change in the {@link MembershipHistory}, whatever the door: the engine's
 * IdentityService (Admin, {@code /engine-rest}'s user and group endpoints, the demo data, our own
 * code) reaches the database only through the engine's identity provider, and this plugin puts a
 * recording one in its place. Each record is written in the transaction of the change, so a refused
 * or failed change leaves none.
 */
@Component
class MembershipRecording extends AbstractProcessEnginePlugin {

  private final MembershipHistory history;

  MembershipRecording(MembershipHistory history) {
    this.history = history;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        // The engine registers the factory as the writable provider because this type is one.
        return RecordingIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new RecordingIdentityProvider(history);
      }
    });
  }

  /**
   * The engine's database identity provider, which also records. The history is written after the
   * provider has checked the caller's authorization and queued its change.
   */
  static class RecordingIdentityProvider extends DbIdentityServiceProvider {

    private final MembershipHistory history;

    RecordingIdentityProvider(MembershipHistory history) {
      this.history = history;
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      IdentityOperationResult result = super.createMembership(userId, groupId);
      if (IdentityOperationResult.OPERATION_CREATE.equals(result.getOperation())) {
        history.started(userId, groupId, Cause.ADDED, actor());
      }
      return result;
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      IdentityOperationResult result = super.deleteMembership(userId, groupId);
      if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
        history.ended(userId, groupId, Cause.REMOVED, actor());
      }
      return result;
    }

    /** Called by deleteUser, after its authorization check, for the user's memberships. */
    @Override
    protected void deleteMembershipsByUserId(String userId) {
      history.endedAllOfUser(userId, Cause.USER_DELETED, actor());
      super.deleteMembershipsByUserId(userId);
    }

    /** Called by deleteGroup, after its authorization check, for the group's memberships. */
    @Override
    protected void deleteMembershipsByGroupId(String groupId) {
      history.endedAllOfGroup(groupId, Cause.GROUP_DELETED, actor());
      super.deleteMembershipsByGroupId(groupId);
    }

    /** A group that becomes a team (or stops being one) changes what its members' memberships mean. */
    @Override
    public IdentityOperationResult saveGroup(Group group) {
      String before = history.groupType(group.getId());
      IdentityOperationResult result = super.saveGroup(group);
      if (IdentityOperationResult.OPERATION_UPDATE.equals(result.getOperation())
          && !java.util.Objects.equals(before, group.getType())) {
        history.groupTypeChanged(group.getId(), group.getType(), actor());
      }
      return result;
    }

    private static String actor() {
      var commandContext = Context.getCommandContext();
      String user = commandContext == null ? null : commandContext.getAuthenticatedUserId();
      return user == null ? AuditLog.SYSTEM : user;
    }
  }
}
