package se.stegvis.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stegvis.casefile.Project;
import se.stegvis.identity.Groups;

/**
 * Base for tests of the application's API over real HTTP (HTTP Basic), with one user per role:
 * the coach, another coach, the working group, a placement coordinator, a referrer, the manager
 * of project C2, the manager of another project (OTHER_PROJECT) and an administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest extends CaseProcessTest {

  protected static final String PASSWORD = "Stegvis-test-2026";
  protected static final String OTHER_COACH = "otto";
  protected static final String COORDINATOR = "pelle";
  protected static final String REFERRER = "rut";
  protected static final String MANAGER = "maja";
  protected static final String OTHER_MANAGER = "mats";
  protected static final String ADMIN = "adam";
  protected static final String OTHER_PROJECT = "ANNAN";
  protected static final String OTHER_MANAGERS = "chefannan";
  protected static final String USER_AGENT = "Stegvis-test/1.0";

  @LocalServerPort protected int port;
  protected final HttpClient http = HttpClient.newHttpClient();
  protected final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  @BeforeEach
  void usersOfEveryRole() {
    ensureProjectAndStaff();
    if (projects.findByCode(OTHER_PROJECT).isEmpty()) {
      projects.save(new Project(OTHER_PROJECT, "Annan insats", 20, OTHER_MANAGERS));
    }
    Map<String, String> roles = Map.of(COACH, Groups.COACHES, OTHER_COACH, Groups.COACHES,
        WORKING_GROUP_MEMBER, Groups.WORKING_GROUP, COORDINATOR, Groups.PLACEMENT_COORDINATORS,
        REFERRER, Groups.REFERRERS, MANAGER, Groups.MANAGERS, OTHER_MANAGER, OTHER_MANAGERS, ADMIN,
        Groups.ADMINISTRATORS);
    roles.forEach((userId, group) -> {
      if (identityService.createGroupQuery().groupId(group).count() == 0) {
        identityService.saveGroup(identityService.newGroup(group));
      }
      var user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        user = identityService.newUser(userId);
      }
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identityService.createMembership(userId, group);
      }
    });
  }

  protected HttpResponse<String> get(String path, String user) throws Exception {
    return send("GET", path, null, user);
  }

  /** A request as another system sends it: HTTP Basic, JSON, its own user agent. */
  protected HttpResponse<String> send(String method, String path, Map<String, ?> body, String user)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("User-Agent", USER_AGENT).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The body of a 2xx answer. */
  protected JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return json.readTree(response.body());
  }
}
