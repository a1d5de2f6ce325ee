package se.stegvis.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.stegvis.casefile.CaseFile;
import se.stegvis.consent.ConsentRepository;
import se.stegvis.identity.Groups;
import se.stegvis.placement.PlacementRepository;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;
import se.stegvis.support.DatabaseSnapshot;

/**
 * Every door of the application's API, generated: each handler mapping Spring knows must have its
 * row in {@link ApiEndpoints}, and each row is called as every role on a case of each relation
 * (referred, active and own/team/project, active with a placement), asserting the
 * {@link AccessMatrix}'s answer: 404 for a case the user may not read, 403 for an action the user
 * may not do, 200 for a permitted read and 400 for a permitted write with an empty body (so nothing
 * is written). The relations are written out here by hand, so the test does not trust
 * {@code CaseAccess} to compute them.
 */
@DisplayName("Behörighetsmatrisen gäller i varje dörr: varje API-adress, varje roll, varje relation till ärendet")
@AlsoOnPostgres
class AccessDoorsTest extends ApiTest {

  static final String TEAMMATE = "tea";
  static final String TEAM = "teamnord";

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired ConsentRepository consents;
  @Autowired PlacementRepository placements;
  @Autowired se.stegvis.security.RoleAuthorizations roleAuthorizations;
  @Autowired org.camunda.bpm.engine.FilterService filterService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired org.camunda.bpm.engine.ExternalTaskService externalTaskService;

  /** The demo roles, each a user, with the roles of their groups. */
  static final Map<String, Set<Role>> USERS = new LinkedHashMap<>();

  static {
    USERS.put(COACH, EnumSet.of(Role.COACH));
    USERS.put(TEAMMATE, EnumSet.of(Role.COACH));
    USERS.put(OTHER_COACH, EnumSet.of(Role.COACH));
    USERS.put(WORKING_GROUP_MEMBER, EnumSet.of(Role.WORKING_GROUP));
    USERS.put(COORDINATOR, EnumSet.of(Role.PLACEMENT_COORDINATOR));
    USERS.put(REFERRER, EnumSet.of(Role.REFERRER));
    USERS.put(MANAGER, EnumSet.of(Role.MANAGER));
    USERS.put(OTHER_MANAGER, EnumSet.of(Role.MANAGER));
    USERS.put(ADMIN, EnumSet.of(Role.ADMINISTRATOR));
  }

  enum Kind { REFERRED, ACTIVE, WITH_PLACEMENT }

  /** Each user's relations to a case of each kind (coached by COACH, in project C2 managed by MANAGER). */
  static Set<Relation> relations(String user, Kind kind) {
    return switch (user) {
      case COACH -> EnumSet.of(kind == Kind.REFERRED ? Relation.NONE : Relation.OWN_CASE);
      case TEAMMATE -> EnumSet.of(kind == Kind.REFERRED ? Relation.NONE : Relation.SAME_TEAM);
      case WORKING_GROUP_MEMBER -> EnumSet.of(kind == Kind.REFERRED ? Relation.AWAITING_MY_DECISION
          : Relation.DECIDED_BY_MY_GROUP);
      case COORDINATOR -> EnumSet.of(kind == Kind.WITH_PLACEMENT ? Relation.PLACEMENT : Relation.NONE);
      case MANAGER -> EnumSet.of(Relation.MY_PROJECT);
      default -> EnumSet.of(Relation.NONE);
    };
  }

  @BeforeEach
  void aTeam() {
    var user = identityService.createUserQuery().userId(TEAMMATE).singleResult();
    if (user == null) {
      user = identityService.newUser(TEAMMATE);
    }
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    if (identityService.createGroupQuery().groupId(TEAM).count() == 0) {
      var team = identityService.newGroup(TEAM);
      team.setType(Groups.TEAM_TYPE);
      identityService.saveGroup(team);
    }
    for (String[] membership : new String[][] {{TEAMMATE, Groups.COACHES}, {TEAMMATE, TEAM}, {COACH, TEAM}}) {
      if (identityService.createUserQuery().userId(membership[0]).memberOfGroup(membership[1]).count() == 0) {
        identityService.createMembership(membership[0], membership[1]);
      }
    }
  }

