package se.stegvis.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.HttpCaseTest;

/**
 * Bad input at every endpoint of the application API, found from Spring's own request mappings so
 * that a new endpoint is covered without touching this test: malformed JSON, wrong types, missing
 * and oversized fields in every body; SQL meta-characters, script and impossible dates in every
 * query parameter and path variable. Each is answered without a server error, every refusal as
 * RFC 9457 problem details with a Swedish title, and no refused request stores anything.
 */
class BadInputTest extends HttpCaseTest {

  static final List<String> NASTY_VALUES = List.of("' OR 1=1 --", "%", "_", ";", "'; drop table case_file; --",
      "<script>alert(1)</script>", "2026-02-30", "-1", "9".repeat(40), "x".repeat(5000));
  static final List<String> BAD_BODIES = List.of("{", "[1, 2]", "\"text\"", "42", "{}", "{\"note\": {\"nested\": [1]}}",
      "{\"version\": \"x\", \"name\": " + "[\"" + "x".repeat(300_000) + "\"]}");
  /** Words that give away an English (framework) title or detail. */
  static final Pattern ENGLISH = Pattern.compile(
      "(?i)\\b(the|request|failed|error|not found|bad|invalid|method|unsupported|required|parameter)\\b");

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {
  }

  @Test
  void everyEndpointAnswersBadBodiesWith4xxProblemsAndStoresNothing() throws Exception {
    CaseFile caseFile = activeCaseOfHttpCoach(LocalDate.of(2026, 6, 1));
    List<String> failures = new ArrayList<>();
    int probes = 0;
    for (Endpoint endpoint : endpoints()) {
      if (!takesBody(endpoint.handler())) {
        continue;
      }
      String path = fill(endpoint.pattern(), caseFile);
      for (String body : BAD_BODIES) {
        Map<String, Long> before = rowCounts();
        HttpResponse<String> response = send(endpoint.method().name(), path, HTTP_ADMIN, body);
        probes++;
        String where = endpoint.method() + " " + path + " with " + abbreviate(body);
        if (response.statusCode() < 400 || response.statusCode() >= 500) {
          failures.add(where + ": " + response.statusCode() + " " + abbreviate(response.body()));
        } else {
          checkProblem(where, response, failures);
        }
        if (!rowCounts().equals(before)) {
          failures.add(where + ": stored something");
        }
      }
    }
    assertThat(probes).as("bodies sent").isGreaterThanOrEqualTo(5 * BAD_BODIES.size());
    assertThat(failures).isEmpty();
  }

