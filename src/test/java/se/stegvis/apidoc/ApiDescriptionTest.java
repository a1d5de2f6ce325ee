package se.stegvis.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.stegvis.support.ApiTest;

/**
 * The API description covers every handler under /api: the mappings are read from Spring MVC
 * itself, so an endpoint added without a description or a Swedish summary fails here.
 */
class ApiDescriptionTest extends ApiTest {

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void everyApiHandlerIsDescribedWithASummaryAndTheProblemShape() throws Exception {
    var response = get("/v3/api-docs", ADMIN);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = json.readTree(response.body()).path("paths");

    List<String> handlers = new ArrayList<>();
    List<String> undescribed = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
        .filter(pattern -> pattern.startsWith("/api/"))
        .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(verb -> {
          String name = verb + " " + pattern;
          handlers.add(name);
          JsonNode operation = paths.path(pattern).path(verb.name().toLowerCase());
          if (operation.path("summary").asText("").isBlank()
              || !operation.path("responses").path("400").path("content").has("application/problem+json")) {
            undescribed.add(name + " (" + method + ")");
          }
        })));

    assertThat(handlers).hasSizeGreaterThanOrEqualTo(38).contains("POST /api/referrals",
        "GET /api/reports/steering-group/{table}.csv");
    assertThat(undescribed).isEmpty();
  }

  @Test
  void requestAndResponseSchemasAreDescribed() throws Exception {
    JsonNode api = json.readTree(get("/v3/api-docs", ADMIN).body());

    assertThat(api.at("/components/schemas/Problem/properties").has("errors")).isTrue();
    assertThat(api.at("/components/schemas/MigrationRequest/properties").has("targetVersion")).isTrue();
    assertThat(api.at("/paths/~1api~1admin~1migrations/post/requestBody/content/application~1json/schema/$ref")
        .asText()).endsWith("/MigrationRequest");
    assertThat(api.at("/paths/~1api~1reports~1participants/get/responses/200/content").toString())
        .contains("ParticipantTable");
    assertThat(api.at("/paths/~1api~1reports~1participants/get/parameters").findValuesAsText("name"))
        .contains("project", "from", "to");
    assertThat(api.at("/components/securitySchemes").has("basic")).isTrue();
  }

  @Test
  void onlyAdministratorsReadTheDescription() throws Exception {
    assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
    var coach = get("/v3/api-docs", COACH);
    assertThat(coach.statusCode()).isEqualTo(403);
    assertThat(coach.body()).contains("administratörer").doesNotContain("/api/referrals");
    assertThat(get("/v3/api-docs", MANAGER).statusCode()).isEqualTo(403);
  }
}
