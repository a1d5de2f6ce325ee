package se.stegvis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;

/**
 * The reports filter cases with {@link CaseAccess#visibleIn} (a query condition), the rest of the
 * API with {@link CaseAccess#canSee} (a predicate): on every case of the report fixture, for
 * every kind of viewer, both select exactly the same cases.
 */
@DisplayName("Behörighet: villkoret i rapporternas frågor väljer samma ärenden som canSee")
class CaseVisibilityConditionTest extends ReportFixture {

  @Autowired CaseAccess access;
  @Autowired EntityManager entityManager;

  @Test
  @DisplayName("administratör, chefer för olika insatser, beredningsgrupp, praktiksamordnare, coach och en utan grupp;"
      + " ett ärende med skyddade personuppgifter")
  void conditionAgreesWithPredicate() {
    var viewers = List.of(
        new CaseAccess.Viewer("ada", List.of(Groups.ADMINISTRATORS)),
        new CaseAccess.Viewer("maja", List.of(Groups.MANAGERS, MANAGERS)),
        new CaseAccess.Viewer("mats", List.of(OTHER_MANAGERS)),
        new CaseAccess.Viewer("mia", List.of(OUTCOME_MANAGERS, MANAGERS)),
        new CaseAccess.Viewer(WORKING_GROUP_MEMBER, List.of(Groups.WORKING_GROUP)),
        new CaseAccess.Viewer("pia", List.of(Groups.PLACEMENT_COORDINATORS)),
        new CaseAccess.Viewer(COACH, List.of(Groups.COACHES)),
        new CaseAccess.Viewer("nils", List.of()));
    transactions.executeWithoutResult(status -> {
      List<CaseFile> all = entityManager.createQuery("select c from CaseFile c join fetch c.project", CaseFile.class)
          .getResultList();
      assertThat(all).hasSizeGreaterThan(20);
      // One case with protected identity (rolled back below): only its coach and its managers see it.
      CaseFile protectedCase = all.stream().filter(c -> COACH.equals(c.getCoach())).findFirst().orElseThrow();
      protectedCase.getParticipant().protectIdentity(true);
      entityManager.flush();
      assertThat(access.canSee(viewers.get(0), protectedCase)).as("not even an administrator").isFalse();
      assertThat(access.canSee(viewers.get(6), protectedCase)).as("its coach").isTrue();
      for (var viewer : viewers) {
        Set<Long> byPredicate = all.stream().filter(c -> access.canSee(viewer, c)).map(CaseFile::getId)
            .collect(Collectors.toSet());
        var condition = access.visibleIn(viewer, "c", "pr");
        var query = entityManager.createQuery("select c.id from CaseFile c join c.project pr where "
            + condition.jpql(), Long.class);
        condition.bind(query);
        assertThat(Set.copyOf(query.getResultList())).as(viewer.toString()).isEqualTo(byPredicate);
      }
      // The viewers differ, so the comparison is not between empty sets.
      assertThat(all.stream().filter(c -> access.canSee(viewers.get(2), c)).count()).isEqualTo(1);
      assertThat(all.stream().filter(c -> access.canSee(viewers.get(7), c)).count()).isZero();
      assertThat(all.stream().filter(c -> access.canSee(viewers.get(6), c)).count()).isPositive()
          .isLessThan(all.size());
      status.setRollbackOnly();
    });
  }
}
