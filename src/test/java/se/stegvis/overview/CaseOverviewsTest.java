package se.stegvis.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;
import se.stegvis.support.CaseProcessTest;

@DisplayName("Ärende: fallet bakom en uppgift, för den som får se det")
class CaseOverviewsTest extends CaseProcessTest {

  @Autowired CaseOverviews overviews;

  @Test
  @DisplayName("coachen ser sitt ärende med tidsfrister, plan och samtal; en annan coach nekas")
  void coachSeesOwnCaseOnly() {
    LocalDate start = LocalDate.of(2028, 8, 1);
    CaseFile caseFile = activeCase(start);
    completeOn(start.plusDays(5), caseFile, "makeActionPlan", COACH, actionPlan(start.plusDays(5)));
    completeOn(start.plusDays(40), caseFile, "holdMeeting", COACH, meeting(start.plusDays(40)));
    String taskId = task(caseFile, "documentProposal").getId();

    identityService.setAuthentication(COACH, List.of(Groups.COACHES));
    CaseOverview overview = overviews.forTask(taskId);
    assertThat(overview.caseNumber()).isEqualTo(caseFile.getCaseNumber());
    assertThat(overview.phaseLabel()).isEqualTo("Deltagande pågår");
    assertThat(overview.participant().identityNumber()).endsWith("-****");
    assertThat(overview.participant().name()).startsWith("Ingegerd");
    assertThat(overview.coach().name()).isEqualTo("Cora Coach");
    assertThat(overview.plan().madeOn()).isEqualTo(start.plusDays(5));
    assertThat(overview.meetings()).singleElement().satisfies(m -> assertThat(m.heldOn()).isEqualTo(start.plusDays(40)));
    assertThat(overview.deadlines()).extracting(CaseOverview.Deadline::kind)
        .contains("INTAKE_DECISION", "PLAN", "MEETING", "PROPOSAL");
    assertThat(overview.deadlines()).filteredOn(d -> d.kind().equals("PLAN"))
        .singleElement().satisfies(d -> assertThat(d.stateLabel()).isEqualTo("Klar i tid"));
    assertThat(overview.referral().party()).isEqualTo("Arbetsförmedlingen");

    // Called outside /api the engine's own grants apply too: another coach does not even find the task.
    identityService.setAuthentication("otto", List.of(Groups.COACHES));
    assertThatThrownBy(() -> overviews.forTask(taskId)).isInstanceOf(CaseOverviews.NotFound.class);
    identityService.setAuthentication("maria", List.of(Groups.MANAGERS));
    assertThat(overviews.forTask(taskId).caseNumber()).isEqualTo(caseFile.getCaseNumber());
    assertThatThrownBy(() -> overviews.forTask("no-such-task")).isInstanceOf(CaseOverviews.NotFound.class);
  }

  @Test
  @DisplayName("deltagarens ålder visas som ålder vid remissen, som i rapporterna, inte ålder i dag")
  void theAgeShownIsTheAgeAtReferral() {
    LocalDate referred = LocalDate.of(2028, 6, 1);
    clockAt(referred, MORNING);
    var form = newPersonReferral(referred);
    form.put("identityNumber", personnummer(LocalDate.of(2000, 6, 15), 871));
    CaseFile caseFile = refer(form);
    String taskId = task(caseFile, "decideIntake").getId();

    clockAt(LocalDate.of(2029, 7, 1), MORNING);
    identityService.setAuthentication("maria", List.of(Groups.MANAGERS));
    assertThat(overviews.forTask(taskId).participant().ageAtReferral()).as("27 on 1 June 2028, 29 today")
        .isEqualTo(27);
  }
}
