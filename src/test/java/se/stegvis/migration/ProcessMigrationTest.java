package se.stegvis.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import se.stegvis.casefile.CaseFile;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;
import se.stegvis.support.DatabaseSnapshot;
import se.stegvis.time.EngineClock;

/**
 * An administrator moves running cases to a new version of the case process over the API: the
 * dry run, the migration, the new deadlines from the migration on (task, timer and deadline row),
 * refusal when a case waits at a step the new version removed, and who may do it.
 *
 * <p>The tests deploy changed copies of {@code processes/participant-case.bpmn} (with all forms,
 * as one deployment, like Modeler with its forms attached), so this class has a Spring context and
 * database of its own and closes it afterwards. Each test first deploys its own copy of the
 * current model, starts its cases on that version and migrates from it, so the tests do not
 * depend on each other's versions or order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "stegvis.test.context=process-migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@DisplayName("Migrering: pågående ärenden till en ny processversion")
@AlsoOnPostgres
class ProcessMigrationTest extends CaseProcessTest {

  static final String MODEL = "processes/participant-case.bpmn";
  static final String PLAN_PERIOD = "endOfDay(startDate, 'P14D')}";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "demo";
  static final String API_COACH = "mikael";
  static final String API_COACH_PASSWORD = "Coach-2026-hemligt";
  static final String PATH = "/api/admin/migrations";
  static final LocalTime BEFORE_MIDNIGHT = LocalTime.of(23, 0);
  static final LocalTime JUST_AFTER_MIDNIGHT = LocalTime.of(0, 0, 1);

  @Autowired TestRestTemplate http;
  final ObjectMapper json = new ObjectMapper();

  @Test
  @DisplayName("kortare tidsfrist för handlingsplanen: gamla ärenden behåller 14 dagar tills de migreras, sedan 10 dagar med timer och deadline-rad; dag 10 kl 23 inte eskalerat, dag 11 eskalerat")
  void aShorterPlanDeadlineAppliesToMigratedCasesFromTheMigrationOn() {
    LocalDate started = LocalDate.of(2026, 9, 14);
    int before = deploy(model());
    CaseFile first = activeCase(started);
    CaseFile second = activeCase(started.plusDays(1));
    assertPlanDeadline(first, started.plusDays(14));
    assertPlanDeadline(second, started.plusDays(15));
    Date meetingDue = task(first, "holdMeeting").getDueDate();
    Date proposalDue = task(first, "documentProposal").getDueDate();

    clockAt(started.plusDays(2), MORNING);
    int after = deploy(withPlanPeriod(model(), "P10D"));
    CaseFile fresh = activeCase(started.plusDays(2));
    assertThat(version(fresh)).as("a new case takes the newest version").isEqualTo(after);
    assertPlanDeadline(fresh, started.plusDays(12));
    assertThat(version(first)).isEqualTo(before);
    assertPlanDeadline(first, started.plusDays(14));

    clockAt(started.plusDays(3), MORNING);
    ResponseEntity<String> dryRun = post(ADMIN, ADMIN_PASSWORD, PATH + "/plan", request(before, after, null));
    assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode plan = read(dryRun);
    assertThat(plan.path("dryRun").asBoolean()).isTrue();
    assertThat(plan.path("canMigrate").asBoolean()).isTrue();
    assertThat(plan.path("source").path("version").asInt()).isEqualTo(before);
    assertThat(plan.path("target").path("version").asInt()).isEqualTo(after);
    assertThat(plan.path("runningCases").asInt()).isEqualTo(2);
    assertThat(plan.path("movableCases").asInt()).isEqualTo(2);
    assertThat(plan.path("migrated").asInt()).isZero();
    assertThat(plan.path("problems")).isEmpty();
    assertThat(texts(plan.path("cases"), "caseNumber")).containsExactly(first.getCaseNumber(), second.getCaseNumber());
    JsonNode planMove = activity(plan, "makeActionPlan");
    assertThat(planMove.path("cases").asInt()).isEqualTo(2);
    assertThat(planMove.path("targetActivityId").asText()).isEqualTo("makeActionPlan");
    assertThat(planMove.path("sourceActivityName").asText()).isEqualTo("Upprätta handlingsplan");
    JsonNode change = single(caseIn(plan, first).path("deadlines"));
    assertThat(change.path("activityId").asText()).isEqualTo("makeActionPlan");
    assertThat(swedish(change.path("dueBefore"))).isEqualTo(endOf(started.plusDays(14)));
    assertThat(swedish(change.path("dueAfter"))).isEqualTo(endOf(started.plusDays(10)));
    assertThat(change.path("stateBefore").asText()).isEqualTo("OPEN");
    assertThat(change.path("stateAfter").asText()).isEqualTo("OPEN");
    assertThat(version(first)).as("the dry run changes nothing").isEqualTo(before);
    assertPlanDeadline(first, started.plusDays(14));
    assertPlanDeadline(second, started.plusDays(15));

    long logged = migrationsLogged();
    ResponseEntity<String> migration = post(ADMIN, ADMIN_PASSWORD, PATH, request(before, after, true));
    assertThat(migration.getStatusCode()).as(migration.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode done = read(migration);
    assertThat(done.path("dryRun").asBoolean()).isFalse();
    assertThat(done.path("migrated").asInt()).isEqualTo(2);
    assertThat(version(first)).isEqualTo(after);
    assertThat(version(second)).isEqualTo(after);
    // The timer expression is evaluated again, against each case's own start date.
    assertPlanDeadline(first, started.plusDays(10));
    assertPlanDeadline(second, started.plusDays(11));
    assertThat(swedish(task(first, "makeActionPlan").getFollowUpDate()))
        .as("the reminder goes with the new due date: three calendar days before it, not after it")
        .isEqualTo(started.plusDays(7).atStartOfDay());
    assertThat(deadline(first, "PLAN", 1).getState()).isEqualTo(DeadlineState.OPEN);
    assertThat(task(first, "holdMeeting").getDueDate()).isEqualTo(meetingDue);
    assertThat(timer(first, "meetingOverdue").getDuedate()).isEqualTo(meetingDue);
    assertThat(task(first, "documentProposal").getDueDate()).isEqualTo(proposalDue);
    assertThat(timer(first, "proposalOverdue").getDuedate()).isEqualTo(proposalDue);
    assertThat(migrationsLogged()).as("the engine's operation log names the administrator").isGreaterThan(logged);

    clockAt(started.plusDays(10), BEFORE_MIDNIGHT);
    assertThat(fireDueTimers(first)).isZero();
    assertThat(deadline(first, "PLAN", 1).getState()).isEqualTo(DeadlineState.OPEN);
    clockAt(started.plusDays(11), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(first)).isEqualTo(1);
    assertThat(instance(first)).hasPassed("planOverdue", "escalatePlan", "planEscalated").isWaitingAt("makeActionPlan");
    assertThat(deadline(first, "PLAN", 1).status()).isEqualTo("OVERDUE");
    assertThat(task(first, "makeActionPlan").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    assertThat(fireDueTimers(second)).as("the second case started a day later").isZero();
    assertThat(deadline(second, "PLAN", 1).getState()).isEqualTo(DeadlineState.OPEN);
  }

  @Test
  @DisplayName("längre tidsfrist: en missad plan blir öppen igen med ny timer och normal prioritet; en som fortfarande är passerad förblir missad utan ny eskalering")
  void aLongerDeadlineReopensAMissedOneAndKeepsOneThatIsStillPast() {
    LocalDate started = LocalDate.of(2026, 10, 5);
    int before = deploy(model());
    CaseFile late = activeCase(started);
    CaseFile later = activeCase(started.minusDays(10));
    clockAt(started.plusDays(5), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(later)).isEqualTo(1);
    var laterEscalatedAt = deadline(later, "PLAN", 1).getEscalatedAt();
    clockAt(started.plusDays(15), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(late)).isEqualTo(1);
    assertThat(deadline(late, "PLAN", 1).status()).isEqualTo("OVERDUE");
    assertThat(task(late, "makeActionPlan").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    assertThat(timerOrNull(late, "planOverdue")).as("a fired deadline timer is gone").isNull();

    clockAt(started.plusDays(16), MORNING);
    int after = deploy(withPlanPeriod(model(), "P21D"));
    JsonNode plan = read(post(ADMIN, ADMIN_PASSWORD, PATH + "/plan", request(before, after, null)));
    JsonNode reopened = single(caseIn(plan, late).path("deadlines"));
    assertThat(reopened.path("stateBefore").asText()).isEqualTo("OVERDUE");
    assertThat(reopened.path("stateAfter").asText()).isEqualTo("OPEN");
    assertThat(deadline(late, "PLAN", 1).status()).as("dry run").isEqualTo("OVERDUE");

    ResponseEntity<String> migration = post(ADMIN, ADMIN_PASSWORD, PATH, request(before, after, true));
    assertThat(migration.getStatusCode()).as(migration.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(read(migration).path("migrated").asInt()).isEqualTo(2);

    assertPlanDeadline(late, started.plusDays(21));
    assertThat(deadline(late, "PLAN", 1).getState()).isEqualTo(DeadlineState.OPEN);
    assertThat(deadline(late, "PLAN", 1).getEscalatedAt()).isNull();
    assertThat(task(late, "makeActionPlan").getPriority()).isEqualTo(Task.PRIORITY_NORMAL);

    LocalDate laterDue = started.minusDays(10).plusDays(21);
    assertThat(swedish(task(later, "makeActionPlan").getDueDate())).isEqualTo(endOf(laterDue));
    assertThat(swedish(Date.from(deadline(later, "PLAN", 1).getDueAt()))).isEqualTo(endOf(laterDue));
    assertThat(deadline(later, "PLAN", 1).status()).isEqualTo("OVERDUE");
    assertThat(deadline(later, "PLAN", 1).getEscalatedAt()).isEqualTo(laterEscalatedAt);
    assertThat(task(later, "makeActionPlan").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    assertThat(timerOrNull(later, "planOverdue")).as("no second escalation of a deadline still missed").isNull();
    assertThat(fireDueTimers(later)).isZero();

    clockAt(started.plusDays(21), BEFORE_MIDNIGHT);
    assertThat(fireDueTimers(late)).isZero();
    clockAt(started.plusDays(22), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(late)).isEqualTo(1);
    assertThat(deadline(late, "PLAN", 1).status()).isEqualTo("OVERDUE");
    assertThat(task(late, "makeActionPlan").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
  }

  @Test
  @DisplayName("ett ärende vid en uppgift som den nya versionen tagit bort: provkörningen visar det, migreringen nekas med svensk rapport och inget flyttas")
  void aCaseAtARemovedTaskStopsTheMigrationAndNothingMoves() {
    LocalDate referred = LocalDate.of(2026, 11, 2);
    int before = deploy(model());
    CaseFile waiting = referOn(referred);
    completeOn(referred.plusDays(3), waiting, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(3)));
    assertThat(instance(waiting)).isWaitingAtExactly("startParticipation");
    CaseFile active = activeCase(referred.plusDays(5));
    int after = deploy(withRenamedStartParticipation(model()));
    clockAt(referred.plusDays(6), MORNING);
    List<DatabaseSnapshot> snapshot = engineState(waiting, active);
    long logged = migrationsLogged();

    JsonNode plan = read(post(ADMIN, ADMIN_PASSWORD, PATH + "/plan", request(before, after, null)));
    String reason = "Uppgiften \"Församtal, kartläggning och avtal\" (startParticipation) finns inte i version "
        + after + ".";
    assertThat(plan.path("canMigrate").asBoolean()).isFalse();
    assertThat(plan.path("runningCases").asInt()).isEqualTo(2);
    assertThat(plan.path("movableCases").asInt()).isEqualTo(1);
    JsonNode blocked = single(plan.path("blockedCases"));
    assertThat(blocked.path("caseNumber").asText()).isEqualTo(waiting.getCaseNumber());
    assertThat(texts(blocked.path("reasons"))).containsExactly(reason);
    assertThat(texts(plan.path("cases"), "caseNumber")).containsExactly(active.getCaseNumber());
    assertThat(texts(plan.path("problems"))).containsExactly(waiting.getCaseNumber() + ": " + reason);
    JsonNode removed = activity(plan, "startParticipation");
    assertThat(removed.path("cases").asInt()).isEqualTo(1);
    assertThat(removed.path("targetActivityId").isNull()).isTrue();
    assertThat(engineState(waiting, active)).as("the dry run changes nothing").isEqualTo(snapshot);

    ResponseEntity<String> refused = post(ADMIN, ADMIN_PASSWORD, PATH, request(before, after, true));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    JsonNode problem = read(refused);
    assertThat(problem.path("title").asText()).isEqualTo("Migreringen gjordes inte");
    assertThat(problem.path("detail").asText()).isEqualTo("1 av 2 pågående ärenden i version " + before
        + " kan inte flyttas till version " + after + ". Inget ärende har flyttats.");
    assertThat(texts(problem.path("errors"))).containsExactly(waiting.getCaseNumber() + ": " + reason);
    assertThat(problem.path("report").path("migrated").asInt()).isZero();
    assertThat(problem.path("report").path("blockedCases").get(0).path("caseNumber").asText())
        .isEqualTo(waiting.getCaseNumber());

    assertThat(engineState(waiting, active)).as("nothing moved").isEqualTo(snapshot);
    assertThat(version(waiting)).isEqualTo(before);
    assertThat(version(active)).isEqualTo(before);
    assertThat(migrationsLogged()).isEqualTo(logged);
  }

  @Test
  @DisplayName("behörighet: anonym 401, coach 403 med svensk problembeskrivning, administratör 200; felaktiga begäranden 400 och 404")
  void onlyAdministratorsMayMigrate() {
    ensureProjectAndStaff();
    if (identityService.createUserQuery().userId(API_COACH).count() == 0) {
      var coach = identityService.newUser(API_COACH);
      coach.setPassword(API_COACH_PASSWORD);
      identityService.saveUser(coach);
      identityService.createMembership(API_COACH, Groups.COACHES);
    }
    int before = deploy(model());
    int after = deploy(model());
    Map<String, Object> dryRun = request(before, after, null);

    assertThat(http.postForEntity(PATH + "/plan", json(dryRun), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.postForEntity(PATH, json(request(before, after, true)), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    for (var call : List.of(Map.entry(PATH + "/plan", json(dryRun)), Map.entry(PATH, json(request(before, after, true))),
        Map.entry(PATH + "/plan", json("{ inte json")))) {
      ResponseEntity<String> forbidden = http.withBasicAuth(API_COACH, API_COACH_PASSWORD)
          .postForEntity(call.getKey(), call.getValue(), String.class);
      assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(forbidden.getHeaders().getContentType()).hasToString("application/problem+json");
      JsonNode problem = read(forbidden);
      assertThat(problem.path("status").asInt()).isEqualTo(403);
      assertThat(problem.path("title").asText()).isEqualTo("Behörighet saknas");
      assertThat(problem.path("detail").asText()).isEqualTo(
          "Bara administratörer (gruppen camunda-admin) får flytta pågående ärenden till en annan processversion.");
    }

    ResponseEntity<String> allowed = post(ADMIN, ADMIN_PASSWORD, PATH + "/plan", dryRun);
    assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read(allowed).path("runningCases").asInt()).isZero();
    assertThat(read(allowed).path("canMigrate").asBoolean()).isTrue();

    ResponseEntity<String> unconfirmed = post(ADMIN, ADMIN_PASSWORD, PATH, request(before, after, false));
    assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(unconfirmed).path("detail").asText()).startsWith("Bekräfta migreringen med \"confirm\": true.");
    assertThat(read(unconfirmed).path("errors")).hasSize(1);

    ResponseEntity<String> unknown = post(ADMIN, ADMIN_PASSWORD, PATH + "/plan", request(before, 9999, null));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(read(unknown).path("detail").asText()).isEqualTo("Processen \"participant-case\" har ingen version 9999.");

    ResponseEntity<String> same = post(ADMIN, ADMIN_PASSWORD, PATH + "/plan", request(after, after, null));
    assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(same).path("detail").asText()).startsWith("Källversion och målversion är samma");

    Map<String, Object> latest = request(before, null, true);
    ResponseEntity<String> nothingToMove = post(ADMIN, ADMIN_PASSWORD, PATH, latest);
    assertThat(nothingToMove.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read(nothingToMove).path("target").path("version").asInt()).as("target defaults to the newest")
        .isEqualTo(latestVersion());
    assertThat(read(nothingToMove).path("migrated").asInt()).isZero();
  }

  @Test
  @DisplayName("motorns beteende bakom valen: utan updateEventTriggers behåller timern sitt gamla datum, med den räknas uttrycket om på plats, och en redan utlöst tidsfrist återskapas inte")
  void whatCamundaDoesWithDeadlineTimersOnMigration() {
    LocalDate started = LocalDate.of(2026, 12, 7);
    int before = deploy(model());
    CaseFile plain = activeCase(started);
    CaseFile updated = activeCase(started);
    CaseFile fired = activeCase(started.minusDays(20));
    clockAt(started, JUST_AFTER_MIDNIGHT.plusHours(12));
    assertThat(fireDueTimers(fired)).isEqualTo(1);
    int after = deploy(withPlanPeriod(model(), "P10D"));
    String source = instance(plain).getProcessDefinitionId();
    String target = repositoryService.createProcessDefinitionQuery().processDefinitionKey("participant-case")
        .processDefinitionVersion(after).singleResult().getId();
    assertThat(repositoryService.getProcessDefinition(source).getVersion()).isEqualTo(before);
    Job plainTimer = timer(plain, "planOverdue");
    Job updatedTimer = timer(updated, "planOverdue");

    runtimeService.newMigration(runtimeService.createMigrationPlan(source, target).mapEqualActivities().build())
        .processInstanceIds(plain.getProcessInstanceId()).execute();
    var withTriggers = runtimeService.createMigrationPlan(source, target).mapEqualActivities().updateEventTriggers().build();
    runtimeService.newMigration(withTriggers).processInstanceIds(updated.getProcessInstanceId(), fired.getProcessInstanceId())
        .execute();

    assertThat(timer(plain, "planOverdue").getDuedate()).as("without updateEventTriggers: the old date")
        .isEqualTo(plainTimer.getDuedate());
    Job reevaluated = timer(updated, "planOverdue");
    assertThat(reevaluated.getId()).as("the same job, updated in place").isEqualTo(updatedTimer.getId());
    assertThat(swedish(reevaluated.getDuedate())).as("the new expression against the case's startDate")
        .isEqualTo(endOf(started.plusDays(10)));
    assertThat(swedish(task(updated, "makeActionPlan").getDueDate())).as("the engine leaves the task's due date")
        .isEqualTo(endOf(started.plusDays(14)));
    assertThat(timerOrNull(fired, "planOverdue")).as("a non-interrupting timer that fired is not created again")
        .isNull();
  }

  // ---- Models ----

  /** The case process as in processes/ (from the classpath). */
  String model() {
    return read(new PathMatchingResourcePatternResolver().getResource("classpath:" + MODEL));
  }

  /** The plan deadline, in both the task's due date and its timer, with another period. */
  static String withPlanPeriod(String model, String period) {
    assertThat(occurrences(model, PLAN_PERIOD)).as("the plan deadline in due date and timer").isEqualTo(2);
    return model.replace(PLAN_PERIOD, "endOfDay(startDate, '" + period + "')}");
  }

  /** "Församtal, kartläggning och avtal" under a new id: to the engine the old task is gone. */
  static String withRenamedStartParticipation(String model) {
    String renamed = model.replace("\"startParticipation\"", "\"meetMapAndAgree\"")
        .replace(">startParticipation<", ">meetMapAndAgree<");
    assertThat(renamed).doesNotContain("\"startParticipation\"");
    return renamed;
  }

  /** Deploys the model with every form, as one new deployment; returns the model's new version. */
  int deploy(String model) {
    var deployment = repositoryService.createDeployment().name("migration-test")
        .addString(MODEL, model);
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        deployment.addString("forms/" + form.getFilename(), read(form));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var definitions = deployment.deployWithResult().getDeployedProcessDefinitions();
    assertThat(definitions).hasSize(1);
    return definitions.get(0).getVersion();
  }

  int latestVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("participant-case").latestVersion()
        .singleResult().getVersion();
  }

  int version(CaseFile caseFile) {
    return repositoryService.getProcessDefinition(instance(caseFile).getProcessDefinitionId()).getVersion();
  }

  private static String read(Resource resource) {
    try (var in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  // ---- Deadlines and engine state ----

  /** The plan's task due date, its timer and its deadline row all at the end of the day. */
  void assertPlanDeadline(CaseFile caseFile, LocalDate day) {
    assertThat(swedish(task(caseFile, "makeActionPlan").getDueDate())).as("plan task due").isEqualTo(endOf(day));
    assertThat(swedish(timer(caseFile, "planOverdue").getDuedate())).as("plan timer").isEqualTo(endOf(day));
    assertThat(swedish(Date.from(deadline(caseFile, "PLAN", 1).getDueAt()))).as("plan deadline row")
        .isEqualTo(endOf(day));
  }

  Job timer(CaseFile caseFile, String activityId) {
    Job job = timerOrNull(caseFile, activityId);
    assertThat(job).as("timer %s", activityId).isNotNull();
    return job;
  }

  Job timerOrNull(CaseFile caseFile, String activityId) {
    return managementService.createJobQuery().processInstanceId(caseFile.getProcessInstanceId()).timers()
        .activityId(activityId).singleResult();
  }

  /** Migrations in the engine's user operation log by the administrator. */
  long migrationsLogged() {
    return historyService.createUserOperationLogQuery().operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
        .userId(ADMIN).count();
  }

  /** Case rows and engine rows (the process version of each execution, step and timer) of each case. */
  List<DatabaseSnapshot> engineState(CaseFile... caseFiles) {
    return java.util.Arrays.stream(caseFiles).map(caseFile -> DatabaseSnapshot.ofCase(jdbc, caseFile)).toList();
  }

  // ---- HTTP ----

  static Map<String, Object> request(int sourceVersion, Integer targetVersion, Boolean confirm) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("processKey", "participant-case");
    request.put("sourceVersion", sourceVersion);
    if (targetVersion != null) {
      request.put("targetVersion", targetVersion);
    }
    if (confirm != null) {
      request.put("confirm", confirm);
    }
    return request;
  }

  ResponseEntity<String> post(String user, String password, String path, Map<String, Object> body) {
    return http.withBasicAuth(user, password).postForEntity(path, json(body), String.class);
  }

  HttpEntity<String> json(Object body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return new HttpEntity<>(body instanceof String text ? text : json.writeValueAsString(body), headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode read(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode activity(JsonNode report, String activityId) {
    return StreamSupport.stream(report.path("activities").spliterator(), false)
        .filter(a -> activityId.equals(a.path("sourceActivityId").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no activity " + activityId + " in " + report));
  }

  static JsonNode caseIn(JsonNode report, CaseFile caseFile) {
    return StreamSupport.stream(report.path("cases").spliterator(), false)
        .filter(c -> caseFile.getCaseNumber().equals(c.path("caseNumber").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no case " + caseFile.getCaseNumber() + " in " + report));
  }

  static JsonNode single(JsonNode array) {
    assertThat(array.isArray() && array.size() == 1).as("one element in %s", array).isTrue();
    return array.get(0);
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }

  static LocalDateTime swedish(JsonNode dateTime) {
    return ZonedDateTime.ofInstant(OffsetDateTime.parse(dateTime.asText()).toInstant(), EngineClock.ZONE)
        .toLocalDateTime();
  }
}
