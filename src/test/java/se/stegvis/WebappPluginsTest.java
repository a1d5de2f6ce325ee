package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Stegvis plugins of Cockpit ("Försenade steg") and Tasklist ("Ärende", the header link
 * "Praktikplatser") are served: the application's scripts/config.js replaces the webjar's, and every
 * module it names, with its stylesheet, answers under /camunda/app/. The registry of workplaces the
 * header link opens is a static page of the application.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappPluginsTest {

  private static final Pattern SCRIPT_ENTRY = Pattern.compile("'([^']+)'");
  private static final Pattern CUSTOM_SCRIPTS = Pattern.compile("customScripts:\\s*\\[([^\\]]*)\\]");

  @Autowired TestRestTemplate http;

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "cockpit, scripts/stegvis-overdue.js, cockpit.dashboard, scripts/stegvis-overdue.css",
      "cockpit, scripts/stegvis-report.js, cockpit.route, ",
      "tasklist, scripts/stegvis-case.js, tasklist.task.detail, scripts/stegvis-case.css",
      "tasklist, scripts/stegvis-navbar.js, tasklist.navbar.action, ",
      "tasklist, scripts/stegvis-caseload.js, tasklist.navbar.action, ",
      "tasklist, scripts/stegvis-search.js, tasklist.navbar.action, ",
      "tasklist, scripts/stegvis-card.js, tasklist.card, scripts/stegvis-card.css"})
  @DisplayName("config.js names the plugin, and the plugin and its stylesheet (if any) are served")
  void pluginIsServed(String app, String module, String pluginPoint, String stylesheet) {
    String base = "/camunda/app/" + app + "/";

    ResponseEntity<String> config = http.getForEntity(base + "scripts/config.js", String.class);
    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(config.getHeaders().getContentType()).asString().startsWith("text/javascript");
    assertThat(customScripts(config.getBody())).contains(module);

    ResponseEntity<String> plugin = http.getForEntity(base + module, String.class);
    assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plugin.getHeaders().getContentType()).asString().startsWith("text/javascript");
    assertThat(plugin.getBody()).contains("export default", "pluginPoint: '" + pluginPoint + "'");
    // User data goes into the page as text only.
    assertThat(plugin.getBody()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");

    if (stylesheet != null) {
      ResponseEntity<String> css = http.getForEntity(base + stylesheet, String.class);
      assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(css.getHeaders().getContentType()).asString().startsWith("text/css");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "praktikplatser.html, text/html, <title>Praktikplatser</title>",
      "praktikplatser.js, text/javascript, /api/",
      "praktikplatser.css, text/css, .workplaces",
      "stegvis.js, text/javascript, export function el",
      "loggranskning.html, text/html, <title>Loggranskning</title>",
      "loggranskning.js, text/javascript, /api/audit/",
      "rapport.html, text/html, <title>Rapport till styrgrupp</title>",
      "rapport.js, text/javascript, renderReport",
      "report.js, text/javascript, /api/reports/steering-group.xlsx",
      "report-controls.js, text/javascript, /api/reports/projects",
      "report.css, text/css, @media print",
      "header-search.js, text/javascript, deltagare.html",
      "header-search.css, text/css, .stegvis-header-search"})
  @DisplayName("The registry of workplaces, the log review and the report pages are served without logging in")
  void workplaceRegistryIsServed(String file, String contentType, String content) {
    ResponseEntity<String> page = http.getForEntity("/stegvis/" + file, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType()).asString().startsWith(contentType);
    assertThat(page.getBody()).contains(content);
    // Data from the API goes into the page as text only; no resources from elsewhere.
    // (The SVG namespace of the report's charts is a name, not a resource.)
    assertThat(page.getBody().replace("'http://www.w3.org/2000/svg'", "")).doesNotContain("innerHTML", "outerHTML",
        "insertAdjacentHTML", "document.write", "http://", "https://");
  }

  @Test
  @DisplayName("\"Sök deltagare\" in Cockpit's header and on the printable report, as in Tasklist's and on every Stegvis page")
  void headerSearchInCockpitAndTheReport() {
    String config = http.getForObject("/camunda/app/cockpit/scripts/config.js", String.class);
    assertThat(customScripts(config)).contains("scripts/stegvis-search.js");
    ResponseEntity<String> module = http.getForEntity("/camunda/app/cockpit/scripts/stegvis-search.js", String.class);
    assertThat(module.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(module.getBody()).contains("searchForm", "export default").doesNotContain("innerHTML");
    String report = http.getForObject("/stegvis/rapport.html", String.class);
    assertThat(report).contains("role=\"search\"", "action=\"deltagare.html\"", ">Sök deltagare</label>");
  }

  @Test
  @DisplayName("Tasklist's header link points at the registry of workplaces")
  void navbarLinksToWorkplaceRegistry() {
    String plugin = http.getForObject("/camunda/app/tasklist/scripts/stegvis-navbar.js", String.class);
    assertThat(plugin).contains("'/stegvis/praktikplatser.html'", "Praktikplatser");
  }

  @Test
  @DisplayName("Tasklist offers Swedish first and falls back to English")
  void tasklistLocales() {
    String config = http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
    assertThat(config).containsPattern("availableLocales:\\s*\\['sv',\\s*'en'\\]")
        .containsPattern("fallbackLocale:\\s*'en'");
  }

  private static List<String> customScripts(String config) {
    Matcher list = CUSTOM_SCRIPTS.matcher(config);
    assertThat(list.find()).as("customScripts in config.js").isTrue();
    List<String> entries = new ArrayList<>();
    Matcher entry = SCRIPT_ENTRY.matcher(list.group(1));
    while (entry.find()) {
      entries.add(entry.group(1));
    }
    return entries;
  }
}
