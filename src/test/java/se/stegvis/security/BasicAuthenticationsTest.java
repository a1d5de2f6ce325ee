package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import se.stegvis.identity.Groups;
import se.stegvis.support.CaseProcessTest;

/**
 * HTTP Basic callers are checked by the identity service once a minute, not on every call: within
 * the minute the earlier check stands, after it a changed password or membership applies; a wrong
 * password is never remembered.
 */
class BasicAuthenticationsTest extends CaseProcessTest {

  private static final String USER = "basia";
  private static final String FIRST_PASSWORD = "Första-lösen-2026";
  private static final String SECOND_PASSWORD = "Andra-lösen-2026";

  private BasicAuthentications basic;

  @BeforeEach
  void userWithAPassword() {
    var user = identityService.newUser(USER);
    user.setPassword(FIRST_PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(USER, Groups.COACHES);
    basic = new BasicAuthentications(identityService, Duration.ofMinutes(1));
    clockAt(LocalDate.of(2026, 11, 23), MORNING);
  }

  @AfterEach
  void removeUser() {
    identityService.deleteUser(USER);
  }

  private static MockHttpServletRequest request(String userId, String password) {
    var request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return request;
  }

  @Test
  void earlierCheckStandsForAMinuteThenTheChangedPasswordAndGroupsApply() {
    assertThat(basic.authenticate(request(USER, FIRST_PASSWORD))).map(Authentication::getGroupIds)
        .hasValueSatisfying(groups -> assertThat(groups).containsExactly(Groups.COACHES));
    var user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword(SECOND_PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(USER, Groups.WORKING_GROUP);

    clockAt(LocalDate.of(2026, 11, 23), MORNING.plusSeconds(59));
    assertThat(basic.authenticate(request(USER, FIRST_PASSWORD))).map(Authentication::getGroupIds)
        .hasValueSatisfying(groups -> assertThat(groups).containsExactly(Groups.COACHES));

    clockAt(LocalDate.of(2026, 11, 23), MORNING.plusSeconds(61));
    assertThat(basic.authenticate(request(USER, FIRST_PASSWORD))).isEmpty();
    // After a failed attempt the engine holds the user back a few seconds (its login delay).
    clockAt(LocalDate.of(2026, 11, 23), MORNING.plusSeconds(70));
    assertThat(basic.authenticate(request(USER, SECOND_PASSWORD))).map(Authentication::getGroupIds)
        .hasValueSatisfying(groups -> assertThat(groups).containsExactlyInAnyOrder(Groups.COACHES, Groups.WORKING_GROUP));
  }

  @Test
  void wrongPasswordIsNeverRememberedNorMistakenForTheRightOne() {
    assertThat(basic.authenticate(request(USER, FIRST_PASSWORD))).isPresent();

    assertThat(basic.authenticate(request(USER, "fel-lösenord"))).isEmpty();
    assertThat(basic.authenticate(request(USER, "fel-lösenord"))).isEmpty();
    assertThat(basic.authenticate(request("någon-annan", FIRST_PASSWORD))).isEmpty();
    assertThat(basic.authenticate(request(USER, FIRST_PASSWORD))).map(Authentication::getUserId).hasValue(USER);
  }

  @Test
  void requestsWithoutBasicCredentialsAreNotAuthenticated() {
    assertThat(basic.authenticate(new MockHttpServletRequest())).isEmpty();
    var bearer = new MockHttpServletRequest();
    bearer.addHeader("Authorization", "Bearer abc");
    assertThat(basic.authenticate(bearer)).isEmpty();
  }
}
