package se.stegvis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

import se.stegvis.deadline.DeadlineLabels;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;

/**
 * Deploying from Camunda Modeler: the same multipart call to /engine-rest/deployment/create.
 * Administrators only; a model that refers to a missing form or bean is refused and the
 * version in use keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
@AlsoOnPostgres
class ModelerDeploymentTest {

  private static final String KEY = "participant-case";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine processEngine;
  @Autowired ModelDeployment modelDeployment;
  @Autowired DeadlineLabels deadlineLabels;

  @BeforeEach
  void coach() {
    if (identityService.createUserQuery().userId("colin").count() == 0) {
      var user = identityService.newUser("colin");
      user.setPassword("coach-losen-1");
      identityService.saveUser(user);
      if (identityService.createGroupQuery().groupId(Groups.COACHES).count() == 0) {
        identityService.saveGroup(identityService.newGroup(Groups.COACHES));
      }
      identityService.createMembership("colin", Groups.COACHES);
    }
  }

  @Test
  @DisplayName("an administrator deploys a changed model with its forms; the new version serves new cases")
  void administratorDeploys() throws IOException {
    int before = latestVersion();
    var response = deploy("admin", "demo", model().replace("name=\"Upprätta handlingsplan\"",
        "name=\"Upprätta handlingsplan (ny)\""), true);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(latestVersion()).isEqualTo(before + 1);

    modelDeployment.postProcessEngineBuild(processEngine); // what a restart does
    assertThat(latestVersion()).as("a restart does not put the application's older models on top").isEqualTo(before + 1);
    String deploymentId = repositoryService.getProcessDefinition(latestDefinitionId()).getDeploymentId();
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult().getName())
        .isEqualTo("modeler");
  }

  @Test
  @DisplayName("the action plan's period changed to 10 days in Modeler: the label managers read says 10 days")
  void changedPeriodChangesTheLabel() throws IOException {
    assertThat(deadlineLabels.label("PLAN")).isEqualTo("Handlingsplan (14 dagar)");
    var response = deploy("admin", "demo", model().replace("${deadlines.endOfDay(startDate, 'P14D')}",
        "${deadlines.endOfDay(startDate, 'P10D')}"), true);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(deadlineLabels.label("PLAN")).isEqualTo("Handlingsplan (10 dagar)");
    assertThat(deadlineLabels.label("INTAKE_DECISION")).isEqualTo("Beslut om insats (14 dagar)");
  }

  @Test
  @DisplayName("a due date changed without its escalation timer is refused, naming the step; nothing changes")
  void dueDateAndTimerMustAgree() throws IOException {
    int before = latestVersion();
    String label = deadlineLabels.label("PLAN");
    String changed = model().replaceFirst(
        "camunda:dueDate=\"\\$\\{deadlines.endOfDay\\(startDate, 'P(\\d+)D'\\)}\"",
        "camunda:dueDate=\"\\${deadlines.endOfDay(startDate, 'P9D')}\"");
    assertThat(changed).contains("'P9D'");
    var response = deploy("admin", "demo", changed, true);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("Upprätta handlingsplan").contains("eskaleringstimern");
    assertThat(latestVersion()).isEqualTo(before);
    assertThat(deadlineLabels.label("PLAN")).isEqualTo(label);
  }

  private String latestDefinitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult()
        .getId();
  }

  @Test
  @DisplayName("a coach may not deploy")
  void coachIsRefused() throws IOException {
    int before = latestVersion();
    var response = deploy("colin", "coach-losen-1", model(), true);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).contains("Bara administratörer");
    assertThat(latestVersion()).isEqualTo(before);
  }

  @Test
  @DisplayName("a model whose form is missing is refused with the element named; the old version keeps serving")
  void missingFormIsRefused() throws IOException {
    int before = latestVersion();
    var response = deploy("admin", "demo", model(), false);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("Modellen kan inte driftsättas")
        .contains("Upprätta handlingsplan").contains("action-plan").contains("ta med formulärfilen");
    assertThat(latestVersion()).isEqualTo(before);
  }

  @Test
  @DisplayName("a model that calls a bean Stegvis does not have is refused")
  void missingBeanIsRefused() throws IOException {
    int before = latestVersion();
    var response = deploy("admin", "demo", model().replace("${decisionNotification}", "${sendFax}"), true);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("Meddela person och remittent").contains("${sendFax}");
    assertThat(latestVersion()).isEqualTo(before);
  }

  @Test
  @DisplayName("a model that does not parse is refused")
  void brokenXmlIsRefused() throws IOException {
    int before = latestVersion();
    var response = deploy("admin", "demo", model().substring(0, 2000), true);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("kan inte läsas som BPMN");
    assertThat(latestVersion()).isEqualTo(before);
  }

  private int latestVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getVersion();
  }

  private static String model() throws IOException {
    return Files.readString(Path.of("processes/participant-case.bpmn"));
  }

  private ResponseEntity<String> deploy(String user, String password, String bpmn, boolean withForms)
      throws IOException {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "modeler");
    body.add("deployment-source", "Camunda Modeler");
    body.add("participant-case.bpmn", file("participant-case.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
    if (withForms) {
      try (Stream<Path> forms = Files.list(Path.of("forms"))) {
        for (Path form : forms.toList()) {
          body.add(form.getFileName().toString(), file(form.getFileName().toString(), Files.readAllBytes(form)));
        }
      }
    }
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, password)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }

  private static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
    var headers = new HttpHeaders();
    headers.setContentDispositionFormData(name, name);
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }
}
