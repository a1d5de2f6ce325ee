package se.stegvis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The report endpoints over real HTTP with Basic auth: the JSON of the tables, refusals, and who sees what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Rapport-API: tabellerna som JSON över HTTP")
class ReportApiTest extends ReportFixture {

  static final String PASSWORD = "Rapport-2032-hemligt";
  static final String MANAGER = "rapportchef";
  static final String OTHER_MANAGER = "rapportchefb";
  static final String HALF_YEAR = "from=2032-01-01&to=2032-06-30";

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void managersWithPasswords() {
    for (var member : Map.of(MANAGER, MANAGERS, OTHER_MANAGER, OTHER_MANAGERS).entrySet()) {
      if (identityService.createGroupQuery().groupId(member.getValue()).count() == 0) {
        identityService.saveGroup(identityService.newGroup(member.getValue()));
      }
      if (identityService.createUserQuery().userId(member.getKey()).count() == 0) {
        var user = identityService.newUser(member.getKey());
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(member.getKey(), member.getValue());
      }
    }
  }

  @Test
  @DisplayName("remisser per part som JSON för projektets chef")
  void referralsAsJson() throws Exception {
    HttpResponse<String> response = get("/api/reports/referrals?project=RAPPORT&" + HALF_YEAR, MANAGER);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    JsonNode table = json.readTree(response.body());
    assertThat(table.path("project").asText()).isEqualTo("RAPPORT");
    assertThat(table.path("from").asText()).isEqualTo("2032-01-01");
    assertThat(table.path("to").asText()).isEqualTo("2032-06-30");
    assertThat(table.path("rows")).hasSize(4);
    JsonNode soc = table.path("rows").get(0);
    assertThat(json.convertValue(soc, Map.class)).isEqualTo(Map.of("party", "SOC", "label", "Socialtjänsten",
        "referred", 3, "accepted", 2, "notTargetGroup", 0, "otherMeasureFirst", 0, "withdrawn", 1, "undecided", 0));
    assertThat(table.path("total").path("party").isNull()).isTrue();
    assertThat(table.path("total").path("label").asText()).isEqualTo("Totalt");
    assertThat(table.path("total").path("referred").asInt()).isEqualTo(8);
    assertThat(table.path("total").path("undecided").asInt()).isEqualTo(2);
  }

  @Test
  @DisplayName("alla tabeller svarar; deltagare, väntetider, tidsfrister och nationell tabell har sina fält")
  void everyTable() throws Exception {
    atReportTime();
    JsonNode participants = ok("/api/reports/participants?project=RAPPORT&" + HALF_YEAR, MANAGER);
    JsonNode referred = participants.path("rows").get(0);
    assertThat(referred.path("measure").asText()).isEqualTo("REFERRED");
    assertThat(referred.path("total").asInt()).isEqualTo(8);
    assertThat(referred.path("byGender").path("MAN").asInt()).isEqualTo(4);
    assertThat(referred.path("byAgeBand").path("A18_24").asInt()).isEqualTo(2);
    assertThat(referred.path("byAgeBand").path("UNKNOWN").asInt()).isEqualTo(1);
    assertThat(participants.path("ageBands").get(1).path("label").asText()).isEqualTo("18–24");
    assertThat(participants.path("planned").get(0).path("forPeriod").decimalValue()).isEqualByComparingTo("6.0");
    assertThat(participants.path("planned").get(0).path("startedPercent").decimalValue())
        .isEqualByComparingTo("50.3");

    JsonNode waiting = ok("/api/reports/waiting-times?project=RAPPORT&" + HALF_YEAR, MANAGER).path("rows").get(0);
    assertThat(waiting.path("count").asInt()).isEqualTo(7);
    assertThat(waiting.path("medianDays").decimalValue()).isEqualByComparingTo("9");
    assertThat(waiting.path("p90Days").asInt()).isEqualTo(19);

    JsonNode deadlines = ok("/api/reports/deadlines?project=RAPPORT&" + HALF_YEAR, MANAGER);
    assertThat(deadlines.path("rows").get(0).path("label").asText()).isEqualTo("Beslut om insats (14 dagar)");
    assertThat(deadlines.path("total").path("onTimePercent").decimalValue()).isEqualByComparingTo("50.0");

    JsonNode national = ok("/api/reports/national-follow-up?" + HALF_YEAR, MANAGER).path("rows");
    assertThat(national).hasSize(1);
    assertThat(json.convertValue(national.get(0), Map.class)).isEqualTo(Map.of("year", 2032, "project", "RAPPORT",
        "name", "Rapportprojektet", "women", 3, "men", 1, "other", 1, "total", 5));
  }

