package se.stegvis.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;

/**
 * The placement API over real HTTP: who may read and change the registry, who may ask for a
 * placement, and refusals as Swedish problem details with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Praktik-API: registret och begäran om praktik över HTTP")
class PlacementApiTest extends PlacementTest {

  static final String PASSWORD = "Praktik-2026-hemligt";
  static final String OTHER_COACH = "otto";
  static final String REFERRER = "rut";

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void usersWithPasswords() {
    ensureProjectAndStaff();
    ensureCoordinator();
    if (identityService.createGroupQuery().groupId(Groups.REFERRERS).count() == 0) {
      identityService.saveGroup(identityService.newGroup(Groups.REFERRERS));
    }
    for (var member : Map.of(COACH, Groups.COACHES, OTHER_COACH, Groups.COACHES, COORDINATOR,
        Groups.PLACEMENT_COORDINATORS, REFERRER, Groups.REFERRERS).entrySet()) {
      var user = identityService.createUserQuery().userId(member.getKey()).singleResult();
      if (user == null) {
        user = identityService.newUser(member.getKey());
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(member.getKey(), member.getValue());
      } else if (identityService.createUserQuery().userId(member.getKey()).memberOfGroup(member.getValue())
          .count() == 0) {
        identityService.createMembership(member.getKey(), member.getValue());
      }
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
  }

  @Test
  @DisplayName("registret: anonym 401, remittent 403, coach läser men får inte ändra, praktiksamordnare registrerar")
  void theRegistryIsForStaffAndChangedByCoordinators() throws Exception {
    assertThat(get("/api/workplaces", null).statusCode()).isEqualTo(401);
    HttpResponse<String> referrer = get("/api/workplaces", REFERRER);
    assertThat(referrer.statusCode()).isEqualTo(403);
    assertThat(problem(referrer).path("detail").asText()).isEqualTo("Praktikplatsregistret är till för förbundets personal.");

    HttpResponse<String> codes = get("/api/workplaces/codes", COACH);
    assertThat(codes.statusCode()).isEqualTo(200);
    JsonNode sectors = json.readTree(codes.body()).path("sectors");
    assertThat(sectors.get(0).path("code").asText()).isEqualTo("CARE");
    assertThat(sectors.get(0).path("label").asText()).isEqualTo("Vård och omsorg");
    assertThat(json.readTree(codes.body()).path("employerKinds")).hasSize(5);

    String area = newArea();
    int before = jdbc.queryForObject("select count(*) from workplace", Integer.class);
    HttpResponse<String> byCoach = send("POST", "/api/workplaces", workplaceEntry("CARE", area, 2, true), COACH);
    assertThat(byCoach.statusCode()).isEqualTo(403);
    assertThat(problem(byCoach).path("detail").asText()).contains("Bara praktiksamordnare och administratörer");

    Map<String, Object> invalid = workplaceEntry("CARE", area, 2, true);
    invalid.put("organisationNumber", "556036-0794");
    HttpResponse<String> refused = send("POST", "/api/workplaces", invalid, COORDINATOR);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(problem(refused).path("errors").get(0).asText())
        .isEqualTo("Organisationsnummer: kontrollsiffran stämmer inte. Kontrollera numret och skriv det igen.");
    assertThat(jdbc.queryForObject("select count(*) from workplace", Integer.class)).isEqualTo(before);

    HttpResponse<String> created = send("POST", "/api/workplaces", workplaceEntry("CARE", area, 2, true), COORDINATOR);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode workplace = json.readTree(created.body());
    assertThat(created.headers().firstValue("Location")).hasValue("/api/workplaces/" + workplace.path("id").asLong());
    assertThat(workplace.path("free").asInt()).isEqualTo(2);
    JsonNode listed = json.readTree(get("/api/workplaces?sector=CARE&area=" + area.replace(" ", "%20"), COACH).body());
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("name").asText()).isEqualTo(workplace.path("name").asText());
  }

  @Test
  @DisplayName("begäran om praktik: coachen får, en annan coach ser inte ärendet, en andra begäran ger 409")
  void theCoachAsksForAPlacement() throws Exception {
    CaseFile c = activeCase(LocalDate.now().minusDays(20));
    String area = newArea();
    WorkplaceView place = workplace("RETAIL", area, 1, true);
    String path = "/api/cases/" + c.getCaseNumber() + "/placements";

    assertThat(send("POST", path, Map.of("sectorWish", "RETAIL"), OTHER_COACH).statusCode()).isEqualTo(404);
    assertThat(get(path, OTHER_COACH).statusCode()).isEqualTo(404);
    HttpResponse<String> badSector = send("POST", path, Map.of("sectorWish", "RYMDEN"), COACH);
    assertThat(badSector.statusCode()).isEqualTo(400);
    assertThat(problem(badSector).path("errors").get(0).asText()).startsWith("Önskad bransch: \"RYMDEN\"");
    assertThat(placements.findByCaseIdOrderBySequence(c.getId())).isEmpty();

    HttpResponse<String> requested = send("POST", path, Map.of("sectorWish", "RETAIL", "areaWish", area), COACH);
    assertThat(requested.statusCode()).isEqualTo(201);
    JsonNode placement = json.readTree(requested.body());
    assertThat(placement.path("status").asText()).isEqualTo("REQUESTED");
    assertThat(placement.path("sectorWish").asText()).isEqualTo("Handel och butik");
    assertThat(placementTask(c, "matchWorkplace")).isNotNull();

    HttpResponse<String> again = send("POST", path, Map.of("sectorWish", "RETAIL"), COACH);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(problem(again).path("detail").asText()).contains("redan en praktik under arbete");
    assertThat(placements.findByCaseIdOrderBySequence(c.getId())).hasSize(1);

    JsonNode listed = json.readTree(get(path, COORDINATOR).body());
    assertThat(listed).hasSize(1);
    HttpResponse<String> matches = get("/api/placements/" + placement.path("id").asLong() + "/matches", COORDINATOR);
    assertThat(matches.statusCode()).isEqualTo(200);
    assertThat(json.readTree(matches.body()).get(0).path("workplaceId").asLong()).isEqualTo(place.id());
    assertThat(get("/api/placements/" + placement.path("id").asLong() + "/matches", OTHER_COACH).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("praktik i siffror är en rapport: samma period och insats som de andra tabellerna")
  void placementFiguresAreAReport() throws Exception {
    CaseFile c = activeCase(LocalDate.of(2029, 3, 5));
    String area = newArea();
    WorkplaceView place = workplace("GREEN", area, 1, true);
    requestOn(LocalDate.of(2029, 3, 6), c, "GREEN", area);
    completePlacementOn(LocalDate.of(2029, 3, 7), c, "matchWorkplace", COORDINATOR,
        match(place.id(), LocalDate.of(2029, 3, 7)));
    completePlacementOn(LocalDate.of(2029, 3, 8), c, "visitWorkplace", COORDINATOR,
        visit(LocalDate.of(2029, 3, 8), true, false));
    completePlacementOn(LocalDate.of(2029, 3, 9), c, "agreeWorkPlan", COORDINATOR,
        workPlan(LocalDate.of(2029, 3, 9), LocalDate.of(2029, 3, 12), LocalDate.of(2029, 6, 1)));
    Map<String, Object> ending = followUpEnds(LocalDate.of(2029, 4, 10), "EMPLOYMENT");
    ending.put("employmentType", "PERMANENT");
    completePlacementOn(LocalDate.of(2029, 4, 10), c, "followUpVisit", COORDINATOR, ending);

    HttpResponse<String> report = get("/api/reports/placements?project=C2&from=2029-03-12&to=2029-03-12", COACH);
    assertThat(report.statusCode()).isEqualTo(200);
    JsonNode figures = json.readTree(report.body());
    assertThat(figures.path("placements").asInt()).isEqualTo(1);
    assertThat(figures.path("totalDays").asInt()).isEqualTo(30);
    assertThat(figures.path("employmentSharePercent").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(json.readTree(get("/api/reports/placements?project=C2&from=2029-03-12&to=2029-03-12", OTHER_COACH)
        .body()).path("placements").asInt()).as("another coach's case is not counted").isZero();
    assertThat(get("/api/reports/placements?from=2029-03-13&to=2029-03-12", COACH).statusCode()).isEqualTo(400);
    assertThat(get("/api/reports/placements?project=FINNSEJ", COACH).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Requested-With", "XMLHttpRequest").GET();
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, String path, Map<String, ?> body, String user) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").header("Authorization", basic(user))
        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode problem(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    return json.readTree(response.body());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
