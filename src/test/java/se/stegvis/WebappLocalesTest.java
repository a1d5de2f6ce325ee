package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cockpit and Admin speak Swedish through their own locales/sv.json (English only as the fallback
 * for texts Stegvis's use never shows) and load the shared webapp chrome. The pages themselves, with
 * axe-core and the English-word check, are walked by {@link BrowserTest}.
 */
class WebappLocalesTest {

  static final String APPS = "META-INF/resources/webjars/camunda/app/";

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin"})
  void swedishLocaleUsesCamundasKeysAndPlaceholders(String app) throws IOException {
    Map<String, String> english = BrowserTest.leaves(BrowserTest.readResource(APPS + app + "/locales/en.json"));
    Map<String, String> swedish = BrowserTest.leaves(BrowserTest.readResource(APPS + app + "/locales/sv.json"));

    assertThat(english.keySet()).as("keys of %s sv.json against Camunda's en.json", app).containsAll(swedish.keySet());
    assertThat(swedish.keySet()).as("moment's Swedish dates").contains("/dateLocales/months[12]", "/dateLocales/week/dow");
    for (var entry : swedish.entrySet()) {
      assertThat(BrowserTest.placeholders(entry.getValue())).as("placeholders of %s", entry.getKey())
          .isEqualTo(BrowserTest.placeholders(english.get(entry.getKey())));
      if (!english.get(entry.getKey()).isBlank()) {
        assertThat(entry.getValue()).as("translation of %s", entry.getKey()).isNotBlank();
      }
    }
    assertThat(swedish).containsEntry("/labels/PAGE_LOGIN_USERNAME", "Användarnamn")
        .containsEntry("/labels/PAGE_LOGIN_PASSWORD", "Lösenord");
  }

  @Test
  void cockpitSaysInSwedishWhatAManagerMeets() throws IOException {
    Map<String, String> swedish = BrowserTest.leaves(BrowserTest.readResource(APPS + "cockpit/locales/sv.json"));
    assertThat(swedish).containsEntry("/labels/COCKPIT_PROCESSES", "Processer")
        .containsEntry("/labels/DASHBOARD_RUNNING_PROCESS_INSTANCE", "Pågående processinstanser")
        .containsEntry("/labels/PLUGIN_INCIDENTS_LABEL", "Incidenter")
        .containsEntry("/labels/REPOSITORY_CONTROLLER_CAM_BREAD_CRUMB", "Driftsättningar");
  }

  @Test
  void adminSaysInSwedishWhatAnAdministratorMeets() throws IOException {
    Map<String, String> swedish = BrowserTest.leaves(BrowserTest.readResource(APPS + "admin/locales/sv.json"));
    assertThat(swedish).containsEntry("/labels/USERS_USERS", "Användare")
        .containsEntry("/labels/GROUPS_LIST_GROUPS", "Grupper")
        .containsEntry("/labels/AUTHORIZATION_AUTHORIZATIONS", "Behörigheter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void everyWebappChoosesSwedishAndLoadsTheSharedChrome(String app) throws IOException {
    String config = text(APPS + app + "/scripts/config.js");
    assertThat(config).contains("availableLocales: ['sv', 'en']").contains("'../../../stegvis/webapp-chrome.js'");
  }

  @Test
  void theEndOfLifeBannerIsHidden() throws IOException {
    assertThat(text("static/stegvis/webapp-chrome.css")).contains(".ce-eol-banner { display: none !important; }");
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("classpath resource %s", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
