package se.stegvis.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import se.stegvis.access.Action;
import se.stegvis.access.Role;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

/**
 * The roles the access gate gives a caller ({@link CaseAccess#viewer()}): the role groups, and
 * manager for whoever is in any project's manager group, asked of the database on every call.
 */
@DisplayName("Behörighet: rollerna en inloggad får av sina grupper, chef genom en insats chefsgrupp")
@AlsoOnPostgres
class ViewerRolesTest extends CaseProcessTest {

  private static final String MANAGERS_OF_VIEWER_TEST = "chef-rolltest";

  @Autowired CaseAccess access;

  @BeforeEach
  void projectWithItsOwnManagerGroup() {
    if (projects.findByCode("ROLLTEST").isEmpty()) {
      projects.save(new Project("ROLLTEST", "Rolltest", 10, MANAGERS_OF_VIEWER_TEST));
    }
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  @DisplayName("en insats chefsgrupp gör chef, också bredvid andra roller; andra grupper gör det inte")
  void aProjectsManagerGroupMakesAManager() {
    assertThat(rolesOf(MANAGERS_OF_VIEWER_TEST)).containsExactly(Role.MANAGER);
    assertThat(rolesOf(Groups.COACHES, "team-norr", MANAGERS_OF_VIEWER_TEST))
        .containsExactlyInAnyOrder(Role.COACH, Role.MANAGER);
    assertThat(rolesOf(Groups.COACHES, "team-norr")).containsExactly(Role.COACH);
    assertThat(rolesOf("chef-rolltest-gammal", "CHEF-ROLLTEST")).as("only the group's exact name").isEmpty();
    assertThat(rolesOf()).isEmpty();
  }

  @Test
  @DisplayName("en ny insats chefsgrupp gäller från nästa anrop, utan omstart")
  void aNewProjectCountsAtOnce() {
    String code = "RT" + System.nanoTime() % 1_000_000;
    String group = "chef-" + code.toLowerCase();
    assertThat(rolesOf(group)).isEmpty();
    projects.save(new Project(code, "Rolltest " + code, 10, group));
    assertThat(rolesOf(group)).containsExactly(Role.MANAGER);
  }

  @Test
  @DisplayName("rätten till en åtgärd utan ärende: rollgruppen räcker, annars avgör insatsens chefsgrupp")
  void mayWithoutACase() {
    assertThat(mayAs(Action.REVIEW_LOG, MANAGERS_OF_VIEWER_TEST)).as("a project's manager group alone").isTrue();
    assertThat(mayAs(Action.REVIEW_LOG, Groups.COACHES, MANAGERS_OF_VIEWER_TEST)).isTrue();
    assertThat(mayAs(Action.REVIEW_LOG, Groups.COACHES, "team-norr")).isFalse();
    assertThat(mayAs(Action.REVIEW_LOG, "CHEF-ROLLTEST")).isFalse();
    assertThat(mayAs(Action.REVIEW_LOG)).isFalse();
    assertThat(mayAs(Action.REGISTER_REFERRAL, Groups.REFERRERS)).isTrue();
    assertThat(mayAs(Action.REGISTER_REFERRAL, MANAGERS_OF_VIEWER_TEST)).isFalse();
    assertThat(mayAs(Action.ADMINISTER, MANAGERS_OF_VIEWER_TEST)).isFalse();
  }

  @Test
  @DisplayName("inom en begäran görs rollerna en gång; en annan inloggning i samma tråd får sina egna")
  void madeOncePerRequest() {
    newRequest();
    try {
      identityService.setAuthentication("vera", List.of(MANAGERS_OF_VIEWER_TEST));
      var first = access.viewer();
      assertThat(access.viewer()).isSameAs(first);
      identityService.setAuthentication("vera", List.of(Groups.COACHES));
      assertThat(access.viewer().roles()).as("other groups, same request").containsExactly(Role.COACH);
      identityService.setAuthentication("other", List.of(MANAGERS_OF_VIEWER_TEST));
      assertThat(access.viewer().userId()).isEqualTo("other");
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
    identityService.setAuthentication("vera", List.of(MANAGERS_OF_VIEWER_TEST));
    assertThat(access.viewer()).as("outside a request, made anew").isNotSameAs(access.viewer());
  }

  private boolean mayAs(Action action, String... groups) {
    newRequest();
    identityService.setAuthentication("vera", List.of(groups));
    return access.may(action);
  }

  /** The roles a new API call as vera in these groups gets (each call its own request). */
  private Set<Role> rolesOf(String... groups) {
    newRequest();
    identityService.setAuthentication("vera", List.of(groups));
    return access.viewer().roles();
  }

  private static void newRequest() {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
  }
}
