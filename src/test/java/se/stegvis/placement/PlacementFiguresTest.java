package se.stegvis.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;

/**
 * Placement figures for the reports against a hand-computed fixture in a project of its own:
 * placements started in the first half of 2031, on the period's edges too.
 */
@DisplayName("Praktik i siffror: antal, personer, längd och andel till anställning")
@AlsoOnPostgres
class PlacementFiguresTest extends PlacementTest {

  static final String PROJECT = "FIGUR";
  static final LocalDate FROM = LocalDate.of(2031, 1, 1);
  static final LocalDate TO = LocalDate.of(2031, 6, 30);

  @Autowired PlacementFigures figures;

  /** Once per database: the project exists when its cases do. */
  @BeforeEach
  void fixture() {
    if (projects.findByCode(PROJECT).isPresent()) {
      return;
    }
    ensureProjectAndStaff();
    projects.save(new Project(PROJECT, "Figurprojektet", 10, Groups.MANAGERS));
    String area = newArea();
    WorkplaceView place = workplace("CARE", area, 10, true);
    // Person A: two placements, 30 days each, the second one to employment.
    CaseFile a = caseStarting(LocalDate.of(2030, 12, 1));
    placement(a, place, LocalDate.of(2031, 1, 6), LocalDate.of(2031, 2, 4), "ENDED_AS_PLANNED");
    placement(a, place, LocalDate.of(2031, 3, 3), LocalDate.of(2031, 4, 1), "EMPLOYMENT");
    // Person B: starts on the period's last day, still under way.
    placement(caseStarting(LocalDate.of(2031, 5, 1)), place, TO, null, null);
    // Person C: started the day before the period: not counted, though it ended inside it.
    placement(caseStarting(LocalDate.of(2030, 11, 3)), place, LocalDate.of(2030, 12, 31), LocalDate.of(2031, 1, 20),
        "STUDIES");
    // Person D: starts on the period's first day, ends early after 14 days.
    placement(caseStarting(LocalDate.of(2030, 12, 1)), place, FROM, LocalDate.of(2031, 1, 14), "ENDED_EARLY");
  }

  @Test
  @DisplayName("första halvåret 2031: 4 praktiker, 3 personer, 3 avslutade på 74 dagar, 1 av 3 till anställning")
  void figuresOfThePeriod() {
    identityService.setAuthentication("maja", List.of(Groups.MANAGERS));
    var f = figures.figures(PROJECT, FROM, TO);
    assertThat(f.placements()).isEqualTo(4);
    assertThat(f.people()).isEqualTo(3);
    assertThat(f.ended()).isEqualTo(3);
    assertThat(f.totalDays()).isEqualTo(30 + 30 + 14);
    assertThat(f.averageDaysPerPlacement()).isEqualByComparingTo(new BigDecimal("24.7"));
    assertThat(f.averageDaysPerPerson()).as("A 60 days, D 14 days").isEqualByComparingTo(new BigDecimal("37.0"));
    assertThat(f.ledToEmployment()).isEqualTo(1);
    assertThat(f.employmentSharePercent()).isEqualByComparingTo(new BigDecimal("33.3"));
  }

  @Test
  @DisplayName("en kortare period och en som bara ser andras ärenden")
  void otherPeriodsAndViewers() {
    identityService.setAuthentication("maja", List.of(Groups.MANAGERS));
    var january = figures.figures(PROJECT, FROM, LocalDate.of(2031, 1, 31));
    assertThat(january.placements()).isEqualTo(2);
    assertThat(january.totalDays()).isEqualTo(44);
    assertThat(january.ledToEmployment()).isZero();
    assertThat(january.employmentSharePercent()).isEqualByComparingTo(BigDecimal.ZERO);
    var december = figures.figures(PROJECT, LocalDate.of(2030, 12, 1), LocalDate.of(2030, 12, 31));
    assertThat(december.placements()).isEqualTo(1);
    assertThat(december.employmentSharePercent()).isEqualByComparingTo(BigDecimal.ZERO);

    identityService.setAuthentication("otto", List.of(Groups.COACHES));
    var stranger = figures.figures(PROJECT, FROM, TO);
    assertThat(stranger.placements()).isZero();
    assertThat(stranger.averageDaysPerPlacement()).isNull();
    assertThat(stranger.employmentSharePercent()).isNull();
  }

  private CaseFile caseStarting(LocalDate start) {
    clockAt(start.minusDays(10), MORNING);
    Map<String, Object> referral = newPersonReferral(start.minusDays(10));
    referral.put("projectCode", PROJECT);
    CaseFile c = refer(referral);
    completeOn(start.minusDays(7), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(start.minusDays(7)));
    completeOn(start, c, "startParticipation", COACH, participationStart(start));
    return c;
  }

  private void placement(CaseFile c, WorkplaceView place, LocalDate start, LocalDate end, String outcome) {
    requestOn(start.minusDays(5), c, "CARE", place.area());
    completePlacementOn(start.minusDays(4), c, "matchWorkplace", COORDINATOR, match(place.id(), start.minusDays(4)));
    completePlacementOn(start.minusDays(3), c, "visitWorkplace", COORDINATOR, visit(start.minusDays(3), true, false));
    completePlacementOn(start.minusDays(2), c, "agreeWorkPlan", COORDINATOR,
        workPlan(start.minusDays(2), start, start.plusDays(90)));
    if (end != null) {
      Map<String, Object> ending = followUpEnds(end, outcome);
      if ("EMPLOYMENT".equals(outcome)) {
        ending.put("employmentType", "FIXED_TERM");
      } else if ("ENDED_EARLY".equals(outcome)) {
        ending.put("endReason", "PARTICIPANT_CHOICE");
      }
      completePlacementOn(end, c, "followUpVisit", COORDINATOR, ending);
    }
  }
}
