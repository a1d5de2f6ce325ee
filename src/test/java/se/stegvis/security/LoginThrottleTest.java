package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stegvis.identity.Groups;
import se.stegvis.support.CaseProcessTest;
import se.stegvis.support.TestHttp;

/**
 * Password guessing is slowed down on every door that checks a password: after five failures for
 * a user (or twenty from one address) within 15 minutes, even the right password gets 429 with a
 * Swedish message for 15 minutes. Each test comes from its own client address (X-Forwarded-For
 * from the local proxy), so the other tests' logins from localhost are not counted.
 */
// The test stands in for a proxy on loopback that forwards each client's address.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "STEGVIS_TRUSTED_PROXIES=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
@DisplayName("Inloggning: för många felaktiga lösenord spärrar i 15 minuter")
class LoginThrottleTest extends CaseProcessTest {

  static final String PASSWORD = "Rätt-lösen-2026";
  private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

  @LocalServerPort int port;
  TestHttp http;
  String address;

  @BeforeEach
  void client() {
    http = new TestHttp(port);
    address = "203.0.113." + ADDRESSES.incrementAndGet();
  }

  private String user(String userId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      var user = identityService.newUser(userId);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      if (identityService.createGroupQuery().groupId(Groups.COACHES).count() == 0) {
        identityService.saveGroup(identityService.newGroup(Groups.COACHES));
      }
      identityService.createMembership(userId, Groups.COACHES);
    }
    return userId;
  }

  private HttpResponse<String> basic(String path, String userId, String password) {
    return http.send(http.request(path).header("Authorization", TestHttp.basic(userId, password))
        .header("X-Forwarded-For", address).header("Accept", "application/json"));
  }

  private HttpResponse<String> webappLogin(String userId, String password) {
    TestHttp browser = new TestHttp(port);
    browser.send(browser.request("/camunda/app/tasklist/").header("X-Forwarded-For", address));
    return browser.send(browser.withCsrf(browser.request("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + userId + "&password=" + password)));
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.body()).containsPattern("För många misslyckade inloggningsförsök\\. Försök igen om 1[45] minuter\\.");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  @DisplayName("fem fel lösenord via HTTP Basic: även rätt lösenord nekas med 429 på alla vägar, efter 15 minuter går det igen")
  void fiveWrongPasswordsLockTheUserEverywhere() {
    String userId = user("tore");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(basic("/api/workplaces/codes", userId, "gissning-" + attempt).statusCode()).isEqualTo(401);
    }
    assertRefused(basic("/api/workplaces/codes", userId, PASSWORD));
    assertRefused(basic("/engine-rest/task", userId, PASSWORD));
    assertRefused(webappLogin(userId, PASSWORD));

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(16))));
    assertThat(basic("/api/workplaces/codes", userId, PASSWORD).statusCode()).isEqualTo(200);
  }

  /**
   * The engine's own guard also delays a user's next password check after a failure (3 s doubling,
   * at most 60 s); the right password is tried after that delay, well within our window.
   */
  private static void afterTheEnginesOwnDelay() {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofSeconds(61))));
  }

  @Test
  @DisplayName("fel lösenord i webbappens inloggning räknas också; fyra fel och sedan rätt nollställer")
  void webappLoginFailuresCountAndSuccessResets() {
    String userId = user("tilda");
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(webappLogin(userId, "gissning-" + attempt).statusCode()).isEqualTo(401);
    }
    afterTheEnginesOwnDelay();
    assertThat(webappLogin(userId, PASSWORD).statusCode()).isEqualTo(200);
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(webappLogin(userId, "gissning-" + attempt).statusCode()).isEqualTo(401);
    }
    afterTheEnginesOwnDelay();
    assertThat(basic("/engine-rest/task", userId, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(basic("/engine-rest/task", userId, "gissning-5").statusCode()).isEqualTo(401);
    for (int attempt = 6; attempt <= 9; attempt++) {
      assertThat(webappLogin(userId, "gissning-" + attempt).statusCode()).isEqualTo(401);
    }
    afterTheEnginesOwnDelay();
    assertRefused(webappLogin(userId, PASSWORD));
  }

  @Test
  @DisplayName("tjugo fel från en adress spärrar adressen för alla användare, inte användaren från en annan adress")
  void manyFailuresFromOneAddressLockTheAddress() {
    for (int attempt = 1; attempt <= 20; attempt++) {
      assertThat(basic("/engine-rest/task", "okand-" + attempt, "gissning").statusCode()).isEqualTo(401);
    }
    String userId = user("tyra");
    assertRefused(basic("/engine-rest/task", userId, PASSWORD));
    address = "203.0.113." + ADDRESSES.incrementAndGet();
    assertThat(basic("/engine-rest/task", userId, PASSWORD).statusCode()).isEqualTo(200);
  }
}