  @Test
  @DisplayName("varje API-adress har sin rad i behörighetsmatrisen (ApiEndpoints)")
  void everyApiMappingIsDeclared() {
    Set<String> undeclared = new TreeSet<>();
    Set<String> mapped = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(pattern -> pattern.startsWith("/api/")).forEach(pattern -> info.getMethodsCondition().getMethods()
            .forEach(method -> {
              mapped.add(method.name() + " " + pattern);
              if (ApiEndpoints.find(method.name(), pattern).isEmpty()) {
                undeclared.add(method.name() + " " + pattern);
              }
            })));
    assertThat(undeclared).as("add a row to ApiEndpoints for each (docs/security.md)").isEmpty();
    assertThat(ApiEndpoints.ALL).extracting(ApiEndpoints.Endpoint::key).as("rows without a mapping")
        .allMatch(mapped::contains);
  }

  @Test
  @DisplayName("varje API-adress som varje roll på ärenden av varje slag: matrisens svar")
  void everyRowAsEveryRoleOnEveryRelation() throws Exception {
    clockAt(LocalDate.now(), MORNING);
    Map<Kind, CaseFile> cases = new LinkedHashMap<>();
    cases.put(Kind.REFERRED, referOn(LocalDate.now().minusDays(2)));
    cases.put(Kind.ACTIVE, activeCase(LocalDate.now().minusDays(5)));
    CaseFile withPlacement = activeCase(LocalDate.now().minusDays(5));
    clockAt(LocalDate.now(), MORNING);
    ok(send("POST", "/api/cases/" + withPlacement.getCaseNumber() + "/placements",
        Map.of("sectorWish", "CARE"), COACH));
    cases.put(Kind.WITH_PLACEMENT, withPlacement);
    for (CaseFile c : cases.values()) {
      recordItems(c);
    }
    Long placementId = placements.findAll().stream().filter(p -> p.getCaseId().equals(withPlacement.getId()))
        .findFirst().orElseThrow().getId();

    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (var endpoint : ApiEndpoints.ALL) {
      Action action = endpoint.action();
      boolean write = !endpoint.method().equals("GET");
      for (var user : USERS.entrySet()) {
        Set<Role> roles = user.getValue();
        if (endpoint.pattern().contains("{caseNumber}") && action.perCase()) {
          for (var c : cases.entrySet()) {
            String path = endpoint.pattern().replace("{caseNumber}", c.getValue().getCaseNumber());
            if (path.contains("{id}")) {
              Long id = itemOf(endpoint.pattern(), c.getValue());
              if (id == null) {
                continue;
              }
              path = path.replace("{id}", id.toString());
            }
            path = fillUnknownVariables(path);
            Set<Relation> relations = relations(user.getKey(), c.getKey());
            boolean may = AccessMatrix.allows(withManager(roles, relations), action, relations, false);
            // The case is hidden unless the user may read it or do this very action with it (decision history).
            boolean reads = may || AccessMatrix.allows(withManager(roles, relations), Action.READ_CASE, relations, false);
            int expected = !reads ? 404 : !may ? 403 : write ? 400 : 200;
            int status = call(endpoint.method(), path, write, user.getKey());
            calls++;
            // A write that passes the gate meets the handler with an empty body: refused as bad input
            // (400), or answered by what the handler does with it (405 for a signed entry, 204 for a
            // discarded draft): anything but the gate's 403/404 or an error.
            boolean right = expected == 400 ? status != 403 && status != 404 && status < 500 : status == expected;
            if (!right) {
              wrong.add(endpoint.key() + " as " + user.getKey() + " on " + c.getKey() + ": " + status + ", matrix says "
                  + expected);
            }
          }
        } else if (action.perCase()) {
          // The case is found from a task or placement: the handler asks the matrix for that case.
          Kind kind = endpoint.pattern().contains("{taskId}") ? Kind.ACTIVE : Kind.WITH_PLACEMENT;
          CaseFile c = cases.get(kind);
          String path = endpoint.pattern()
              .replace("{taskId}", taskService.createTaskQuery().processInstanceId(c.getProcessInstanceId()).list()
                  .get(0).getId())
              .replace("{id}", placementId.toString());
          path = fillUnknownVariables(path);
          Set<Relation> relations = relations(user.getKey(), kind);
          boolean may = AccessMatrix.allows(withManager(roles, relations), action, relations, false);
          int expected = !AccessMatrix.allowsAny(roles, action) ? 403 : may ? 200 : 404;
          int status = send(endpoint.method(), path, write ? Map.of() : null, user.getKey()).statusCode();
          calls++;
          if (status != expected) {
            wrong.add(endpoint.key() + " as " + user.getKey() + ": " + status + ", matrix says " + expected);
          }
        } else {
          String path = endpoint.pattern().replace("{caseNumber}", cases.get(Kind.ACTIVE).getCaseNumber())
              .replace("{userId}", COACH).replace("{table}", "referrals").replace("{id}", "999999999");
          path = fillUnknownVariables(path);
          int status = send(endpoint.method(), path, write ? Map.of() : null, user.getKey()).statusCode();
          calls++;
          boolean may = AccessMatrix.allowsAny(roles, action);
          if (may ? status == 403 || status >= 500 : status != 403) {
            wrong.add(endpoint.key() + " as " + user.getKey() + ": " + status + ", matrix says "
                + (may ? "allowed" : "403"));
          }
        }
      }
    }
    assertThat(wrong).as("calls answered against the matrix").isEmpty();
    assertThat(calls).isGreaterThan(300);
  }

  /** One journal entry, attachment, consent and extract in the case, so that their {id} rows have an item to name. */
  private void recordItems(CaseFile c) throws Exception {
    String record = "/api/cases/" + c.getCaseNumber();
    send("POST", record + "/journal", Map.of("text", "Anteckning", "occurredOn", LocalDate.now().toString()), ADMIN);
    jdbc.update("insert into attachment (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, "
        + "uploaded_at) values (?, 'a.pdf', 'application/pdf', 5, 'x', ?, ?, current_timestamp)", c.getId(),
        "%PDF-".getBytes(), ADMIN);
    send("POST", record + "/consents", Map.of("party", "AF", "category", "LABOUR_MARKET", "direction", "DISCLOSE",
        "purpose", "Samordning", "givenOn", LocalDate.now().toString()), ADMIN);
    send("POST", record + "/extracts", Map.of("party", "AF"), ADMIN);
  }

  /** The id of the case's first item that a {@code {id}} in the pattern names, or null when the case has none. */
  private Long itemOf(String pattern, CaseFile c) {
    if (pattern.contains("/consents/")) {
      return consents.findByCaseId(c.getId()).stream().findFirst().map(k -> k.getId()).orElse(null);
    }
    String table = pattern.contains("/journal/") ? "journal_entry" : pattern.contains("/attachments/") ? "attachment"
        : pattern.contains("/extracts/") ? "disclosure" : null;
    return table == null ? null
        : jdbc.queryForObject("select min(id) from " + table + " where case_id = ?", Long.class, c.getId());
  }

  /** The call as a client makes it: a file upload as multipart (a small PNG), any other write with an empty JSON body. */
  private int call(String method, String path, boolean write, String user) throws Exception {
    if (!(method.equals("POST") && path.endsWith("/attachments"))) {
      return send(method, path, write ? Map.of() : null, user).statusCode();
    }
    String boundary = "stegvis-doors";
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    var body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.write(png);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
        .header("Authorization", se.stegvis.support.TestHttp.basic(user, PASSWORD))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /**
   * Path variables this test has no case data for: a valid value where one is known, else a harmless
   * word. A draft's kind is a task form's (the row's READ_CASE); that a journal draft is for writers
   * only is the handler's narrower rule, tested in JournalApiTest.
   */
  static String fillUnknownVariables(String path) {
    return path.replace("{kind}", "task:door-test").replaceAll("\\{[^}]+}", "x");
  }

  // ---- The engine's doors: every write operation of its OpenAPI document ----

  /** The two doors to the engine's REST API: {@code /engine-rest} with HTTP Basic, the webapps' copy with their session. */
  enum Door { ENGINE_REST, WEBAPP }

  /** What the test expects of an operation, read from the matrix (docs/security.md, "Motorns dörrar"). */
  enum Rule {
    /** A query or count sent as POST: answered, never 5xx (what it shows is EngineRestAccessTest's). */
    READ,
    /**
     * Written by Stegvis only: process variables, and a step moved on without its form (signal,
     * message trigger). Refused to everyone, administrators too.
     */
    STEGVIS_ONLY,
    /** Starting a case through its start form: the roles that register referrals. */
    START_FORM,
    /** Working on the case's task (claim, complete, comment, ...): who may write in the case (WRITE_CASE). */
    CASE_WORK,
    /** Everything else changes what runs or who may do what: administrators only (ADMINISTER). */
    ADMINISTRATION
  }

  record EngineOperation(String method, String template, String operationId, Rule rule) {
    String key() {
      return method + " " + template + " (" + operationId + ")";
    }

    /** Names an object of a case (task, instance, execution, job, incident, its history): called on a case of each kind. */
    boolean perCase() {
      return CASE_OBJECT.matcher(template).matches();
    }
  }

  static final java.util.regex.Pattern CASE_OBJECT = java.util.regex.Pattern.compile(
      "/(task|process-instance|execution|incident|job|history/process-instance|history/variable-instance)/\\{id}.*");
  static final java.util.regex.Pattern VARIABLE_RESOURCE = java.util.regex.Pattern.compile(
      "/(task|process-instance|execution)/(\\{id}/(variables|localVariables)(/.*)?|variables-async)");
  static final java.util.regex.Pattern SKIPS_THE_FORM = java.util.regex.Pattern.compile(
      "/execution/\\{id}/(signal|messageSubscriptions/.+)");
  static final java.util.regex.Pattern START_FORM = java.util.regex.Pattern.compile(
      "/process-definition/(key/\\{key}(/tenant-id/\\{tenant-id})?|\\{id})/submit-form");
  static final java.util.regex.Pattern CASE_WORK = java.util.regex.Pattern.compile(
      "/task/\\{id}/.+|/process-instance/\\{id}/comment(/.*)?");
  /** The guard's refusals (EngineDoorGuard): told apart from the engine's own 403 by their message. */
  static final List<String> GUARD_REFUSALS = List.of("Bara administratörer (gruppen camunda-admin)",
      "Processvariabler ändras bara genom Stegvis", "Bara den som arbetar med uppgiften",
      "Ett steg i ärendet går bara vidare genom sitt formulär");

  static List<EngineOperation> engineWriteOperations(JsonNode document) {
    List<EngineOperation> operations = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> {
      for (String method : List.of("post", "put", "delete")) {
        JsonNode operation = path.getValue().path(method);
        if (!operation.isMissingNode()) {
          String id = operation.path("operationId").asText();
          operations.add(new EngineOperation(method.toUpperCase(), path.getKey(), id, rule(path.getKey(), method, id)));
        }
      }
    });
    return operations;
  }

  static Rule rule(String template, String method, String operationId) {
    boolean read = operationId.startsWith("query") || operationId.startsWith("postQuery")
        || operationId.startsWith("postExecute") || operationId.contains("Count") || operationId.equals("checkPassword")
        || operationId.equals("verifyUser");
    if (read) {
      return Rule.READ;
    }
    if (VARIABLE_RESOURCE.matcher(template).matches() || SKIPS_THE_FORM.matcher(template).matches()) {
      return Rule.STEGVIS_ONLY;
    }
    if (START_FORM.matcher(template).matches()) {
      return Rule.START_FORM;
    }
    // Deleting a task is not work on it: the engine's tasks go with their process (administration).
    if (CASE_WORK.matcher(template).matches() || template.equals("/task/{id}") && method.equals("put")) {
      return Rule.CASE_WORK;
    }
    return Rule.ADMINISTRATION;
  }

  /** Whether the matrix lets a user with these roles and relations do the operation (kind: the case's, or null). */
  static boolean mayDo(Rule rule, Set<Role> roles, Set<Relation> relations, Kind kind) {
    Set<Role> all = withManager(roles, relations);
    return switch (rule) {
      case READ -> true;
      case STEGVIS_ONLY -> false;
      case START_FORM -> AccessMatrix.allowsAny(roles, Action.REGISTER_REFERRAL);
      // The placement's steps are the placement coordinators' work (REQUEST_PLACEMENT through PLACEMENT; the
      // coach requests the placement through Stegvis), the case's other steps the case's writers' (WRITE_CASE).
      case CASE_WORK -> kind == Kind.WITH_PLACEMENT
          ? AccessMatrix.allows(all, Action.REQUEST_PLACEMENT, relations, false)
              && (relations.contains(Relation.PLACEMENT) || AccessMatrix.allowsAny(roles, Action.ADMINISTER))
          : AccessMatrix.allows(all, Action.WRITE_CASE, relations, false);
      case ADMINISTRATION -> AccessMatrix.allowsAny(roles, Action.ADMINISTER);
    };
  }

  /** A case of one kind and the engine objects of it that the operations' paths name, all real. */
  static final class CaseObjects {
    CaseFile caseFile;
    String root;
    /** The step the kind is about: the working group's decision, the coach's action plan, the placement's match. */
    org.camunda.bpm.engine.task.Task task;
    String execution;
    String messageExecution;
    String messageName;
    String job;
    String incident;
    String taskComment;
    String taskAttachment;
    String instanceComment;
    String historicVariable;
  }

  /** The engine's objects that no case holds: the real ones for everyone, scratch ones for administrators to change. */
  static final class EngineObjects {
    String deployment;
    String definition;
    String definitionKey;
    String jobDefinition;
    String filter;
    String group;
    String user;
    String authorization;
  }

  static final String SCRATCH = "door-test";
  static final String SCRATCH_WORK = "door-test-work";
  /** Users, groups and tenants take letters and digits only. */
  static final String SCRATCH_ID = "dorrtest";

  /** A case of the kind, with a comment, an attachment and an incident of its own. */
  private CaseObjects newCase(Kind kind) throws Exception {
    CaseObjects c = new CaseObjects();
    c.caseFile = switch (kind) {
      case REFERRED -> referOn(LocalDate.now().minusDays(2));
      case ACTIVE, WITH_PLACEMENT -> activeCase(LocalDate.now().minusDays(5));
    };
    clockAt(LocalDate.now(), MORNING);
    if (kind == Kind.WITH_PLACEMENT) {
      ok(send("POST", "/api/cases/" + c.caseFile.getCaseNumber() + "/placements", Map.of("sectorWish", "CARE"), COACH));
    }
    c.root = c.caseFile.getProcessInstanceId();
    String taskKey = switch (kind) {
      case REFERRED -> "decideIntake";
      case ACTIVE -> "makeActionPlan";
      case WITH_PLACEMENT -> "matchWorkplace";
    };
    c.task = instancesOf(c.root).stream().flatMap(pi -> taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(taskKey).list().stream()).findFirst().orElseThrow(() -> new AssertionError("no " + taskKey));
    String pi = c.task.getProcessInstanceId();
    c.execution = c.task.getExecutionId();
    c.taskComment = taskService.createComment(c.task.getId(), pi, "Dörrtest").getId();
    c.taskAttachment = taskService.createAttachment("text/plain", c.task.getId(), pi, "dorrtest.txt", "Dörrtest",
        "https://example.org/dorrtest").getId();
    c.instanceComment = taskService.createComment(null, pi, "Dörrtest").getId();
    c.incident = runtimeService.createIncident(SCRATCH, c.execution, "Dörrtest").getId();
    refreshCase(c);
    return c;
  }

  /** The process instances of a case: its own and those it called (the placement). */
  private List<String> instancesOf(String root) {
    return jdbc.queryForList("select ID_ from ACT_RU_EXECUTION where ROOT_PROC_INST_ID_ = ? and ID_ = PROC_INST_ID_ "
        + "order by ID_", String.class, root);
  }

  /** The objects of the case that come and go with the process: its timer, its message subscription, a variable's history. */
  private void refreshCase(CaseObjects c) {
    String pi = c.task.getProcessInstanceId();
    var jobs = managementService.createJobQuery().processInstanceId(pi).list();
    if (jobs.isEmpty()) {
      jobs = managementService.createJobQuery().processInstanceId(c.root).list();
    }
    c.job = jobs.isEmpty() ? null : jobs.get(0).getId();
    var subscription = runtimeService.createEventSubscriptionQuery().processInstanceId(c.root).eventType("message")
        .list().stream().findFirst();
    // Without a message to wait for the trigger names the task's execution and the placement's message.
    c.messageExecution = subscription.map(e -> e.getExecutionId()).orElse(c.execution);
    c.messageName = subscription.map(e -> e.getEventName()).orElse("placementRequested");
    c.historicVariable = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName(se.stegvis.casefile.ProcessVariables.CASE_ID).list().stream().findFirst()
        .map(v -> v.getId()).orElse(null);
  }

  /**
   * The case as it was before the operation, or a new case of the kind where an allowed operation
   * ended it (an administrator deleted it, a step moved on): the step back with its assignee,
   * owner, name and dates, the instance active, the comment, attachment and incident in place.
   */
  private CaseObjects restored(Kind kind, CaseObjects c) throws Exception {
    var task = taskService.createTaskQuery().taskId(c.task.getId()).singleResult();
    if (task == null || runtimeService.createProcessInstanceQuery().processInstanceId(c.root).count() == 0) {
      return newCase(kind);
    }
    for (String pi : instancesOf(c.root)) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(pi).suspended().count() > 0) {
        runtimeService.activateProcessInstanceById(pi);
      }
    }
    task = taskService.createTaskQuery().taskId(c.task.getId()).singleResult();
    var was = c.task;
    if (!java.util.Objects.equals(task.getAssignee(), was.getAssignee()) || !java.util.Objects.equals(task.getOwner(), was.getOwner())
        || task.getDelegationState() != was.getDelegationState() || !java.util.Objects.equals(task.getName(), was.getName())
        || !java.util.Objects.equals(task.getDescription(), was.getDescription()) || task.getPriority() != was.getPriority()
        || !java.util.Objects.equals(task.getDueDate(), was.getDueDate())
        || !java.util.Objects.equals(task.getFollowUpDate(), was.getFollowUpDate())) {
      task.setAssignee(was.getAssignee());
      task.setOwner(was.getOwner());
      task.setDelegationState(was.getDelegationState());
      task.setName(was.getName());
      task.setDescription(was.getDescription());
      task.setPriority(was.getPriority());
      task.setDueDate(was.getDueDate());
      task.setFollowUpDate(was.getFollowUpDate());
      taskService.saveTask(task);
    }
    String pi = c.task.getProcessInstanceId();
    if (taskService.getTaskComment(c.task.getId(), c.taskComment) == null) {
      c.taskComment = taskService.createComment(c.task.getId(), pi, "Dörrtest").getId();
    }
    if (taskService.getTaskAttachment(c.task.getId(), c.taskAttachment) == null) {
      c.taskAttachment = taskService.createAttachment("text/plain", c.task.getId(), pi, "dorrtest.txt", "Dörrtest",
          "https://example.org/dorrtest").getId();
    }
    if (taskService.getProcessInstanceComments(pi).stream().noneMatch(k -> k.getId().equals(c.instanceComment))) {
      c.instanceComment = taskService.createComment(null, pi, "Dörrtest").getId();
    }
    if (runtimeService.createIncidentQuery().incidentId(c.incident).count() == 0) {
      c.incident = runtimeService.createIncident(SCRATCH, c.execution, "Dörrtest").getId();
    }
    refreshCase(c);
    return c;
  }

  /** The objects no case holds and no model of ours has (external task, batch, tenant), made by the test for everyone. */
  String externalTask;
  String batch;
  String tenant;
  String operationLogEntry;

  /** The real objects: the case model's deployment, definition and timer, Tasklist's filter, the coaches' group and grant. */
  private EngineObjects realObjects() {
    EngineObjects real = new EngineObjects();
    var definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(se.stegvis.casefile.ProcessVariables.PROCESS_KEY).latestVersion().singleResult();
    real.deployment = definition.getDeploymentId();
    real.definition = definition.getId();
    real.definitionKey = definition.getKey();
    real.jobDefinition = managementService.createJobDefinitionQuery().processDefinitionId(definition.getId()).list()
        .get(0).getId();
    real.filter = filterService.createFilterQuery().list().stream().filter(f -> !SCRATCH.equals(f.getName()))
        .findFirst().map(f -> f.getId()).orElseThrow();
    real.group = Groups.COACHES;
    real.authorization = authorizationService.createAuthorizationQuery().groupIdIn(Groups.COACHES)
        .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER).singleResult().getId();
    return real;
  }

  /**
   * Administrators may change and delete what the operations name, so they get objects of their
   * own: a deployment with a timer's job definition, a filter, a user, a group, a grant. Made again
   * when an operation removed them; so are the shared external task, batch and tenant.
   */
  private EngineObjects scratch(EngineObjects scratch) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(SCRATCH).count() == 0) {
      repositoryService.createDeployment().name(SCRATCH).addModelInstance(SCRATCH + ".bpmn",
          org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(SCRATCH).name("Dörrtest").camundaHistoryTimeToLive(1)
              .startEvent().intermediateCatchEvent().timerWithDuration("PT1H").endEvent().done()).deploy();
    }
    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(SCRATCH).latestVersion()
        .singleResult();
    scratch.definition = definition.getId();
    scratch.definitionKey = SCRATCH;
    scratch.deployment = definition.getDeploymentId();
    scratch.jobDefinition = managementService.createJobDefinitionQuery().processDefinitionId(definition.getId()).list()
        .get(0).getId();
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(SCRATCH_WORK).count() == 0) {
      repositoryService.createDeployment().name(SCRATCH_WORK).addModelInstance(SCRATCH_WORK + ".bpmn",
          org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(SCRATCH_WORK).name("Dörrtest").camundaHistoryTimeToLive(1)
              .startEvent().serviceTask().camundaExternalTask(SCRATCH).endEvent().done()).deploy();
    }
    if (externalTask == null || externalTaskService.createExternalTaskQuery().externalTaskId(externalTask).count() == 0) {
      runtimeService.startProcessInstanceByKey(SCRATCH_WORK);
      externalTask = externalTaskService.createExternalTaskQuery().topicName(SCRATCH).list().get(0).getId();
    }
    if (batch == null || managementService.createBatchQuery().batchId(batch).count() == 0) {
      String instance = externalTaskService.createExternalTaskQuery().externalTaskId(externalTask).singleResult()
          .getProcessInstanceId();
      // The job executor is off in tests: the batch waits, and is deleted at the end.
      batch = runtimeService.deleteProcessInstancesAsync(List.of(instance), "Dörrtest").getId();
    }
    if (identityService.createTenantQuery().tenantId(SCRATCH_ID).count() == 0) {
      identityService.saveTenant(identityService.newTenant(SCRATCH_ID));
    }
    tenant = SCRATCH_ID;
    if (identityService.createUserQuery().userId(SCRATCH_ID).count() == 0) {
      var user = identityService.newUser(SCRATCH_ID);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    scratch.user = SCRATCH_ID;
    if (identityService.createGroupQuery().groupId(SCRATCH_ID).count() == 0) {
      var group = identityService.newGroup(SCRATCH_ID);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
    scratch.group = SCRATCH_ID;
    scratch.filter = filterService.createFilterQuery().filterName(SCRATCH).list().stream().findFirst()
        .map(f -> f.getId()).orElseGet(() -> filterService.saveFilter(filterService.newTaskFilter(SCRATCH)
            .setOwner(ADMIN).setQuery(taskService.createTaskQuery())).getId());
    scratch.authorization = authorizationService.createAuthorizationQuery().userIdIn(SCRATCH_ID).list().stream()
        .findFirst().map(a -> a.getId()).orElseGet(() -> {
          var grant = authorizationService.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
          grant.setUserId(SCRATCH_ID);
          grant.setResource(org.camunda.bpm.engine.authorization.Resources.FILTER);
          grant.setResourceId(scratch.filter);
          grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
          return authorizationService.saveAuthorization(grant).getId();
        });
    return scratch;
  }

  /** Removes what the test made outside its cases, and the batches and history clean-up jobs administrators' calls made. */
  private void removeScratch(Set<String> batchesBefore, Set<String> cleanupJobsBefore) {
    managementService.createBatchQuery().list().stream().filter(b -> !batchesBefore.contains(b.getId()))
        .forEach(b -> managementService.deleteBatch(b.getId(), true));
    historyService.findHistoryCleanupJobs().stream().filter(job -> !cleanupJobsBefore.contains(job.getId()))
        .forEach(job -> managementService.deleteJob(job.getId()));
    for (String name : List.of(SCRATCH, SCRATCH_WORK)) {
      repositoryService.createDeploymentQuery().deploymentName(name).list()
          .forEach(d -> repositoryService.deleteDeployment(d.getId(), true, true));
    }
    filterService.createFilterQuery().filterName(SCRATCH).list().forEach(f -> filterService.deleteFilter(f.getId()));
    authorizationService.createAuthorizationQuery().userIdIn(SCRATCH_ID).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    if (identityService.createUserQuery().userId(SCRATCH_ID).count() > 0) {
      identityService.deleteUser(SCRATCH_ID);
    }
    if (identityService.createGroupQuery().groupId(SCRATCH_ID).count() > 0) {
      identityService.deleteGroup(SCRATCH_ID);
    }
    if (identityService.createTenantQuery().tenantId(SCRATCH_ID).count() > 0) {
      identityService.deleteTenant(SCRATCH_ID);
    }
  }

  /** The operation's path with every variable filled in with a real object (see {@link CaseObjects}, {@link EngineObjects}). */
  private String resolve(EngineOperation operation, CaseObjects c, EngineObjects objects, String user) {
    String template = operation.template();
    String resource = template.split("/")[1];
    String id = !template.contains("{id}") ? null : switch (resource) {
      case "task" -> c.task.getId();
      case "process-instance" -> c.task.getProcessInstanceId();
      case "execution" -> template.contains("/messageSubscriptions/") ? c.messageExecution : c.execution;
      case "incident" -> c.incident;
      // A case's timer; every kind has one (its step's deadline).
      case "job" -> c.job;
      case "history" -> template.startsWith("/history/process-instance/") ? c.task.getProcessInstanceId()
          : template.startsWith("/history/variable-instance/") ? c.historicVariable : batch;
      case "batch" -> batch;
      case "deployment" -> objects.deployment;
      case "process-definition" -> objects.definition;
      case "job-definition" -> objects.jobDefinition;
      case "external-task" -> externalTask;
      case "filter" -> objects.filter;
      case "group" -> objects.group;
      case "tenant" -> tenant;
      // Another user: one's own profile and password are one's own to change (EngineDoorGuard's OWN_ACCOUNT).
      case "user" -> objects.user != null ? objects.user : user.equals(COACH) ? OTHER_COACH : COACH;
      case "authorization" -> objects.authorization;
      // No decision (DMN) is deployed: the only path variable without a real object behind it.
      case "decision-definition" -> "ingen-beslutstabell";
      default -> "x";
    };
    return template.replace("{id}", String.valueOf(id))
        .replace("{key}", resource.equals("decision-definition") ? "ingen-beslutstabell" : objects.definitionKey)
        .replace("{tenant-id}", tenant)
        .replace("{varName}", se.stegvis.casefile.ProcessVariables.CASE_ID)
        .replace("{messageName}", c == null ? "x" : c.messageName)
        .replace("{userId}", objects.user != null ? objects.user : REFERRER)
        .replace("{groupId}", objects.group)
        .replace("{attachmentId}", c == null ? "x" : c.taskAttachment)
        .replace("{commentId}", c == null ? "x" : template.startsWith("/task/") ? c.taskComment : c.instanceComment)
        .replace("{operationId}", operationLogEntry);
  }

  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  /**
   * The body a user the matrix refuses sends: one the engine would act on, so that its answer is
   * about who asks and not a complaint about the input (an empty object otherwise). A user the
   * matrix allows sends the empty object: that one would really claim the step for themselves or
   * end it with an error, and the test needs only that our guard lets the call through.
   */
  static String refusedBody(EngineOperation operation, String user) {
    return switch (operation.operationId()) {
      case "addIdentityLink", "deleteIdentityLink" -> "{\"userId\":\"" + user + "\",\"type\":\"candidate\"}";
      case "claim", "setAssignee", "delegateTask" -> "{\"userId\":\"" + user + "\"}";
      case "createComment" -> "{\"message\":\"Dörrtest\"}";
      case "handleBpmnError" -> "{\"errorCode\":\"" + SCRATCH + "\"}";
      case "handleEscalation" -> "{\"escalationCode\":\"" + SCRATCH + "\"}";
      default -> "{}";
    };
  }

  /** One call through one door (a DELETE without a body). */
  private java.net.http.HttpResponse<String> call(Door door, String method, String resource, String json, String user,
      Map<String, se.stegvis.support.TestHttp> sessions) throws Exception {
    var body = method.equals("DELETE") ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(json);
    if (door == Door.ENGINE_REST) {
      return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
          + "/engine-rest" + resource)).header("Authorization", se.stegvis.support.TestHttp.basic(user, PASSWORD))
          .header("Content-Type", "application/json").header("Accept", "application/json").method(method, body).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }
    var session = sessions.get(user);
    return session.send(session.withCsrf(session.request(WEBAPP_ENGINE + resource))
        .header("Content-Type", "application/json").method(method, body));
  }

  @Test
  @DisplayName("varje skrivande operation i motorns REST-API (OpenAPI), genom båda dörrarna, som varje roll "
      + "på ärenden av varje slag: bara det matrisen tillåter, och en vägran ändrar ingenting")
  void everyEngineWriteOperationAsEveryRole() throws Exception {
    long started = System.nanoTime();
    // The other project's managers get their Tasklist grants (the project is made by ApiTest after start-up).
    roleAuthorizations.apply();
    clockAt(LocalDate.now(), MORNING);
    List<EngineOperation> operations;
    try (var in = getClass().getResourceAsStream("/openapi.json")) {
      operations = engineWriteOperations(json.readTree(in));
    }
    Map<Kind, CaseObjects> cases = new java.util.EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      cases.put(kind, newCase(kind));
    }
    // An entry of the user operation log, for the annotation operations.
    var active = cases.get(Kind.ACTIVE).task;
    identityService.setAuthentication(ADMIN, List.of(Groups.ADMINISTRATORS));
    try {
      taskService.setPriority(active.getId(), active.getPriority());
    } finally {
      identityService.clearAuthentication();
    }
    // Where the engine keeps no such log (history level), a placeholder: there is no entry to name.
    operationLogEntry = historyService.createUserOperationLogQuery().listPage(0, 1).stream().findFirst()
        .map(entry -> entry.getOperationId()).orElse("ingen-loggpost");
    EngineObjects real = realObjects();
    EngineObjects scratch = scratch(new EngineObjects());
    Map<String, se.stegvis.support.TestHttp> sessions = new LinkedHashMap<>();
    for (String user : USERS.keySet()) {
      var session = new se.stegvis.support.TestHttp(port);
      assertThat(session.login("tasklist", user, PASSWORD).statusCode()).as("%s logs in to Tasklist", user).isEqualTo(200);
      sessions.put(user, session);
    }

    Set<String> batchesBefore = new java.util.HashSet<>(managementService.createBatchQuery().list().stream()
        .map(b -> b.getId()).toList());
    batchesBefore.remove(batch);
    Set<String> cleanupJobsBefore = new java.util.HashSet<>(historyService.findHistoryCleanupJobs().stream()
        .map(job -> job.getId()).toList());
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    int perCase = 0;
    try {
      for (EngineOperation operation : operations) {
        scratch = scratch(scratch);
        List<Kind> kinds = operation.perCase() ? List.of(Kind.values()) : java.util.Collections.singletonList(null);
        perCase += operation.perCase() ? 1 : 0;
        // First the users the matrix refuses, each through both doors: 403 or 404, and nothing changed.
        DatabaseSnapshot engineBefore = DatabaseSnapshot.ofEngine(jdbc);
        for (Kind kind : kinds) {
          CaseObjects c = kind == null ? null : cases.get(kind);
          DatabaseSnapshot before = c == null ? null : DatabaseSnapshot.ofCase(jdbc, c.caseFile);
          for (var user : USERS.entrySet()) {
            boolean admin = user.getValue().contains(Role.ADMINISTRATOR);
            Set<Relation> relations = kind == null ? EnumSet.of(Relation.NONE) : relations(user.getKey(), kind);
            if (mayDo(operation.rule(), user.getValue(), relations, kind)) {
              continue;
            }
            String resource = resolve(operation, c, admin ? scratch : real, user.getKey());
            for (Door door : Door.values()) {
              var response = call(door, operation.method(), resource, refusedBody(operation, user.getKey()),
                  user.getKey(), sessions);
              calls++;
              if (response.statusCode() != 403 && response.statusCode() != 404) {
                wrong.add(operation.key() + " as " + user.getKey() + " on " + kind + " through " + door + ": "
                    + response.statusCode() + " " + abbreviated(response.body()) + ", matrix says refused");
              }
            }
          }
          if (c != null) {
            Set<String> changed = DatabaseSnapshot.ofCase(jdbc, c.caseFile).changedFrom(before);
            if (!changed.isEmpty()) {
              wrong.add(operation.key() + " on " + kind + ": refused calls changed " + changed);
            }
          }
        }
        Set<String> changed = DatabaseSnapshot.ofEngine(jdbc).changedFrom(engineBefore);
        if (!changed.isEmpty()) {
          wrong.add(operation.key() + ": refused calls changed " + changed);
        }
        // Then the users it allows: not refused by our guard, and never an error.
        for (Kind kind : kinds) {
          for (var user : USERS.entrySet()) {
            boolean admin = user.getValue().contains(Role.ADMINISTRATOR);
            Set<Relation> relations = kind == null ? EnumSet.of(Relation.NONE) : relations(user.getKey(), kind);
            if (!mayDo(operation.rule(), user.getValue(), relations, kind)) {
              continue;
            }
            for (Door door : Door.values()) {
              CaseObjects c = kind == null ? null : cases.get(kind);
              var response = call(door, operation.method(), resolve(operation, c, admin ? scratch : real, user.getKey()),
                  "{}", user.getKey(), sessions);
              calls++;
              boolean guarded = response.statusCode() == 403 && GUARD_REFUSALS.stream().anyMatch(response.body()::contains);
              if (guarded || response.statusCode() >= 500) {
                wrong.add(operation.key() + " as " + user.getKey() + " on " + kind + " through " + door + ": "
                    + response.statusCode() + " " + abbreviated(response.body()) + ", matrix says allowed");
              }
              if (kind != null) {
                // What one allowed call changed is put back, so the next one meets the case as the kind has it.
                cases.put(kind, restored(kind, cases.get(kind)));
              }
            }
          }
        }
      }
    } finally {
      removeScratch(batchesBefore, cleanupJobsBefore);
    }
    long seconds = java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds();
    System.out.printf("Engine door walk: %d write operations (%d per case, on %d kinds of case), %d roles, %d doors: "
        + "%d calls in %d s%n", operations.size(), perCase, Kind.values().length, USERS.size(), Door.values().length,
        calls, seconds);
    assertThat(wrong).as("engine writes answered against the matrix").isEmpty();
    assertThat(operations).hasSizeGreaterThan(150);
  }

  private static String abbreviated(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  /** Being in the case's project's manager group is being a manager (as CaseAccess has it). */
  private static Set<Role> withManager(Set<Role> roles, Set<Relation> relations) {
    Set<Role> all = EnumSet.copyOf(roles);
    if (relations.contains(Relation.MY_PROJECT)) {
      all.add(Role.MANAGER);
    }
    return all;
  }
}
