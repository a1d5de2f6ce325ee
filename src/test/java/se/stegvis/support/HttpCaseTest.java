package se.stegvis.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;

/**
 * A case process test over real HTTP: the application on a random port, and staff with passwords
 * who call the application API and the engine REST API (HTTP Basic) as Tasklist and other
 * systems do. A coach with a case of her own, her manager, and an administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpCaseTest extends CaseProcessTest {

  protected static final String PASSWORD = "Samtidig-2026-hemligt";
  protected static final String HTTP_COACH = "kim";
  protected static final String HTTP_MANAGER = "mona";
  protected static final String HTTP_ADMIN = "ville";

  @LocalServerPort protected int port;
  protected final HttpClient http = HttpClient.newHttpClient();
  protected final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void staffWithPasswords() {
    ensureProjectAndStaff();
    user(HTTP_COACH, Groups.COACHES);
    user(HTTP_MANAGER, Groups.MANAGERS);
    user(HTTP_ADMIN, Groups.ADMINISTRATORS);
  }

  private void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      if (identityService.createGroupQuery().groupId(group).count() == 0) {
        identityService.saveGroup(identityService.newGroup(group));
      }
      var user = identityService.newUser(id);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  /** A new person's case, accepted with {@link #HTTP_COACH} as coach, participation started on the day. */
  protected CaseFile activeCaseOfHttpCoach(LocalDate startedOn) {
    CaseFile caseFile = referOn(startedOn.minusDays(10));
    Map<String, Object> acceptance = acceptance(startedOn.minusDays(7));
    acceptance.put("coach", HTTP_COACH);
    completeOn(startedOn.minusDays(7), caseFile, "decideIntake", WORKING_GROUP_MEMBER, acceptance);
    completeOn(startedOn, caseFile, "startParticipation", HTTP_COACH, participationStart(startedOn));
    return reload(caseFile);
  }

  protected HttpResponse<String> send(String method, String path, String user, Object body)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json, application/problem+json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String text = body instanceof String s ? s : json.writeValueAsString(body);
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A task's form submitted as Tasklist does: engine REST submit-form, every field as {"value": ...}. */
  protected HttpResponse<String> submitTaskForm(String taskId, String user, Map<String, Object> form)
      throws IOException, InterruptedException {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return send("POST", "/engine-rest/task/" + taskId + "/submit-form", user, Map.of("variables", variables));
  }
}