  @Test
  void everyQueryParameterAndPathVariableSurvivesNastyValues() throws Exception {
    CaseFile caseFile = activeCaseOfHttpCoach(LocalDate.of(2026, 6, 8));
    List<String> failures = new ArrayList<>();
    int probes = 0;
    for (Endpoint endpoint : endpoints()) {
      if (endpoint.method() != RequestMethod.GET) {
        continue;
      }
      List<String> urls = new ArrayList<>();
      for (String value : NASTY_VALUES) {
        for (String parameter : queryParameters(endpoint.handler())) {
          urls.add(fill(endpoint.pattern(), caseFile) + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        // A path segment cannot hold "/": Tomcat itself refuses an encoded one, before the application.
        // Nor a request line over its 8 KB limit (a long value in two path variables).
        String filled = endpoint.pattern().replaceAll("\\{[^}]+}", URLEncoder.encode(value, StandardCharsets.UTF_8)
            .replace("+", "%20"));
        if (endpoint.pattern().contains("{") && !value.contains("/") && filled.length() < 8000) {
          urls.add(filled);
        }
      }
      for (String url : urls) {
        HttpResponse<String> response = send("GET", url, HTTP_ADMIN, null);
        probes++;
        if (response.statusCode() >= 500) {
          failures.add("GET " + abbreviate(url) + ": " + response.statusCode() + " " + abbreviate(response.body()));
        } else if (response.statusCode() >= 400) {
          checkProblem("GET " + abbreviate(url), response, failures);
        }
      }
    }
    assertThat(probes).as("nasty values sent").isGreaterThanOrEqualTo(10 * NASTY_VALUES.size());
    assertThat(failures).isEmpty();
  }

  @Test
  void scriptAndSqlInFreeTextAreStoredAsTextAndComeBackAsJsonStrings() throws Exception {
    Map<String, Object> referral = newPersonReferral(LocalDate.of(2026, 6, 15));
    String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    String sql = "O'Brien; DROP TABLE case_file; -- % _";
    referral.put("reason", script);
    referral.put("lastName", sql);

    HttpResponse<String> created = send("POST", "/api/referrals", HTTP_ADMIN, referral);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = json.readTree(created.body()).path("caseNumber").asText();
    assertThat(jdbc.queryForObject("select r.reason from referral r join case_file c on c.id = r.case_id "
        + "where c.case_number = ?", String.class, caseNumber)).isEqualTo(script);
    // Written by an administrator: the access matrix lets administrators write in every case
    // (a manager reads only).
    HttpResponse<String> note = send("POST", "/api/cases/" + caseNumber + "/journal", HTTP_ADMIN,
        Map.of("text", script, "occurredOn", "2026-06-15"));
    assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
    assertThat(note.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(json.readTree(note.body()).path("text").asText()).isEqualTo(script);
  }

  @Test
  void impossibleReferralDatesAreRefused() throws Exception {
    for (String day : List.of("2026-02-30", "2026-13-01", "1800-01-01", LocalDate.now().plusYears(1).toString(), "i morgon")) {
      Map<String, Object> referral = newPersonReferral(LocalDate.of(2026, 6, 22));
      referral.put("referredOn", day);
      Map<String, Long> before = rowCounts();

      HttpResponse<String> response = send("POST", "/api/referrals", HTTP_ADMIN, referral);

      assertThat(response.statusCode()).as(day + ": " + response.body()).isEqualTo(400);
      List<String> failures = new ArrayList<>();
      checkProblem(day, response, failures);
      assertThat(failures).isEmpty();
      assertThat(rowCounts()).isEqualTo(before);
    }
  }

  @Test
  void badTaskFormsThroughTheEngineRestApiAreRefusedInSwedishAndStoreNothing() throws Exception {
    LocalDate started = LocalDate.of(2026, 6, 29);
    CaseFile caseFile = referOn(started.minusDays(10));
    Map<String, Object> acceptance = acceptance(started.minusDays(7));
    acceptance.put("coach", HTTP_COACH);
    completeOn(started.minusDays(7), caseFile, "decideIntake", WORKING_GROUP_MEMBER, acceptance);
    clockAt(started, MORNING);
    String taskId = task(caseFile, "startParticipation").getId();
    Map<String, Map<String, Object>> refusals = new LinkedHashMap<>();
    refusals.put("församtal före remissen", Map.of("firstMeetingOn", started.minusDays(11).toString()));
    refusals.put("omöjligt datum", Map.of("startedOn", "2026-02-30"));
    refusals.put("fel typ", Map.of("startedOn", 42));
    refusals.put("okänd kod med skript", Map.of("consentParties", "[\"<script>alert(1)</script>\"]"));
    refusals.put("för lång text", Map.of("mappingSummary", "x".repeat(100_000)));
    refusals.put("SQL i kodfält", Map.of("outcome", "' OR 1=1 --"));
    for (var refusal : refusals.entrySet()) {
      Map<String, Object> form = participationStart(started);
      form.putAll(refusal.getValue());
      Map<String, Long> before = rowCounts();

      HttpResponse<String> response = submitTaskForm(taskId, HTTP_COACH, form);

      assertThat(response.statusCode()).as(refusal.getKey() + ": " + abbreviate(response.body())).isEqualTo(400);
      String message = json.readTree(response.body()).path("message").asText();
      assertThat(ENGLISH.matcher(message).find()).as(refusal.getKey() + ": " + message).isFalse();
      assertThat(rowCounts()).as(refusal.getKey()).isEqualTo(before);
      assertThat(task(caseFile, "startParticipation")).as("the task stays open").isNotNull();
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      var info = entry.getKey();
      if (info.getPathPatternsCondition() == null) {
        continue;
      }
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        if (pattern.startsWith("/api/")) {
          for (RequestMethod method : info.getMethodsCondition().getMethods()) {
            endpoints.add(new Endpoint(method, pattern, entry.getValue()));
          }
        }
      }
    }
    assertThat(endpoints).as("the API's endpoints").hasSizeGreaterThan(10);
    return endpoints;
  }

  private static boolean takesBody(HandlerMethod handler) {
    for (MethodParameter parameter : handler.getMethodParameters()) {
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        return true;
      }
    }
    return false;
  }

  /** @RequestParam names, and the fields of a query record bound from the parameters. */
  private static List<String> queryParameters(HandlerMethod handler) {
    List<String> names = new ArrayList<>();
    for (MethodParameter parameter : handler.getMethodParameters()) {
      parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param != null) {
        names.add(!param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
            : parameter.getParameterName());
      } else if (parameter.getParameterType().isRecord() && parameter.getParameterAnnotations().length == 0) {
        for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
          names.add(component.getName());
        }
      }
    }
    return names;
  }

  private String fill(String pattern, CaseFile caseFile) {
    String taskId = taskService.createTaskQuery().processInstanceId(caseFile.getProcessInstanceId()).list().get(0).getId();
    return pattern.replace("{caseNumber}", caseFile.getCaseNumber()).replace("{taskId}", taskId)
        .replaceAll("\\{[^}]+}", "1");
  }

  private void checkProblem(String where, HttpResponse<String> response, List<String> failures) throws Exception {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      failures.add(where + ": Content-Type " + type);
      return;
    }
    JsonNode problem = json.readTree(response.body());
    String title = problem.path("title").asText();
    String detail = problem.path("detail").asText();
    if (problem.path("status").asInt() != response.statusCode() || title.isBlank() || detail.isBlank()
        || title.equals(HttpStatus.valueOf(response.statusCode()).getReasonPhrase())
        || ENGLISH.matcher(title).find() || ENGLISH.matcher(detail).find()) {
      failures.add(where + ": not a Swedish problem: " + abbreviate(response.body()));
    }
  }

  /** Rows in every table of the schema, the engine's included. */
  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables "
        + "where lower(table_schema) = lower(current_schema) and lower(table_type) in ('table', 'base table') "
        + "order by table_name", String.class)) {
      counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    return counts;
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
