package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.identity.Groups;
import se.stegvis.support.CaseProcessTest;
import se.stegvis.support.TestHttp;

/**
 * The engine's own doors do not lead around the roles: over real HTTP, another coach, a manager of
 * another project and a referrer get nothing of a case from {@code /engine-rest} or from the
 * webapps' engine API (403/404, or an empty answer without the case number), while the case's coach
 * and its project's managers get what their work needs and administrators everything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Motorns REST-API och webbapparna visar ett ärende bara för dem som ärendet hör till")
class EngineRestAccessTest extends CaseProcessTest {

  static final String PASSWORD = "Behorig-2026-test";
  static final String OTHER_COACH = "otto";
  static final String MANAGER = "maja";
  static final String OTHER_MANAGER = "mats";
  static final String OTHER_MANAGERS = "chefannat";
  static final String REFERRER = "rut";
  static final String ADMIN = "ada";
  static final String TEAMMATE = "tea";
  static final String TEAM = "teamnorr";

  @LocalServerPort int port;
  @Autowired RoleAuthorizations roleAuthorizations;
  final ObjectMapper json = new ObjectMapper();
  TestHttp http;
  CaseFile c;
  String instance;
  String planTask;

  @BeforeEach
  void aCaseAndItsNeighbours() {
    http = new TestHttp(port);
    ensureProjectAndStaff();
    if (projects.findByCode("ANNAT").isEmpty()) {
      projects.save(new Project("ANNAT", "Ett annat projekt", 10, OTHER_MANAGERS));
      roleAuthorizations.apply();
    }
    for (var member : Map.of(COACH, Groups.COACHES, OTHER_COACH, Groups.COACHES, MANAGER, Groups.MANAGERS,
        OTHER_MANAGER, OTHER_MANAGERS, REFERRER, Groups.REFERRERS, ADMIN, Groups.ADMINISTRATORS).entrySet()) {
      userWithPassword(member.getKey(), member.getValue());
    }
    if (identityService.createGroupQuery().groupId(TEAM).count() == 0) {
      var team = identityService.newGroup(TEAM);
      team.setType(Groups.TEAM_TYPE);
      identityService.saveGroup(team);
    }
    userWithPassword(TEAMMATE, Groups.COACHES);
    userWithPassword(TEAMMATE, TEAM);
    userWithPassword(COACH, TEAM);
    c = activeCase(LocalDate.now().minusDays(20));
    instance = c.getProcessInstanceId();
    planTask = task(c, "makeActionPlan").getId();
  }

  private void userWithPassword(String userId, String group) {
    var user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identityService.newUser(userId);
    }
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    if (identityService.createGroupQuery().groupId(group).count() == 0) {
      identityService.saveGroup(identityService.newGroup(group));
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identityService.createMembership(userId, group);
    }
  }

  /** Engine REST reads that, for someone the case is not theirs, must hold nothing of it. */
  private List<String> caseReads() {
    return List.of(
        "/engine-rest/task?processInstanceId=" + instance,
        "/engine-rest/task/count?processInstanceId=" + instance,
        "/engine-rest/task/" + planTask,
        "/engine-rest/task/" + planTask + "/variables",
        "/engine-rest/task/" + planTask + "/form-variables",
        "/engine-rest/task/" + planTask + "/identity-links",
        "/engine-rest/process-instance?processInstanceIds=" + instance,
        "/engine-rest/process-instance/count?processInstanceIds=" + instance,
        "/engine-rest/process-instance/" + instance,
        "/engine-rest/process-instance/" + instance + "/variables",
        "/engine-rest/process-instance/" + instance + "/activity-instances",
        "/engine-rest/execution?processInstanceId=" + instance,
        "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
        "/engine-rest/variable-instance/count?processInstanceIdIn=" + instance,
        "/engine-rest/history/process-instance?processInstanceId=" + instance,
        "/engine-rest/history/process-instance/" + instance,
        "/engine-rest/history/task?processInstanceId=" + instance,
        "/engine-rest/history/task/count?processInstanceId=" + instance,
        "/engine-rest/history/variable-instance?processInstanceId=" + instance,
        "/engine-rest/history/activity-instance?processInstanceId=" + instance,
        "/engine-rest/history/detail?processInstanceId=" + instance,
        "/engine-rest/history/user-operation?processInstanceId=" + instance,
        "/engine-rest/history/identity-link-log?taskId=" + planTask);
  }

  private void assertNothingOfTheCase(String userId, String path) throws Exception {
    HttpResponse<String> response = http.get(path, userId, PASSWORD);
    assertThat(response.statusCode()).as(userId + " GET " + path).isIn(200, 403, 404);
    assertNoIdsBeyondTheQuestion(path, response.body());
    if (response.statusCode() == 200) {
      JsonNode body = json.readTree(response.body());
      if (body.isArray()) {
        assertThat(body).as(userId + " GET " + path).isEmpty();
      } else {
        assertThat(body.path("count").asInt(-1)).as(userId + " GET " + path).isZero();
      }
    }
  }

  /** A refusal may repeat the id that was asked for; nothing else of the case may appear. */
  private void assertNoIdsBeyondTheQuestion(String path, String body) {
    String answer = body;
    for (String asked : List.of(instance, planTask)) {
      if (path.contains(asked)) {
        answer = answer.replace(asked, "");
      }
    }
    assertThat(answer).as(path).doesNotContain(c.getCaseNumber()).doesNotContain(instance).doesNotContain(planTask);
  }

  @Test
  @DisplayName("en annan coach, en chef i ett annat projekt och en remittent får inget av ärendet genom /engine-rest")
  void othersGetNothingOfTheCaseThroughEngineRest() throws Exception {
    for (String outsider : List.of(OTHER_COACH, OTHER_MANAGER, REFERRER)) {
      for (String path : caseReads()) {
        assertNothingOfTheCase(outsider, path);
      }
    }
  }

  @Test
  @DisplayName("ärendets coach ser sina uppgifter och sitt ärende, men ingen historik eller driftsättning")
  void theCoachReadsTheirOwnCase() throws Exception {
    JsonNode tasks = json.readTree(http.get("/engine-rest/task?processInstanceId=" + instance, COACH, PASSWORD).body());
    assertThat(tasks.findValuesAsText("taskDefinitionKey")).contains("makeActionPlan", "holdMeeting");
    HttpResponse<String> variables = http.get("/engine-rest/task/" + planTask + "/variables", COACH, PASSWORD);
    assertThat(variables.statusCode()).isEqualTo(200);
    assertThat(json.readTree(variables.body()).path("caseNumber").path("value").asText()).isEqualTo(c.getCaseNumber());
    assertThat(http.get("/engine-rest/task/" + planTask + "/form-variables", COACH, PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> process = http.get("/engine-rest/process-instance/" + instance, COACH, PASSWORD);
    assertThat(process.statusCode()).isEqualTo(200);
    assertThat(json.readTree(process.body()).path("businessKey").asText()).isEqualTo(c.getCaseNumber());
    // Every other case of the engine stays out of the coach's lists.
    JsonNode instances = json.readTree(http.get("/engine-rest/process-instance", COACH, PASSWORD).body());
    for (JsonNode listed : instances) {
      String businessKey = listed.path("businessKey").asText();
      assertThat(caseFiles.findAll().stream().filter(f -> businessKey.equals(f.getCaseNumber()))
          .allMatch(f -> COACH.equals(f.getCoach()))).as(businessKey).isTrue();
    }
    assertThat(json.readTree(http.get("/engine-rest/history/process-instance?processInstanceId=" + instance, COACH,
        PASSWORD).body())).isEmpty();
    assertThat(json.readTree(http.get("/engine-rest/deployment", COACH, PASSWORD).body())).isEmpty();
  }

  @Test
  @DisplayName("projektets chef ser ärendets processinstans och uppgifter; administratören ser även historiken")
  void theProjectsManagersAndAdministratorsReadTheCase() throws Exception {
    HttpResponse<String> process = http.get("/engine-rest/process-instance/" + instance, MANAGER, PASSWORD);
    assertThat(process.statusCode()).isEqualTo(200);
    JsonNode tasks = json.readTree(http.get("/engine-rest/task?processInstanceId=" + instance, MANAGER, PASSWORD).body());
    assertThat(tasks.findValuesAsText("taskDefinitionKey")).contains("makeActionPlan");
    // Reading is not acting: the manager may not complete the coach's task.
    assertThat(http.post("/engine-rest/task/" + planTask + "/complete", "{}", MANAGER, PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(task(c, "makeActionPlan")).isNotNull();

    JsonNode history = json.readTree(http.get("/engine-rest/history/process-instance?processInstanceId=" + instance,
        ADMIN, PASSWORD).body());
    assertThat(history.findValuesAsText("businessKey")).containsExactly(c.getCaseNumber());
    HttpResponse<String> deployments = http.get("/engine-rest/deployment", ADMIN, PASSWORD);
    assertThat(json.readTree(deployments.body())).isNotEmpty();
  }

  @Test
  @DisplayName("vårt API: ärendet bakom en uppgift för coachen och projektets chef, 403 för en annan coach och remittenten")
  void theApplicationApiAppliesTheSameRules() throws Exception {
    String path = "/api/cases/by-task/" + planTask;
    for (String userId : List.of(COACH, MANAGER)) {
      HttpResponse<String> response = http.get(path, userId, PASSWORD);
      assertThat(response.statusCode()).as(userId).isEqualTo(200);
      assertThat(json.readTree(response.body()).path("caseNumber").asText()).isEqualTo(c.getCaseNumber());
    }
    for (String outsider : List.of(OTHER_COACH, OTHER_MANAGER, REFERRER)) {
      HttpResponse<String> response = http.get(path, outsider, PASSWORD);
      // 404 as for a missing task (no oracle); 403 for a role that reads no case at all (the referrer).
      assertThat(response.statusCode()).as(outsider).isEqualTo(outsider.equals(REFERRER) ? 403 : 404);
      assertThat(response.body()).as(outsider).doesNotContain(c.getCaseNumber());
    }
  }

  @Test
  @DisplayName("coachens team: en kollega i samma team ser ärendet och kan ta över uppgiften, i motorn och i vårt API")
  void theCoachsTeamCoversTheCase() throws Exception {
    JsonNode tasks = json.readTree(http.get("/engine-rest/task?processInstanceId=" + instance, TEAMMATE, PASSWORD).body());
    assertThat(tasks.findValuesAsText("id")).contains(planTask);
    assertThat(http.get("/engine-rest/process-instance/" + instance, TEAMMATE, PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> overview = http.get("/api/cases/by-task/" + planTask, TEAMMATE, PASSWORD);
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(json.readTree(overview.body()).path("caseNumber").asText()).isEqualTo(c.getCaseNumber());

    assertThat(http.post("/engine-rest/task/" + planTask + "/assignee", "{\"userId\":\"" + TEAMMATE + "\"}",
        OTHER_COACH, PASSWORD).statusCode()).isIn(403, 404);
    assertThat(task(c, "makeActionPlan").getAssignee()).isEqualTo(COACH);
    assertThat(http.post("/engine-rest/task/" + planTask + "/assignee", "{\"userId\":\"" + TEAMMATE + "\"}",
        TEAMMATE, PASSWORD).statusCode()).isEqualTo(204);
    assertThat(task(c, "makeActionPlan").getAssignee()).isEqualTo(TEAMMATE);
  }

  @Test
  @DisplayName("deployments och deras filer: bara administratören")
  void deploymentsAreForAdministrators() throws Exception {
    String deployment = repositoryService.createDeploymentQuery().list().get(0).getId();
    for (String outsider : List.of(COACH, MANAGER, REFERRER)) {
      assertThat(http.get("/engine-rest/deployment/" + deployment, outsider, PASSWORD).statusCode())
          .as(outsider).isIn(403, 404);
      assertThat(http.get("/engine-rest/deployment/" + deployment + "/resources", outsider, PASSWORD).statusCode())
          .as(outsider).isIn(403, 404);
    }
    assertThat(http.get("/engine-rest/deployment/" + deployment + "/resources", ADMIN, PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("Tasklist: en annan coach ser inget av ärendet genom webbappens motor-API, coachen ser sin uppgift")
  void theTasklistApiFollowsTheSameRules() throws Exception {
    String base = "/camunda/api/engine/engine/default";
    assertThat(http.login("tasklist", OTHER_COACH, PASSWORD).statusCode()).isEqualTo(200);
    for (String path : List.of("/task?processInstanceId=" + instance, "/task/" + planTask,
        "/task/" + planTask + "/form-variables", "/process-instance/" + instance + "/variables",
        "/variable-instance?processInstanceIdIn=" + instance)) {
      HttpResponse<String> response = http.sessionGet(base + path);
      assertThat(response.statusCode()).as(path).isIn(200, 403, 404);
      assertNoIdsBeyondTheQuestion(path, response.body());
    }
    HttpResponse<String> filtered = http.sessionPost(base + "/task?maxResults=500",
        "{\"processInstanceId\":\"" + instance + "\"}");
    assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);
    assertThat(json.readTree(filtered.body())).isEmpty();

    TestHttp coach = new TestHttp(port);
    assertThat(coach.login("tasklist", COACH, PASSWORD).statusCode()).isEqualTo(200);
    JsonNode own = json.readTree(coach.sessionGet(base + "/task?processInstanceId=" + instance).body());
    assertThat(own.findValuesAsText("id")).contains(planTask);
  }

  @Test
  @DisplayName("Cockpit: bara chefer öppnar Cockpit, och en chef ser bara sina projekts ärenden")
  void cockpitShowsManagersTheirProjectsOnly() throws Exception {
    assertThat(new TestHttp(port).login("cockpit", OTHER_COACH, PASSWORD).statusCode()).isIn(401, 403);
    String definition = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
    String path = "/camunda/api/cockpit/plugin/base/default/process-instance?maxResults=1000&processDefinitionId="
        + definition;

    TestHttp other = new TestHttp(port);
    HttpResponse<String> login = other.login("cockpit", OTHER_MANAGER, PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<String> otherList = other.sessionGet(path);
    assertThat(otherList.statusCode()).as(otherList.body()).isIn(200, 403);
    assertThat(otherList.body()).doesNotContain(instance);

    TestHttp manager = new TestHttp(port);
    assertThat(manager.login("cockpit", MANAGER, PASSWORD).statusCode()).as("login").isEqualTo(200);
    HttpResponse<String> list = manager.sessionGet(path);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(json.readTree(list.body()).findValuesAsText("id")).contains(instance);
  }
}
