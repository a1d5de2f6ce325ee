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

  /**
   * The writes the engine's doors refuse to everyone but administrators, before the engine sees them:
   * changing what runs, starting without the start form, and writing variables (docs/security.md).
   */
  static final java.util.regex.Pattern ADMINISTRATORS_ONLY = java.util.regex.Pattern.compile(
      "/(deployment|migration|modification|process-definition|decision-definition|decision-requirements-definition"
          + "|job-definition|job|batch)/(?!count$).+|/(task|process-instance|execution)/[^/]+/(variables|localVariables)(/.*)?");

  @Test
  @DisplayName("varje skrivande operation i motorns REST-API (OpenAPI) som remittent, coach och chef: bara det rollen får")
  void everyEngineWriteOperationAsEveryRole() throws Exception {
    JsonNode document;
    try (var in = getClass().getResourceAsStream("/openapi.json")) {
      document = json.readTree(in);
    }
    List<String> wrong = new ArrayList<>();
    int operations = 0;
    var paths = document.path("paths").fields();
    while (paths.hasNext()) {
      var path = paths.next();
      for (String method : List.of("post", "put", "delete")) {
        JsonNode operation = path.getValue().path(method);
        if (operation.isMissingNode()) {
          continue;
        }
        operations++;
        String resource = path.getKey().replace("{key}", "participant-case").replaceAll("\\{[^}]+}", "x");
        boolean startForm = resource.matches("/process-definition/(key/participant-case(/tenant-id/x)?|x)/submit-form");
        boolean refused = ADMINISTRATORS_ONLY.matcher(resource).matches() && !startForm;
        String operationId = operation.path("operationId").asText();
        boolean read = operationId.startsWith("query") || operationId.startsWith("postQuery") || operationId.startsWith("get")
            || operationId.toLowerCase().contains("count") || operationId.equals("fetchAndLock");
        for (String user : List.of(REFERRER, COACH, MANAGER)) {
          int status = send(method.toUpperCase(), "/engine-rest" + resource, Map.of(), user).statusCode();
          if (refused ? status != 403 : status / 100 == 2 && !read) {
            wrong.add(method.toUpperCase() + " " + path.getKey() + " (" + operationId + ") as " + user + ": " + status);
          }
        }
      }
    }
    assertThat(wrong).as("engine writes answered against the matrix").isEmpty();
    assertThat(operations).isGreaterThan(150);
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
