package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.AtOnce;
import se.stegvis.time.EngineClock;

/**
 * The referral API over real HTTP: authentication, the happy path into the case process,
 * every kind of refusal as Swedish problem details with nothing stored, duplicates and
 * idempotent retries. Each test uses its own person, so the tests share one database in any order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AlsoOnPostgres
class ReferralApiTest {

  static final String USER = "remiapi";
  static final String PASSWORD = "Remiss-2026-hemligt";
  static final String LOCKED_OUT_USER = "remifel";
  /** A fixed referral day, so case numbers carry a known year whatever day the tests run. */
  static final LocalDate REFERRED_ON = LocalDate.of(2026, 1, 15);
  static final String PROBLEM_JSON = "application/problem+json";

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
  void projectsAndUser() {
    ClockUtil.reset();
    ensureProject("C2", "C2 – Lycksele");
    ensureProject("SAMVERKAN", "Samverkanshuset Strömsund");
    if (identityService.createUserQuery().userId(USER).count() == 0) {
      var user = identityService.newUser(USER);
      user.setFirstName("Remi");
      user.setLastName("Api");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    // A referrer: the access matrix lets referrers (and staff) register referrals.
    if (identityService.createGroupQuery().groupId(Groups.REFERRERS).count() == 0) {
      identityService.saveGroup(identityService.newGroup(Groups.REFERRERS));
    }
    if (identityService.createUserQuery().userId(USER).memberOfGroup(Groups.REFERRERS).count() == 0) {
      identityService.createMembership(USER, Groups.REFERRERS);
    }
  }

  private void ensureProject(String code, String name) {
    if (projects.findByCode(code).isEmpty()) {
      projects.save(new Project(code, name, 80, Groups.MANAGERS));
    }
  }

  // --- authentication -----------------------------------------------------------------------

  @Test
  void anonymousCallerGets401ProblemAndNothingIsStored() throws Exception {
    Counts before = counts();

    HttpResponse<String> response = send(post(referral(TestPersons.newPersonnummer())).build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(contentType(response)).startsWith(PROBLEM_JSON);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("title").asText()).isEqualTo("Inloggning krävs");
    assertThat(problem.path("detail").asText()).contains("lösenord");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void wrongPasswordGets401() throws Exception {
    // Its own user: a failed login makes the engine refuse that user for a few seconds.
    if (identityService.createUserQuery().userId(LOCKED_OUT_USER).count() == 0) {
      var user = identityService.newUser(LOCKED_OUT_USER);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    Counts before = counts();

    HttpResponse<String> response = send(post(referral(TestPersons.newPersonnummer()))
        .header("Authorization", basic(LOCKED_OUT_USER, "fel-lösenord")).build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(contentType(response)).startsWith(PROBLEM_JSON);
    assertThat(counts()).isEqualTo(before);
  }

  // --- the happy path -----------------------------------------------------------------------

  @Test
  void validReferralOpensACaseWaitingForTheIntakeDecision() throws Exception {
    String number = TestPersons.newPersonnummer();
    Counts before = counts();

    HttpResponse<String> response = postReferral(referral(number));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    String caseNumber = body.path("caseNumber").asText();
    assertThat(caseNumber).matches("C2-2026-\\d{4}");
    assertThat(body.path("phase").asText()).isEqualTo("REFERRED");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + caseNumber);

    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance.getProcessDefinitionId()).startsWith("participant-case:");
    assertThat(body.path("processInstanceId").asText()).isEqualTo(instance.getId());
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly("decideIntake");
    assertThat(EngineClock.toDay(tasks.get(0).getDueDate())).isEqualTo(REFERRED_ON.plusDays(14));

    Map<String, Object> caseRow = jdbc.queryForMap(
        "select c.id, c.phase, c.process_instance_id, c.referred_on, p.code "
            + "from case_file c join project p on p.id = c.project_id where c.case_number = ?", caseNumber);
    assertThat(caseRow.get("phase")).isEqualTo("REFERRED");
    assertThat(caseRow.get("process_instance_id")).isEqualTo(instance.getId());
    assertThat(caseRow.get("code")).isEqualTo("C2");
    assertThat(((Number) caseRow.get("id")).longValue()).isEqualTo(body.path("caseId").asLong());
    Map<String, Object> person = jdbc.queryForMap(
        "select pa.identity_number, pa.identity_kind, pa.first_name, pa.last_name, pa.gender "
            + "from participant pa join case_file c on c.participant_id = pa.id where c.case_number = ?", caseNumber);
    assertThat(person).containsEntry("identity_number", number.replace("-", ""))
        .containsEntry("identity_kind", "PERSONNUMMER")
        .containsEntry("first_name", "Testa")
        .containsEntry("last_name", "Testsson")
        .containsEntry("gender", "WOMAN");
    Map<String, Object> referral = jdbc.queryForMap(
        "select r.party, r.reason, r.registered_by, r.registered_via "
            + "from referral r join case_file c on c.id = r.case_id where c.case_number = ?", caseNumber);
    assertThat(referral).containsEntry("party", "AF")
        .containsEntry("reason", "Behöver samordnat stöd")
        .containsEntry("registered_by", USER)
        .containsEntry("registered_via", "API");

    assertThat(counts()).isEqualTo(before.plus(1, 1, 1));
    // The engine keeps ids and dates only: the case data stays in the application's tables.
    assertThat(runtimeService.getVariables(instance.getId())).containsOnlyKeys("caseId", "caseNumber", "referralDate");
  }

  @Test
  void identityNumberWithoutCenturyOrHyphenIsStoredInFullForm() throws Exception {
    String number = TestPersons.newPersonnummer();
    String shortForm = number.substring(2).replace("-", "");

    HttpResponse<String> response = postReferral(referral(shortForm));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String caseNumber = json.readTree(response.body()).path("caseNumber").asText();
    assertThat(jdbc.queryForObject("select pa.identity_number from participant pa "
        + "join case_file c on c.participant_id = pa.id where c.case_number = ?", String.class, caseNumber))
        .isEqualTo(number.replace("-", ""));
  }

  // --- refusals: 400 problem details in Swedish, nothing stored -------------------------------

  @Test
  void wrongCheckDigitIsRefused() throws Exception {
    String number = TestPersons.withWrongCheckDigit(TestPersons.newPersonnummer());

    JsonNode problem = assertRefused(referral(number));

    assertThat(errors(problem)).anySatisfy(e -> assertThat(e)
        .contains("Personnummer eller samordningsnummer").contains("Kontrollsiffran stämmer inte"));
    assertThat(problem.path("detail").asText()).contains("Kontrollsiffran stämmer inte");
  }

  @Test
  void birthDateInTheFutureIsRefused() throws Exception {
    String number = TestPersons.personnummer(LocalDate.now(EngineClock.ZONE).plusMonths(2), 123);

    JsonNode problem = assertRefused(referral(number));

    assertThat(errors(problem)).anySatisfy(e -> assertThat(e)
        .contains("Personnummer eller samordningsnummer").contains("födelsedatum i framtiden"));
  }

  @Test
  void unknownPartyIsRefused() throws Exception {
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("party", "KOMMUNEN");

    JsonNode problem = assertRefused(body);

    assertThat(errors(problem)).containsExactly(
        "Remitterande part: \"KOMMUNEN\" är inte ett giltigt värde för remitterande part.");
  }

  @Test
  void unknownProjectIsRefused() throws Exception {
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("projectCode", "OKAND");

    JsonNode problem = assertRefused(body);

    assertThat(errors(problem)).containsExactly("Insatsen \"OKAND\" finns inte eller tar inte emot remisser.");
  }

  @Test
  void missingRequiredFieldsAreAllNamed() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("projectCode", "C2");
    body.put("firstName", "Testa");

    JsonNode problem = assertRefused(body);

    assertThat(errors(problem)).containsExactlyInAnyOrder(
        "Personnummer eller samordningsnummer: måste fyllas i.",
        "Efternamn: måste fyllas i.",
        "Kön: måste fyllas i.",
        "Remitterande part: måste fyllas i.",
        "Remittentens namn: måste fyllas i.",
        "Skäl till remissen: måste fyllas i.",
        "Försörjning: måste fyllas i.",
        "Tid i offentlig försörjning: måste fyllas i.",
        "Utbildningsnivå: måste fyllas i.",
        "Remissdatum: måste fyllas i.");
  }

  @Test
  void blankRequiredFieldIsRefused() throws Exception {
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("lastName", "   ");

    JsonNode problem = assertRefused(body);

    assertThat(errors(problem)).containsExactly("Efternamn: måste fyllas i.");
  }

  @Test
  void emptyObjectIsRefused() throws Exception {
    JsonNode problem = assertRefused(Map.of());

    assertThat(errors(problem)).contains("Insats: måste fyllas i.", "Efternamn: måste fyllas i.");
  }

  @Test
  void malformedJsonIsRefused() throws Exception {
    JsonNode problem = assertRefusedRaw("{\"projectCode\": \"C2\", \"identityNumber\": ");

    assertThat(problem.path("detail").asText()).contains("JSON");
    assertThat(errors(problem)).isNotEmpty();
  }

  @Test
  void jsonThatIsNotAnObjectIsRefused() throws Exception {
    JsonNode problem = assertRefusedRaw("[\"C2\", \"19640823-3234\"]");

    assertThat(problem.path("detail").asText()).contains("JSON-objekt");
  }

  @Test
  void numberWhereTextIsExpectedIsRefused() throws Exception {
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("lastName", 4711);
    body.put("identityNumber", 196408233234L);

    JsonNode problem = assertRefused(body);

    assertThat(errors(problem)).containsExactlyInAnyOrder(
        "Efternamn: ska vara text.", "Personnummer eller samordningsnummer: ska vara text.");
  }

  @Test
  void listWhereACodeIsExpectedIsRefused() throws Exception {
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("gender", List.of("WOMAN"));

    JsonNode problem = assertRefused(body);

    assertThat(errors(problem)).containsExactly("Kön: ska vara text.");
  }

  @Test
  void reasonOf5000CharactersIsRefused() throws Exception {
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("reason", "x".repeat(5000));

    JsonNode problem = assertRefused(body);

    assertThat(errors(problem)).containsExactly("Skäl till remissen: får vara högst 4000 tecken (nu 5000).");
  }

  @Test
  void referralDateInTheFutureOrUnreadableIsRefused() throws Exception {
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("referredOn", LocalDate.now(EngineClock.ZONE).plusDays(3).toString());
    assertThat(errors(assertRefused(body))).singleElement().asString()
        .startsWith("Remissdatum: kan inte ligga i framtiden");

    body.put("referredOn", "15/1 2026");
    assertThat(errors(assertRefused(body))).containsExactly("Remissdatum: ange ett datum som ÅÅÅÅ-MM-DD.");
  }

  @Test
  void malformedEmailIsRefused() throws Exception {
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("referrerEmail", "remi.af.example");

    JsonNode problem = assertRefused(body);

    assertThat(errors(problem)).containsExactly("Remittentens e-post: adressen ser inte ut som en e-postadress.");
  }

  // --- duplicates -----------------------------------------------------------------------------

  @Test
  void secondOpenCaseForThePersonInTheSameProjectIs409WithoutNamingTheCaseToTheReferrer() throws Exception {
    String number = TestPersons.newPersonnummer();
    String first = created(postReferral(referral(number)));
    Counts before = counts();

    // The same person, written without century and hyphen, and with another referrer.
    Map<String, Object> again = referral(number.substring(2).replace("-", ""));
    again.put("party", "SOC");
    HttpResponse<String> response = postReferral(again);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(contentType(response)).startsWith(PROBLEM_JSON);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.has("caseNumber")).isFalse();
    assertThat(response.body()).doesNotContain(first);
    assertThat(problem.path("detail").asText()).isEqualTo(DuplicateCaseException.MESSAGE);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void samePersonInAnotherProjectIsAccepted() throws Exception {
    String number = TestPersons.newPersonnummer();
    String first = created(postReferral(referral(number)));
    Counts before = counts();

    Map<String, Object> other = referral(number);
    other.put("projectCode", "SAMVERKAN");
    HttpResponse<String> response = postReferral(other);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String second = json.readTree(response.body()).path("caseNumber").asText();
    assertThat(second).matches("SAMVERKAN-2026-\\d{4}").isNotEqualTo(first);
    // One person, two cases.
    assertThat(counts()).isEqualTo(before.plus(1, 0, 1));
    assertThat(jdbc.queryForObject("select count(distinct participant_id) from case_file where case_number in (?, ?)",
        Long.class, first, second)).isEqualTo(1);
  }

  // --- idempotent retries ---------------------------------------------------------------------

  @Test
  void retryWithTheSameIdempotencyKeyReturnsTheFirstResult() throws Exception {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    HttpResponse<String> first = send(authorized(post(body)).header("Idempotency-Key", key).build());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode firstBody = json.readTree(first.body());
    Counts before = counts();

    HttpResponse<String> retry = send(authorized(post(body)).header("Idempotency-Key", key).build());

    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    JsonNode retryBody = json.readTree(retry.body());
    assertThat(retryBody.path("caseNumber").asText()).isEqualTo(firstBody.path("caseNumber").asText());
    assertThat(retryBody.path("caseId").asLong()).isEqualTo(firstBody.path("caseId").asLong());
    assertThat(retryBody.path("processInstanceId").asText()).isEqualTo(firstBody.path("processInstanceId").asText());
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIsRefusedAndStoresNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = postWithKey(referral(TestPersons.newPersonnummer()), key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    Counts before = counts();

    HttpResponse<String> other = postWithKey(referral(TestPersons.newPersonnummer()), key);

    assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
    assertThat(contentType(other)).startsWith(PROBLEM_JSON);
    JsonNode problem = json.readTree(other.body());
    assertThat(problem.path("title").asText()).isEqualTo("Nyckeln används redan");
    assertThat(problem.path("detail").asText()).startsWith("Idempotency-Key har redan använts för en annan remiss.");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void concurrentRequestsWithTheSameIdempotencyKeyOpenOneCase() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = json.writeValueAsString(referral(TestPersons.newPersonnummer()));
    Counts before = counts();
    List<HttpResponse<String>> answers = AtOnce.times(4,
        () -> send(authorized(post(body)).header("Idempotency-Key", key).build()));

    List<String> caseNumbers = new ArrayList<>();
    for (HttpResponse<String> response : answers) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      caseNumbers.add(json.readTree(response.body()).path("caseNumber").asText());
    }
    assertThat(caseNumbers).as("every retry answers with the first case").containsOnly(caseNumbers.get(0));
    assertThat(counts()).isEqualTo(before.plus(1, 1, 1));
  }

  @Test
  void idempotencyKeyIsForgottenAfterTheRetentionPeriod() throws Exception {
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = postWithKey(referral(TestPersons.newPersonnummer()), key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    jdbc.update("update idempotent_request set created_at = created_at - interval '8' day where idempotency_key = ?", key);

    HttpResponse<String> later = postWithKey(referral(TestPersons.newPersonnummer()), key);

    assertThat(later.statusCode()).as("a key older than 7 days names a new request: " + later.body()).isEqualTo(201);
    assertThat(json.readTree(later.body()).path("caseNumber").asText())
        .isNotEqualTo(json.readTree(first.body()).path("caseNumber").asText());
  }

  @Test
  void refusedRequestDoesNotUseUpItsIdempotencyKey() throws Exception {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = referral(TestPersons.newPersonnummer());
    body.put("reason", "");
    HttpResponse<String> refused = send(authorized(post(body)).header("Idempotency-Key", key).build());
    assertThat(refused.statusCode()).isEqualTo(400);

    body.put("reason", "Behöver samordnat stöd");
    HttpResponse<String> corrected = send(authorized(post(body)).header("Idempotency-Key", key).build());

    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
  }

  @Test
  void blankIdempotencyKeyIsRefused() throws Exception {
    Counts before = counts();

    HttpResponse<String> response = send(authorized(post(referral(TestPersons.newPersonnummer())))
        .header("Idempotency-Key", " ").build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(contentType(response)).startsWith(PROBLEM_JSON);
    assertThat(errors(json.readTree(response.body()))).singleElement().asString().startsWith("Idempotency-Key");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void overlongIdempotencyKeyIsRefusedAsBadRequest() throws Exception {
    Counts before = counts();

    HttpResponse<String> response = send(authorized(post(referral(TestPersons.newPersonnummer())))
        .header("Idempotency-Key", "k".repeat(101)).build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(contentType(response)).startsWith(PROBLEM_JSON);
    assertThat(errors(json.readTree(response.body()))).singleElement().asString().startsWith("Idempotency-Key");
    assertThat(counts()).isEqualTo(before);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** A complete, valid referral; tests change single fields. */
  static Map<String, Object> referral(String identityNumber) {
    Map<String, Object> form = new HashMap<>();
    form.put("projectCode", "C2");
    form.put("identityNumber", identityNumber);
    form.put("firstName", "Testa");
    form.put("lastName", "Testsson");
    form.put("gender", "WOMAN");
    form.put("phone", "070-123 45 67");
    form.put("email", "testa@example.se");
    form.put("party", "AF");
    form.put("referrerName", "Remi Ttent");
    form.put("referrerEmail", "remi@af.example");
    form.put("reason", "Behöver samordnat stöd");
    form.put("incomeSource", "SOCIAL_ASSISTANCE");
    form.put("timeInSupport", "Y3");
    form.put("educationLevel", "UPPER_SECONDARY");
    form.put("referredOn", REFERRED_ON.toString());
    return form;
  }

  /** Posts the body as an authenticated user and expects a 400 problem with nothing stored. */
  private JsonNode assertRefused(Map<String, ?> body) throws Exception {
    return assertRefusedRaw(json.writeValueAsString(body));
  }

  private JsonNode assertRefusedRaw(String body) throws Exception {
    Counts before = counts();

    HttpResponse<String> response = send(authorized(post(body)).build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(contentType(response)).startsWith(PROBLEM_JSON);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(problem.path("errors").isArray()).as("errors list in " + response.body()).isTrue();
    assertThat(counts()).isEqualTo(before);
    return problem;
  }

  static List<String> errors(JsonNode problem) {
    List<String> errors = new ArrayList<>();
    problem.path("errors").forEach(e -> errors.add(e.asText()));
    return errors;
  }

  private String created(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).path("caseNumber").asText();
  }

  HttpResponse<String> postReferral(Map<String, ?> body) throws Exception {
    return send(authorized(post(body)).build());
  }

  HttpResponse<String> postWithKey(Map<String, ?> body, String idempotencyKey) throws Exception {
    return send(authorized(post(body)).header("Idempotency-Key", idempotencyKey).build());
  }

  HttpRequest.Builder post(Map<String, ?> body) throws IOException {
    return post(json.writeValueAsString(body));
  }

  HttpRequest.Builder post(String body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  static HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request.header("Authorization", basic(USER, PASSWORD));
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** What a registration writes, in the application's tables and in the engine (counters: numbers issued). */
  record Counts(long cases, long participants, long referrals, long deadlines, long counters,
      long processInstances, long historicProcessInstances) {

    Counts plus(int cases, int participants, int referrals) {
      return new Counts(this.cases + cases, this.participants + participants, this.referrals + referrals,
          deadlines + cases, counters + cases, processInstances + cases, historicProcessInstances + cases);
    }
  }

  Counts counts() {
    return new Counts(count("case_file"), count("participant"), count("referral"), count("deadline"),
        jdbc.queryForObject("select coalesce(sum(last_value), 0) from case_number_counter", Long.class),
        runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count());
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
