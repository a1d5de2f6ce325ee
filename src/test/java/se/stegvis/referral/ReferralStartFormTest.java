package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.AtOnce;

/**
 * The Tasklist way in: the start form "Ny remiss" submitted to the engine REST API exactly as
 * Tasklist does. A valid form opens a case whose number is the business key and leaves no
 * personal data in the engine; a refused form answers 400 in Swedish and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AlsoOnPostgres
class ReferralStartFormTest {

  static final String USER = ReferralApiTest.USER;
  static final String PASSWORD = ReferralApiTest.PASSWORD;

  @LocalServerPort int port;
  @Autowired ProjectRepository projects;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void projectAndUser() {
    ClockUtil.reset();
    if (projects.findByCode("C2").isEmpty()) {
      projects.save(new Project("C2", "C2 – Lycksele", 80, Groups.MANAGERS));
    }
    if (projects.findByCode("SAMVERKAN").isEmpty()) {
      projects.save(new Project("SAMVERKAN", "Samverkanshuset Strömsund", 80, Groups.MANAGERS));
    }
    if (identityService.createUserQuery().userId(USER).count() == 0) {
      var user = identityService.newUser(USER);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    // Registers referrals (referrer) and decides on them (working group) in these tests.
    for (String group : List.of(Groups.REFERRERS, Groups.WORKING_GROUP)) {
      if (identityService.createUserQuery().userId(USER).memberOfGroup(group).count() == 0) {
        identityService.createMembership(USER, group);
      }
    }
  }

  @Test
  void validStartFormOpensACaseWhoseNumberIsTheBusinessKey() throws Exception {
    String number = TestPersons.newPersonnummer();
    String reason = "Långvarigt försörjningsstöd, vill pröva arbete " + number.substring(9);
    Map<String, Object> form = ReferralApiTest.referral(number);
    form.put("firstName", "Fornamn" + number.substring(2, 8));
    form.put("lastName", "Efternamn" + number.substring(2, 8));
    form.put("reason", reason);
    long casesBefore = count("case_file");

    HttpResponse<String> response = submit(form);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode instance = json.readTree(response.body());
    String processInstanceId = instance.path("id").asText();
    String caseNumber = instance.path("businessKey").asText();
    assertThat(caseNumber).matches("C2-2026-\\d{4}");
    assertThat(count("case_file")).isEqualTo(casesBefore + 1);

    Map<String, Object> caseRow = jdbc.queryForMap(
        "select c.id, c.phase, c.process_instance_id, pa.identity_number, pa.last_name, r.registered_via, "
            + "r.registered_by, r.reason from case_file c join participant pa on pa.id = c.participant_id "
            + "join referral r on r.case_id = c.id where c.case_number = ?", caseNumber);
    assertThat(caseRow).containsEntry("phase", "REFERRED")
        .containsEntry("process_instance_id", processInstanceId)
        .containsEntry("identity_number", number.replace("-", ""))
        .containsEntry("last_name", form.get("lastName"))
        .containsEntry("registered_via", "TASKLIST")
        .containsEntry("registered_by", USER)
        .containsEntry("reason", reason);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId())
        .isEqualTo(processInstanceId);
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).list();
    assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly("decideIntake");
    assertThat(runtimeService.getVariables(processInstanceId))
        .containsEntry(ProcessVariables.CASE_ID, ((Number) caseRow.get("id")).longValue())
        .containsEntry(ProcessVariables.CASE_NUMBER, caseNumber)
        .containsOnlyKeys(ProcessVariables.CASE_ID, ProcessVariables.CASE_NUMBER, ProcessVariables.REFERRAL_DATE);

    // No personal data in the engine's variables or their history: only the allowed ids and dates.
    assertThat(jdbc.queryForList("select name_ from act_ru_variable where proc_inst_id_ = ?", String.class,
        processInstanceId)).isNotEmpty().allSatisfy(name -> assertThat(ProcessVariables.isAllowed(name)).as(name).isTrue());
    assertThat(jdbc.queryForList("select name_ from act_hi_varinst where proc_inst_id_ = ?", String.class,
        processInstanceId)).isNotEmpty().allSatisfy(name -> assertThat(ProcessVariables.isAllowed(name)).as(name).isTrue());
    for (String value : personalData(form)) {
      assertThat(rowsContaining(value, "act_ru_variable", "act_hi_varinst")).as("variables holding \"%s\"", value)
          .isEmpty();
    }
  }

  @Test
  void startFormValuesAreNotKeptInEngineHistoryDetails() throws Exception {
    Map<String, Object> form = ReferralApiTest.referral(TestPersons.newPersonnummer());
    form.put("reason", "Skäl " + UUID.randomUUID());

    HttpResponse<String> response = submit(form);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String processInstanceId = json.readTree(response.body()).path("id").asText();
    // submit-form also writes every submitted field to ACT_HI_DETAIL as a "FormProperty" history event.
    assertThat(jdbc.queryForList("select type_, name_ from act_hi_detail where proc_inst_id_ = ?", processInstanceId))
        .allSatisfy(row -> assertThat(ProcessVariables.isAllowed((String) row.get("NAME_"))).as(row.toString()).isTrue());
    for (String value : personalData(form)) {
      assertThat(rowsContaining(value, "act_hi_detail", "act_hi_op_log")).as("history rows holding \"%s\"", value)
          .isEmpty();
    }
  }

  private static List<String> personalData(Map<String, Object> form) {
    String number = (String) form.get("identityNumber");
    return List.of(number, number.replace("-", ""), (String) form.get("firstName"), (String) form.get("lastName"),
        (String) form.get("reason"), (String) form.get("email"), (String) form.get("phone"),
        (String) form.get("referrerEmail"));
  }

  @Test
  void badPersonnummerIsRefusedIn400WithTheSwedishMessageAndNothingIsStored() throws Exception {
    Map<String, Object> form = ReferralApiTest.referral(TestPersons.withWrongCheckDigit(TestPersons.newPersonnummer()));
    Map<String, Long> before = counts();

    HttpResponse<String> response = submit(form);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = json.readTree(response.body());
    assertThat(error.path("message").asText())
        .isEqualTo("Personnummer eller samordningsnummer: Kontrollsiffran stämmer inte. "
            + "Kontrollera personnumret och skriv det igen.");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void everyProblemOfTheFormIsReportedAtOnce() throws Exception {
    Map<String, Object> form = ReferralApiTest.referral(TestPersons.newPersonnummer());
    form.remove("lastName");
    form.put("party", "KOMMUNEN");
    form.put("reason", "x".repeat(4001));
    Map<String, Long> before = counts();

    HttpResponse<String> response = submit(form);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = json.readTree(response.body());
    assertThat(error.path("message").asText()).contains(
        "Efternamn: måste fyllas i.",
        "Remitterande part: \"KOMMUNEN\" är inte ett giltigt värde för remitterande part.",
        "Skäl till remissen: får vara högst 4000 tecken (nu 4001).");
    assertThat(error.path("errors")).hasSize(3);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void secondOpenCaseForThePersonIsRefusedWithoutTheExistingCaseNumber() throws Exception {
    String number = TestPersons.newPersonnummer();
    HttpResponse<String> first = submit(ReferralApiTest.referral(number));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String caseNumber = json.readTree(first.body()).path("businessKey").asText();
    Map<String, Long> before = counts();

    HttpResponse<String> second = submit(ReferralApiTest.referral(number));

    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    JsonNode error = json.readTree(second.body());
    assertThat(error.path("message").asText()).isEqualTo(DuplicateCaseException.MESSAGE);
    assertThat(second.body()).doesNotContain(caseNumber);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void doubleSubmittedStartFormOfANewPersonOpensOneCase() throws Exception {
    String number = TestPersons.newPersonnummer();
    Map<String, Long> before = counts();

    List<HttpResponse<String>> answers = AtOnce.times(2,
        () -> submit(ReferralApiTest.referral(number)));

    assertOneOpenedAndOneRefusedInSwedish(answers);
    Map<String, Long> after = counts();
    for (String table : List.of("case_file", "participant", "referral", "processInstances")) {
      assertThat(after.get(table)).as(table).isEqualTo(before.get(table) + 1);
    }
  }

  @Test
  void doubleSubmittedStartFormOfAKnownPersonOpensOneCase() throws Exception {
    // The person exists (a case in C2): both submissions find the row, so the unique identity
    // number cannot stop the second; the row lock taken by the registration must.
    String number = TestPersons.newPersonnummer();
    assertThat(submit(ReferralApiTest.referral(number)).statusCode()).isEqualTo(200);
    Map<String, Object> form = ReferralApiTest.referral(number);
    form.put("projectCode", "SAMVERKAN");
    Map<String, Long> before = counts();

    List<HttpResponse<String>> answers = AtOnce.times(2, () -> submit(form));

    HttpResponse<String> refused = assertOneOpenedAndOneRefusedInSwedish(answers);
    assertThat(json.readTree(refused.body()).path("message").asText()).isEqualTo(DuplicateCaseException.MESSAGE);
    Map<String, Long> after = counts();
    assertThat(after.get("case_file")).isEqualTo(before.get("case_file") + 1);
    assertThat(after.get("participant")).isEqualTo(before.get("participant"));
    assertThat(after.get("processInstances")).isEqualTo(before.get("processInstances") + 1);
  }

  private HttpResponse<String> assertOneOpenedAndOneRefusedInSwedish(List<HttpResponse<String>> answers)
      throws Exception {
    assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body).toList().toString()).containsExactlyInAnyOrder(200, 409);
    HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
    assertThat(json.readTree(refused.body()).path("message").asText()).as(refused.body())
        .matches("(En remiss för personen är redan öppen|Samma uppgifter sparades just av någon annan).*");
    return refused;
  }

  @Test
  void refusedTaskFormIsAlso400WithTheSwedishMessage() throws Exception {
    HttpResponse<String> started = submit(ReferralApiTest.referral(TestPersons.newPersonnummer()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String processInstanceId = json.readTree(started.body()).path("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    Map<String, Object> variables = Map.of("variables", Map.of(
        "decision", Map.of("value", "KANSKE"), "decidedOn", Map.of("value", ReferralApiTest.REFERRED_ON.toString())));

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/task/" + task.getId() + "/submit-form"))
        .header("Content-Type", "application/json")
        .header("Authorization", ReferralApiTest.basic(USER, PASSWORD))
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(variables), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("message").asText())
        .isEqualTo("Beslut: \"KANSKE\" är inte ett giltigt värde för beslut.");
    assertThat(json.readTree(response.body()).path("fields").path("decision").asText())
        .as("the message by the field's key, for showing at the field")
        .isEqualTo("Beslut: \"KANSKE\" är inte ett giltigt värde för beslut.");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).as("task still open").isNotNull();
  }

  @Test
  void anonymousSubmissionIsRefused() throws Exception {
    Map<String, Long> before = counts();

    HttpResponse<String> response = http.send(request(ReferralApiTest.referral(TestPersons.newPersonnummer())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(counts()).isEqualTo(before);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Submits the start form the way Tasklist does: every field as {"value": ...}. */
  HttpResponse<String> submit(Map<String, Object> form) throws IOException, InterruptedException {
    return http.send(request(form).header("Authorization", ReferralApiTest.basic(USER, PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(Map<String, Object> form) throws IOException {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/process-definition/key/participant-case/submit-form"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("variables", variables)),
            StandardCharsets.UTF_8));
  }

  /** Rows of the engine tables that hold the value in a text column. */
  private List<String> rowsContaining(String value, String... tables) {
    List<String> rows = new java.util.ArrayList<>();
    for (String table : tables) {
      String where = table.equals("act_hi_op_log") ? "org_value_ like ? or new_value_ like ?" : "text_ like ? or text2_ like ?";
      String name = table.equals("act_hi_op_log") ? "property_" : "name_";
      jdbc.queryForList("select " + name + " from " + table + " where " + where, String.class,
          "%" + value + "%", "%" + value + "%").forEach(n -> rows.add(table + "." + n));
    }
    return rows;
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("case_file", "participant", "referral", "deadline", "act_hi_detail")) {
      counts.put(table, count(table));
    }
    counts.put("processInstances", runtimeService.createProcessInstanceQuery().count());
    counts.put("historicProcessInstances", historyService.createHistoricProcessInstanceQuery().count());
    return counts;
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
