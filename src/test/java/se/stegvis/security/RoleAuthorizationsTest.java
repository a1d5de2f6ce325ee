package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

/**
 * The role grants are made from the one list, once: applying them again (a restart) adds no row and
 * puts back exactly the listed permissions; the per-case grants are made once per case however
 * many tasks it opens at a time.
 */
@DisplayName("Rollernas behörigheter: en lista, utan dubbletter vid omstart")
@AlsoOnPostgres
class RoleAuthorizationsTest extends CaseProcessTest {

  @Autowired RoleAuthorizations roleAuthorizations;
  @Autowired AuthorizationService authorizationService;

  private long rows() {
    return authorizationService.createAuthorizationQuery().count();
  }

  private List<String> groupsInTheCheck(List<String> groups) {
    return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
  }

  @Test
  @DisplayName("en användares få grupper går in i behörighetskontrollen som de är, utan att hela behörighetstabellen läses")
  void fewGroupsGoIntoTheCheckAsTheyAre() {
    var groups = List.of(Groups.COACHES, "team-utan-behorigheter");

    assertThat(groupsInTheCheck(groups)).containsExactlyElementsOf(groups);
  }

  @Test
  @DisplayName("många grupper (från en katalog) begränsas som förut till de grupper som har någon behörighet")
  void manyGroupsAreNarrowedToThoseWithGrants() {
    var groups = Stream.concat(Stream.of(Groups.COACHES),
        IntStream.range(0, AuthorizedGroups.UNFILTERED_UP_TO).mapToObj(i -> "katalog-" + i)).toList();

    assertThat(groupsInTheCheck(groups)).containsExactly(Groups.COACHES);
  }

  @Test
  @DisplayName("omstart: samma rader, och en behörighet som lagts till för hand tas bort igen")
  void applyingAgainAddsNothingAndRestoresTheList() {
    roleAuthorizations.apply();
    long before = rows();
    for (var grant : roleAuthorizations.grants()) {
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn(grant.group())
          .resourceType(grant.resource()).resourceId(grant.resourceId()).count()).as(grant.toString()).isEqualTo(1);
    }
    var coachDefinitions = authorizationService.createAuthorizationQuery().groupIdIn(Groups.COACHES)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    coachDefinitions.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
    authorizationService.saveAuthorization(coachDefinitions);

    roleAuthorizations.apply();
    assertThat(rows()).isEqualTo(before);
    var restored = authorizationService.createAuthorizationQuery().groupIdIn(Groups.COACHES)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    assertThat(restored.isPermissionGranted(ProcessDefinitionPermissions.READ)).isTrue();
    assertThat(restored.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).isFalse();
  }

  @Test
  @DisplayName("bara administratörer har en allmän rätt att läsa processinstanser, uppgifter och historik")
  void onlyAdministratorsReadCasesInGeneral() {
    for (var grant : roleAuthorizations.grants()) {
      boolean general = grant.resourceId().equals(Authorization.ANY);
      boolean caseData = grant.resource() == Resources.PROCESS_INSTANCE || grant.resource() == Resources.TASK
          || grant.resource() == Resources.HISTORIC_PROCESS_INSTANCE || grant.resource() == Resources.HISTORIC_TASK;
      boolean readsThroughDefinition = grant.resource() == Resources.PROCESS_DEFINITION && grant.permissions().stream()
          .anyMatch(p -> p != ProcessDefinitionPermissions.READ && p != ProcessDefinitionPermissions.CREATE_INSTANCE);
      boolean readsCases = general && (caseData && grant.permissions().stream().anyMatch(this::reads)
          || readsThroughDefinition);
      assertThat(readsCases && !grant.group().equals(Groups.ADMINISTRATORS)).as(grant.toString()).isFalse();
    }
  }

  private boolean reads(Permission permission) {
    return permission == Permissions.READ || permission == Permissions.ALL;
  }

  @Test
  @DisplayName("ett ärende med fyra samtidiga uppgifter ger chefsgruppen och coachen en läsrätt var på processinstansen")
  void perCaseGrantsAreMadeOnce() {
    CaseFile c = activeCase(LocalDate.now().minusDays(5));
    String instance = c.getProcessInstanceId();
    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isGreaterThanOrEqualTo(3);
    var managers = authorizationService.createAuthorizationQuery().groupIdIn(Groups.MANAGERS)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance).list();
    assertThat(managers).hasSize(1);
    assertThat(managers.get(0).isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(authorizationService.createAuthorizationQuery().userIdIn(COACH)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance).count()).isEqualTo(1);
    for (var task : taskService.createTaskQuery().processInstanceId(instance).list()) {
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.MANAGERS)
          .resourceType(Resources.TASK).resourceId(task.getId()).count()).as(task.getTaskDefinitionKey()).isEqualTo(1);
    }
    assertThat(runtimeService.getVariable(instance, ProcessVariables.CASE_NUMBER)).isEqualTo(c.getCaseNumber());
  }
}
