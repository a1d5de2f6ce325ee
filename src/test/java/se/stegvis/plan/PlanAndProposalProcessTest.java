package se.stegvis.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

/** "Upprätta handlingsplan" and "Dokumentera förslag till åtgärd" validated on the server. */
@DisplayName("Handlingsplan och förslag till åtgärd: kontroller på servern")
@AlsoOnPostgres
class PlanAndProposalProcessTest extends CaseProcessTest {

  @Autowired ActionPlanRepository plans;
  @Autowired ProposedActionRepository proposals;

  @Test
  @DisplayName("handlingsplan daterad i framtiden, före start eller utan mål avvisas, inget sparas")
  void refusedPlans() {
    LocalDate started = LocalDate.of(2026, 6, 8);
    CaseFile c = activeCase(started);
    LocalDate today = started.plusDays(3);
    clockAt(today, MORNING);

    assertRefused(c, "makeActionPlan", COACH, actionPlan(today.plusDays(1)),
        "Planen upprättad: kan inte ligga i framtiden (" + today.plusDays(1) + ").");
    assertRefused(c, "makeActionPlan", COACH, actionPlan(started.minusDays(1)),
        "Planen upprättad: kan inte vara före deltagandets start (" + started + ").");
    var noGoals = actionPlan(today);
    noGoals.put("goals", "  ");
    assertRefused(c, "makeActionPlan", COACH, noGoals, "Mål: måste fyllas i.");
    var tooLong = actionPlan(today);
    tooLong.put("activities", "x".repeat(4001));
    assertRefused(c, "makeActionPlan", COACH, tooLong, "Aktiviteter och ansvar: får vara högst 4000 tecken (nu 4001).");
    assertThat(plans.findByCaseId(c.getId())).isEmpty();
    assertThat(deadline(c, "PLAN", 1).getState()).isEqualTo(DeadlineState.OPEN);

    complete(c, "makeActionPlan", COACH, actionPlan(today));
    assertThat(instance(c)).hasPassed("planDone");
    assertThat(plans.findByCaseId(c.getId())).hasSize(1);
  }

  @Test
  @DisplayName("förslag som inte är överenskommet, eller presenterat ett datum utan samtal, avvisas")
  void refusedProposals() {
    LocalDate started = LocalDate.of(2026, 6, 9);
    CaseFile c = activeCase(started);
    LocalDate met = started.plusDays(30);
    completeOn(met, c, "holdMeeting", COACH, meeting(met));
    LocalDate today = met.plusDays(2);
    clockAt(today, MORNING);

    var notAgreed = proposal(met, today);
    notAgreed.put("agreedWithPerson", false);
    assertRefused(c, "documentProposal", COACH, notAgreed,
        "Förslaget ska vara överenskommet med deltagaren innan det dokumenteras.");
    var unticked = proposal(met, today);
    unticked.remove("agreedWithPerson");
    assertRefused(c, "documentProposal", COACH, unticked,
        "Förslaget ska vara överenskommet med deltagaren innan det dokumenteras.");
    assertRefused(c, "documentProposal", COACH, proposal(met.plusDays(1), today),
        "Presenterat vid flerpartssamtal den: inget flerpartssamtal är registrerat " + met.plusDays(1) + ".");
    var noProposal = proposal(met, today);
    noProposal.remove("proposal");
    assertRefused(c, "documentProposal", COACH, noProposal, "Förslag till åtgärd: måste fyllas i.");
    assertThat(proposals.findByCaseId(c.getId())).isEmpty();

    complete(c, "documentProposal", COACH, proposal(met, today));
    assertThat(instance(c)).hasPassed("proposalDone");
    assertThat(proposals.findByCaseId(c.getId())).singleElement()
        .satisfies(p -> assertThat(p.getDocumentedOn()).isEqualTo(today));
    assertThat(deadline(c, "PROPOSAL", 1).getState()).isEqualTo(DeadlineState.MET);
  }
}