  @Test
  @DisplayName("anonym 401, okänd insats 404, bakvänd period 400, en annan insats chef ser inget")
  void refusalsAndStrangers() throws Exception {
    assertThat(get("/api/reports/referrals?" + HALF_YEAR, null).statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = get("/api/reports/referrals?project=FINNSINTE&" + HALF_YEAR, MANAGER);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).path("detail").asText()).isEqualTo("Insatsen \"FINNSINTE\" finns inte.");
    HttpResponse<String> backwards = get("/api/reports/referrals?from=2032-06-30&to=2032-01-01", MANAGER);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(json.readTree(backwards.body()).path("errors").get(0).asText())
        .isEqualTo("Period: slutdatum kan inte vara före startdatum.");

    JsonNode stranger = ok("/api/reports/referrals?project=RAPPORT&" + HALF_YEAR, OTHER_MANAGER);
    assertThat(stranger.path("total").path("referred").asInt()).isZero();
    JsonNode own = ok("/api/reports/referrals?" + HALF_YEAR, OTHER_MANAGER);
    assertThat(own.path("total").path("referred").asInt()).isEqualTo(1);
    assertThat(own.path("total").path("accepted").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("utan period: innevarande kalenderår")
  void defaultPeriodIsThisYear() throws Exception {
    clockAt(day(2032, 5, 5), NOON);
    JsonNode table = ok("/api/reports/referrals?project=RAPPORT", MANAGER);
    assertThat(table.path("from").asText()).isEqualTo("2032-01-01");
    assertThat(table.path("to").asText()).isEqualTo("2032-12-31");
    assertThat(table.path("total").path("referred").asInt()).isEqualTo(8);
  }

  @Test
  @DisplayName("styrgruppsrapporten: alla tabeller i samma form, samma siffror som de typade tabellerna")
  void steeringGroupReport() throws Exception {
    atReportTime();
    JsonNode report = ok("/api/reports/steering-group?project=RAPPORT&" + HALF_YEAR, MANAGER);
    assertThat(report.path("project").asText()).isEqualTo("RAPPORT");
    assertThat(report.path("projectName").asText()).isEqualTo("Rapportprojektet");
    assertThat(report.path("from").asText()).isEqualTo("2032-01-01");
    assertThat(report.path("to").asText()).isEqualTo("2032-06-30");
    assertThat(report.path("generatedAt").asText()).isEqualTo("2032-06-30T10:00:00Z");
    assertThat(report.path("tables").findValuesAsText("id")).containsExactly(STEERING_GROUP_TABLES);

    JsonNode referrals = table(report, "referrals");
    assertThat(referrals.path("title").asText()).isEqualTo("Remisser per remitterande part");
    assertThat(referrals.path("columns").get(1).toString())
        .isEqualTo("{\"key\":\"referred\",\"label\":\"Remitterade\",\"type\":\"count\"}");
    assertThat(referrals.path("chart").path("type").asText()).isEqualTo("stackedBar");
    JsonNode typed = ok("/api/reports/referrals?project=RAPPORT&" + HALF_YEAR, MANAGER);
    List<JsonNode> typedRows = new java.util.ArrayList<>();
    typed.path("rows").forEach(typedRows::add);
    typedRows.add(typed.path("total"));
    assertThat(referrals.path("rows")).hasSize(typedRows.size());
    for (int i = 0; i < typedRows.size(); i++) {
      JsonNode generic = referrals.path("rows").get(i);
      assertThat(generic.path("party").asText()).isEqualTo(typedRows.get(i).path("label").asText());
      for (String key : List.of("referred", "accepted", "notTargetGroup", "otherMeasureFirst", "withdrawn",
          "undecided")) {
        assertThat(generic.path(key).asLong()).as(key + " row " + i).isEqualTo(typedRows.get(i).path(key).asLong());
      }
    }
    JsonNode participants = table(report, "participants");
    assertThat(json.convertValue(participants.path("rows").get(0), Map.class)).containsEntry("measure", "Remitterade")
        .containsEntry("total", 8).containsEntry("MAN", 4).containsEntry("A18_24", 2).containsEntry("UNKNOWN", 1);
    assertThat(table(report, "deadlines").path("rows").get(9).path("onTimePercent").decimalValue())
        .isEqualByComparingTo("50.0");
    assertThat(table(report, "waiting-times").path("rows").get(0).path("medianDays").decimalValue())
        .isEqualByComparingTo("9");
    assertThat(table(report, "national-follow-up").path("rows").get(0).path("total").asInt()).isEqualTo(5);

    JsonNode all = ok("/api/reports/steering-group?" + HALF_YEAR, MANAGER);
    assertThat(all.path("project").isNull()).isTrue();
    assertThat(all.path("projectName").asText()).isEqualTo("Alla insatser");
    assertThat(get("/api/reports/steering-group?project=FINNSINTE&" + HALF_YEAR, MANAGER).statusCode())
        .isEqualTo(404);
    assertThat(get("/api/reports/steering-group?from=2032-06-30&to=2032-01-01", MANAGER).statusCode())
        .isEqualTo(400);

    JsonNode stranger = ok("/api/reports/steering-group?project=RAPPORT&" + HALF_YEAR, OTHER_MANAGER);
    assertThat(stranger.path("tables").findValuesAsText("id")).containsExactly(STEERING_GROUP_TABLES);
    for (JsonNode t : stranger.path("tables")) {
      for (JsonNode column : t.path("columns")) {
        if (column.path("type").asText().equals("count")) {
          for (JsonNode row : t.path("rows")) {
            assertThat(row.path(column.path("key").asText()).asLong())
                .as(t.path("id").asText() + "." + column.path("key").asText()).isZero();
          }
        }
      }
    }
    assertThat(table(stranger, "planned").path("rows")).isEmpty();
    assertThat(table(stranger, "national-follow-up").path("rows")).isEmpty();
  }

  @Test
  @DisplayName("export: XLSX och CSV läses tillbaka till exakt samma siffror som rapporten")
  void exportsParseBackToTheSameFigures() throws Exception {
    atReportTime();
    String query = "project=RAPPORT&" + HALF_YEAR;
    JsonNode report = ok("/api/reports/steering-group?" + query, MANAGER);
    List<JsonNode> tables = new java.util.ArrayList<>();
    report.path("tables").forEach(tables::add);

    HttpResponse<byte[]> xlsx = download("/api/reports/steering-group.xlsx?" + query, MANAGER);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValue(
        "attachment; filename=\"styrgruppsrapport-RAPPORT-2032-01-01-2032-06-30.xlsx\"");
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(tables.size() + 1);
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Rapport: Rapportprojektet");
      for (int t = 0; t < tables.size(); t++) {
        JsonNode table = tables.get(t);
        var sheet = workbook.getSheetAt(t + 1);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(table.path("title").asText());
        JsonNode columns = table.path("columns");
        var header = sheet.getRow(ReportExport.XLSX_HEADER_ROW);
        for (int c = 0; c < columns.size(); c++) {
          assertThat(header.getCell(c).getStringCellValue()).isEqualTo(columns.get(c).path("label").asText());
        }
        assertThat(sheet.getLastRowNum() - ReportExport.XLSX_HEADER_ROW).as(table.path("id").asText())
            .isEqualTo(table.path("rows").size());
        for (int r = 0; r < table.path("rows").size(); r++) {
          var row = sheet.getRow(ReportExport.XLSX_HEADER_ROW + 1 + r);
          for (int c = 0; c < columns.size(); c++) {
            JsonNode expected = table.path("rows").get(r).path(columns.get(c).path("key").asText());
            var cell = row.getCell(c);
            String where = table.path("id").asText() + " row " + r + " column " + c;
            if (expected.isNull()) {
              assertThat(cell).as(where).isNull();
            } else if (expected.isNumber()) {
              assertThat(java.math.BigDecimal.valueOf(cell.getNumericCellValue())).as(where)
                  .isEqualByComparingTo(expected.decimalValue());
            } else {
              assertThat(cell.getStringCellValue()).as(where).isEqualTo(expected.asText());
            }
          }
        }
      }
    }

    for (JsonNode table : tables) {
      String id = table.path("id").asText();
      HttpResponse<byte[]> csv = download("/api/reports/steering-group/" + id + ".csv?" + query, MANAGER);
      assertThat(csv.statusCode()).as(id).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
      String text = new String(csv.body(), StandardCharsets.UTF_8);
      assertThat(text).as("byte order mark for Excel").startsWith("\uFEFF");
      List<List<String>> lines = parseCsv(text.substring(1));
      JsonNode columns = table.path("columns");
      assertThat(lines.get(0)).as(id).isEqualTo(
          java.util.stream.StreamSupport.stream(columns.spliterator(), false).map(c -> c.path("label").asText()).toList());
      assertThat(lines).as(id).hasSize(table.path("rows").size() + 1);
      for (int r = 0; r < table.path("rows").size(); r++) {
        for (int c = 0; c < columns.size(); c++) {
          JsonNode expected = table.path("rows").get(r).path(columns.get(c).path("key").asText());
          String field = lines.get(r + 1).get(c);
          String where = id + " row " + r + " column " + c;
          if (expected.isNull()) {
            assertThat(field).as(where).isEmpty();
          } else if (expected.isNumber()) {
            assertThat(new java.math.BigDecimal(field.replace(',', '.'))).as(where)
                .isEqualByComparingTo(expected.decimalValue());
          } else {
            assertThat(field).as(where).isEqualTo(expected.asText());
          }
        }
      }
    }

    HttpResponse<byte[]> unknown = download("/api/reports/steering-group/finnsinte.csv?" + query, MANAGER);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).path("detail").asText())
        .isEqualTo("Rapporten har ingen tabell \"finnsinte\".");
    assertThat(download("/api/reports/steering-group.xlsx?" + query, null).statusCode()).isEqualTo(401);
    String strangers = new String(download("/api/reports/steering-group/referrals.csv?" + query, OTHER_MANAGER).body(),
        StandardCharsets.UTF_8);
    assertThat(parseCsv(strangers.substring(1))).last().isEqualTo(List.of("Totalt", "0", "0", "0", "0", "0", "0"));
  }

  @Test
  @DisplayName("rapportens insatser: chefen ser sina, administratören alla")
  void projectsToReportOn() throws Exception {
    assertThat(ok("/api/reports/projects", MANAGER).findValuesAsText("code")).containsExactly(PROJECT);
    assertThat(ok("/api/reports/projects", OTHER_MANAGER).findValuesAsText("code")).containsExactly(OTHER_PROJECT);
  }

  /** CSV as Swedish Excel writes it: semicolons, quotes doubled inside quoted fields, CRLF. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> lines = new java.util.ArrayList<>();
    List<String> fields = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ';') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        lines.add(fields);
        fields = new java.util.ArrayList<>();
        i++;
      } else {
        field.append(ch);
      }
    }
    return lines;
  }

  @Test
  @DisplayName("deltagarexport: pseudonymer, inga personnummer, namn, kontaktuppgifter eller fritexter; främlingar ser inga rader")
  void participantExport() throws Exception {
    atReportTime();
    HttpResponse<String> response = get("/api/reports/participant-export?project=RAPPORT&" + HALF_YEAR, MANAGER);
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    JsonNode report = json.readTree(body);
    assertThat(report.path("projectName").asText()).isEqualTo("Rapportprojektet");
    assertThat(report.path("tables").findValuesAsText("id")).containsExactly("participant-export");
    JsonNode export = table(report, "participant-export");
    // A (exited on from), B, C, D, E, F, G, H, I, J, K; not L (exited the day before from).
    assertThat(export.path("rows")).hasSize(11);
    List<String> pseudonyms = new java.util.ArrayList<>();
    Map<String, Integer> genders = new java.util.TreeMap<>();
    for (JsonNode row : export.path("rows")) {
      pseudonyms.add(row.path("pseudonym").asText());
      genders.merge(row.path("gender").asText(), 1, Integer::sum);
    }
    assertThat(pseudonyms).containsExactlyInAnyOrder("D0001", "D0002", "D0003", "D0004", "D0005", "D0006", "D0007",
        "D0008", "D0009", "D0010", "D0011");
    assertThat(genders).isEqualTo(Map.of("WOMAN", 5, "MAN", 4, "OTHER", 1, "NOT_STATED", 1));
    assertThat(export.path("columns").findValuesAsText("key")).contains("exit_surveyQualityOfLife",
        "followUp_surveyRating").doesNotContain("identityNumber", "firstName", "lastName", "caseNumber", "caseId");

    List<String> secrets = new java.util.ArrayList<>();
    for (Map<String, Object> person : jdbc.queryForList(
        "select identity_number, first_name, last_name, phone, email from participant")) {
      person.values().stream().filter(java.util.Objects::nonNull).map(Object::toString).forEach(secrets::add);
      String digits = String.valueOf(person.get("identity_number")).replaceAll("[^0-9]", "");
      if (digits.length() == 12) {
        secrets.add(digits);
        secrets.add(digits.substring(2));
        secrets.add(digits.substring(2, 8) + "-" + digits.substring(8));
      }
    }
    for (String table : List.of("select referrer_name, referrer_email, referrer_phone, reason from referral",
        "select next_step from case_exit", "select note from follow_up where note is not null",
        "select case_number from case_file")) {
      jdbc.queryForList(table).forEach(row -> row.values().stream().filter(java.util.Objects::nonNull)
          .map(Object::toString).forEach(secrets::add));
    }
    assertThat(secrets).hasSizeGreaterThan(50);
    for (String secret : secrets) {
      assertThat(body).as("personal data in the export").doesNotContain(secret);
    }

    String csv = new String(download("/api/reports/participant-export.csv?project=RAPPORT&" + HALF_YEAR, MANAGER)
        .body(), StandardCharsets.UTF_8);
    List<List<String>> lines = parseCsv(csv.substring(1));
    assertThat(lines).hasSize(12);
    // Pseudonyms are drawn anew for every export and are distinct within it.
    assertThat(lines.stream().skip(1).map(l -> l.get(0)).distinct().toList()).hasSize(11)
        .allSatisfy(p -> assertThat(p).matches("D\\d{4}"));
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
        download("/api/reports/participant-export.xlsx?project=RAPPORT&" + HALF_YEAR, MANAGER).body()))) {
      assertThat(workbook.getSheetAt(1).getLastRowNum() - ReportExport.XLSX_HEADER_ROW).isEqualTo(11);
      var text = new StringBuilder();
      workbook.getSheetAt(1).forEach(row -> row.forEach(cell -> text.append(cell).append('|')));
      for (String secret : secrets) {
        assertThat(csv).as("personal data in the CSV export").doesNotContain(secret);
        assertThat(text.toString()).as("personal data in the XLSX export").doesNotContain(secret);
      }
    }

    JsonNode stranger = ok("/api/reports/participant-export?project=RAPPORT&" + HALF_YEAR, OTHER_MANAGER);
    assertThat(table(stranger, "participant-export").path("rows")).isEmpty();
    assertThat(table(ok("/api/reports/participant-export?" + HALF_YEAR, OTHER_MANAGER), "participant-export")
        .path("rows")).hasSize(1);
    assertThat(get("/api/reports/participant-export?project=FINNSINTE&" + HALF_YEAR, MANAGER).statusCode())
        .isEqualTo(404);
    assertThat(get("/api/reports/participant-export?" + HALF_YEAR, null).statusCode()).isEqualTo(401);
  }

  static final String[] STEERING_GROUP_TABLES = {"participants", "planned", "referrals", "waiting-times",
      "time-in-support", "deadlines", "documentation-lag", "placements", "exits", "work-or-studies", "income-transition",
      "follow-up-status", "follow-up-income", "survey-exit", "survey-follow-up", "goals", "national-follow-up"};

  static JsonNode table(JsonNode report, String id) {
    for (JsonNode table : report.path("tables")) {
      if (table.path("id").asText().equals(id)) {
        return table;
      }
    }
    throw new AssertionError("no table " + id);
  }

  private JsonNode ok(String path, String user) throws Exception {
    HttpResponse<String> response = get(path, user);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> download(String path, String user) throws Exception {
    return http.send(request(path, user), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest request(String path, String user) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Requested-With", "XMLHttpRequest").GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }
}
