package se.stegvis.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.FlowNodeCoverage;

/**
 * The placement process (work-placement), called from the case: every path from request to
 * outcome, driven by the engine clock. Deadlines: matching within 14 days of the request, the
 * first visit within 14 days and the work plan within 28 days of the match, follow-up visits every
 * four weeks from the placement's start.
 */
@DisplayName("Praktik: från begäran till utfall")
@FlowNodeCoverage(process = "work-placement")
@AlsoOnPostgres
class PlacementProcessTest extends PlacementTest {

  @Test
  @DisplayName("hela vägen till anställning: matchning, besök med introduktion, arbetsplan, två uppföljningar; längden sparas")
  void aPlacementRunsFromRequestToEmployment() {
    CaseFile c = activeCase(LocalDate.of(2026, 2, 2));
    String area = newArea();
    WorkplaceView place = workplace("CARE", area, 2, false);
    Placement requested = requestOn(LocalDate.of(2026, 2, 10), c, "CARE", area);

    Task matching = placementTask(c, "matchWorkplace");
    assertThat(matching.getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(matching.getId())).extracting(l -> l.getGroupId())
        .containsExactly("praktiksamordnare");
    assertThat(swedish(matching.getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 2, 24)));
    assertThat(taskService.getVariableLocal(matching.getId(), WorkplaceMatching.OPTIONS).toString())
        .contains("\"value\":\"" + place.id() + "\"").contains(place.name() + ", " + area);
    Placement stored = current(c);
    assertThat(stored.getId()).isEqualTo(requested.getId());
    assertThat(stored.getStatus()).isEqualTo(PlacementStatus.REQUESTED);
    assertThat(stored.getRequestedOn()).isEqualTo(LocalDate.of(2026, 2, 10));
    assertThat(stored.getRequestedBy()).isEqualTo(COACH);
    assertThat(stored.getProcessInstanceId()).as("linked to the called process").isEqualTo(matching.getProcessInstanceId());

    completePlacementOn(LocalDate.of(2026, 2, 16), c, "matchWorkplace", COORDINATOR,
        match(place.id(), LocalDate.of(2026, 2, 16)));
    Task visit = placementTask(c, "visitWorkplace");
    assertThat(visit.getAssignee()).isEqualTo(COORDINATOR);
    assertThat(swedish(visit.getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 3, 2)));
    assertThat(registry.get(place.id()).free()).isEqualTo(1);

    completePlacementOn(LocalDate.of(2026, 2, 20), c, "visitWorkplace", COORDINATOR,
        visit(LocalDate.of(2026, 2, 20), true, true));
    assertThat(registry.get(place.id()).introducedOn()).isEqualTo(LocalDate.of(2026, 2, 20));
    assertThat(swedish(placementTask(c, "agreeWorkPlan").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 3, 16)));

    completePlacementOn(LocalDate.of(2026, 2, 25), c, "agreeWorkPlan", COORDINATOR,
        workPlan(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 29)));
    assertThat(swedish(placementTask(c, "followUpVisit").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));
    completePlacementOn(LocalDate.of(2026, 3, 27), c, "followUpVisit", COORDINATOR,
        followUpContinues(LocalDate.of(2026, 3, 27)));
    assertThat(swedish(placementTask(c, "followUpVisit").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 4, 27)));
    Map<String, Object> ending = followUpEnds(LocalDate.of(2026, 4, 24), "EMPLOYMENT");
    ending.put("employmentType", "SUBSIDISED");
    completePlacementOn(LocalDate.of(2026, 4, 24), c, "followUpVisit", COORDINATOR, ending);

    Placement done = current(c);
    assertThat(done.getStatus()).isEqualTo(PlacementStatus.ENDED);
    assertThat(done.getOutcome()).isEqualTo("EMPLOYMENT");
    assertThat(done.getEmploymentType()).isEqualTo("SUBSIDISED");
    assertThat(done.getWorkplaceId()).isEqualTo(place.id());
    assertThat(done.getPlannedStart()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(done.getEndedOn()).isEqualTo(LocalDate.of(2026, 4, 24));
    assertThat(done.durationDays()).isEqualTo(54);
    assertThat(done.getHoursPerWeek()).isEqualTo(20);
    assertThat(visits.findByPlacementIdOrderBySequence(done.getId())).extracting(PlacementVisit::getSequence,
        PlacementVisit::getVisitedOn).containsExactly(tuple(1, LocalDate.of(2026, 3, 27)),
        tuple(2, LocalDate.of(2026, 4, 24)));
    assertThat(registry.get(place.id()).free()).as("the place is free again").isEqualTo(2);
    assertThat(deadlines(c)).filteredOn(d -> d.getKind().startsWith("PLACEMENT"))
        .extracting(Deadline::getKind, Deadline::getSequence, Deadline::getState).containsExactly(
            tuple("PLACEMENT_MATCH", 1, DeadlineState.MET),
            tuple("PLACEMENT_FIRST_VISIT", 1, DeadlineState.MET),
            tuple("PLACEMENT_WORK_PLAN", 1, DeadlineState.MET),
            tuple("PLACEMENT_VISIT", 1, DeadlineState.MET),
            tuple("PLACEMENT_VISIT", 2, DeadlineState.MET));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(done.getProcessInstanceId())
        .singleResult().getEndActivityId()).isEqualTo("placementEnded");
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(c.getProcessInstanceId())
        .eventName(PlacementRequests.MESSAGE).count()).as("the case waits for the next request").isEqualTo(1);
    // The case's own instance still has open tasks with their prefill; the finished placement has nothing.
    assertNoPersonalDataInEngine(List.of(c.getProcessInstanceId(), done.getProcessInstanceId()));
    assertOnlyAllowedVariables(List.of(done.getProcessInstanceId()));
  }

  @Test
  @DisplayName("en uppföljning som inte görs i tid blir försenad dagen efter, görs sent och praktiken avbryts i förtid")
  void aLateFollowUpVisitIsOverdue() {
    CaseFile c = activeCase(LocalDate.of(2026, 1, 12));
    String area = newArea();
    WorkplaceView place = workplace("RETAIL", area, 1, true);
    requestOn(LocalDate.of(2026, 1, 14), c, "RETAIL", area);
    completePlacementOn(LocalDate.of(2026, 1, 15), c, "matchWorkplace", COORDINATOR,
        match(place.id(), LocalDate.of(2026, 1, 15)));
    completePlacementOn(LocalDate.of(2026, 1, 19), c, "visitWorkplace", COORDINATOR,
        visit(LocalDate.of(2026, 1, 19), true, false));
    completePlacementOn(LocalDate.of(2026, 1, 21), c, "agreeWorkPlan", COORDINATOR,
        workPlan(LocalDate.of(2026, 1, 21), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 4, 30)));

    clockAt(LocalDate.of(2026, 3, 2), MORNING);
    assertThat(firePlacementTimers(c)).as("nothing due on the due day").isZero();
    clockAt(LocalDate.of(2026, 3, 3), java.time.LocalTime.of(0, 0, 1));
    assertThat(firePlacementTimers(c)).isEqualTo(1);
    Deadline late = deadline(c, "PLACEMENT_VISIT", 1);
    assertThat(late.status()).isEqualTo("OVERDUE");
    assertThat(swedish(Date.from(late.getDueAt()))).isEqualTo(endOf(LocalDate.of(2026, 3, 2)));
    assertThat(placementTask(c, "followUpVisit").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);

    Map<String, Object> ending = followUpEnds(LocalDate.of(2026, 3, 10), "ENDED_EARLY");
    ending.put("endReason", "HEALTH");
    completePlacementOn(LocalDate.of(2026, 3, 10), c, "followUpVisit", COORDINATOR, ending);
    assertThat(deadline(c, "PLACEMENT_VISIT", 1).getState()).isEqualTo(DeadlineState.MET_LATE);
    Placement ended = current(c);
    assertThat(ended.getStatus()).isEqualTo(PlacementStatus.ENDED);
    assertThat(ended.getEndReason()).isEqualTo("HEALTH");
    assertThat(ended.durationDays()).isEqualTo(37);
  }

  @Test
  @DisplayName("två praktiker efter varandra i samma ärende: nummer 1 och 2, var sin process, total längd per person")
  void twoPlacementsInSequence() {
    CaseFile c = activeCase(LocalDate.of(2026, 3, 2));
    String area = newArea();
    WorkplaceView first = workplace("HOSPITALITY", area, 1, true);
    WorkplaceView second = workplace("LOGISTICS", area, 1, true);

    runToEnd(c, first, "HOSPITALITY", area, LocalDate.of(2026, 3, 9), "ENDED_AS_PLANNED");
    assertThat(placementTask(c, "matchWorkplace")).as("no placement under way between the two").isNull();
    runToEnd(c, second, "LOGISTICS", area, LocalDate.of(2026, 5, 4), "STUDIES");

    List<Placement> both = placements.findByCaseIdOrderBySequence(c.getId());
    assertThat(both).extracting(Placement::getSequence, Placement::getWorkplaceId, Placement::getOutcome,
        Placement::getStatus).containsExactly(tuple(1, first.id(), "ENDED_AS_PLANNED", PlacementStatus.ENDED),
        tuple(2, second.id(), "STUDIES", PlacementStatus.ENDED));
    assertThat(both.get(0).getProcessInstanceId()).isNotEqualTo(both.get(1).getProcessInstanceId());
    assertThat(both.stream().mapToInt(Placement::durationDays).sum()).isEqualTo(29 + 29);
    assertThat(deadlines(c)).filteredOn(d -> d.getKind().equals("PLACEMENT_MATCH"))
        .extracting(Deadline::getSequence).containsExactly(1, 2);
  }

  /** Request on the day, match the next day, visit, plan from a week later, end four weeks on. */
  private void runToEnd(CaseFile c, WorkplaceView place, String sector, String area, LocalDate day, String outcome) {
    requestOn(day, c, sector, area);
    completePlacementOn(day.plusDays(1), c, "matchWorkplace", COORDINATOR, match(place.id(), day.plusDays(1)));
    completePlacementOn(day.plusDays(2), c, "visitWorkplace", COORDINATOR, visit(day.plusDays(2), true, false));
    completePlacementOn(day.plusDays(3), c, "agreeWorkPlan", COORDINATOR,
        workPlan(day.plusDays(3), day.plusDays(7), day.plusDays(35)));
    completePlacementOn(day.plusDays(35), c, "followUpVisit", COORDINATOR, followUpEnds(day.plusDays(35), outcome));
  }

  @Test
  @DisplayName("begäran återkallas vid matchningen: ingen plats tas, en ny begäran går att göra")
  void aRequestWithdrawnAtMatching() {
    CaseFile c = activeCase(LocalDate.of(2026, 4, 6));
    String area = newArea();
    workplace("OFFICE", area, 1, true);
    requestOn(LocalDate.of(2026, 4, 8), c, "OFFICE", area);
    completePlacementOn(LocalDate.of(2026, 4, 9), c, "matchWorkplace", COORDINATOR,
        form("matchDecision", "WITHDRAW", "withdrawReason", text("Deltagaren vill vänta till hösten")));

    Placement withdrawn = current(c);
    assertThat(withdrawn.getStatus()).isEqualTo(PlacementStatus.WITHDRAWN);
    assertThat(withdrawn.getWorkplaceId()).isNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(withdrawn.getProcessInstanceId())
        .singleResult().getEndActivityId()).isEqualTo("requestWithdrawn");
    Placement again = requestOn(LocalDate.of(2026, 4, 20), c, "OFFICE", area);
    assertThat(again.getSequence()).isEqualTo(2);
    assertThat(placementTask(c, "matchWorkplace")).isNotNull();
  }

  @Test
  @DisplayName("besöket visar att platsen inte passar: platsen frigörs, ny matchning utan den inom 14 dagar från besöket")
  void aVisitThatRulesTheWorkplaceOutStartsMatchingAgain() {
    CaseFile c = activeCase(LocalDate.of(2026, 5, 4));
    String area = newArea();
    WorkplaceView unsuitable = workplace("CONSTRUCTION", area, 1, true);
    WorkplaceView other = workplace("CONSTRUCTION", area, 1, true);
    requestOn(LocalDate.of(2026, 5, 5), c, "CONSTRUCTION", area);
    completePlacementOn(LocalDate.of(2026, 5, 6), c, "matchWorkplace", COORDINATOR,
        match(unsuitable.id(), LocalDate.of(2026, 5, 6)));
    completePlacementOn(LocalDate.of(2026, 5, 12), c, "visitWorkplace", COORDINATOR,
        visit(LocalDate.of(2026, 5, 12), false, false));

    Placement again = current(c);
    assertThat(again.getStatus()).isEqualTo(PlacementStatus.REQUESTED);
    assertThat(again.getRejectedWorkplaces()).containsExactly(unsuitable.id());
    assertThat(registry.get(unsuitable.id()).free()).isEqualTo(1);
    assertThat(matching.matches(again)).extracting(WorkplaceMatching.Match::workplaceId)
        .contains(other.id()).doesNotContain(unsuitable.id());
    Task rematch = placementTask(c, "matchWorkplace");
    assertThat(swedish(rematch.getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 5, 26)));
    assertThatThrownBy(() -> completePlacementOn(LocalDate.of(2026, 5, 13), c, "matchWorkplace", COORDINATOR,
        match(unsuitable.id(), LocalDate.of(2026, 5, 13))))
        .isInstanceOf(FormRejectedException.class).hasMessageContaining("bedömdes olämplig vid besöket");
    completePlacementOn(LocalDate.of(2026, 5, 13), c, "matchWorkplace", COORDINATOR,
        match(other.id(), LocalDate.of(2026, 5, 13)));
    assertThat(current(c).getWorkplaceId()).isEqualTo(other.id());
    assertThat(deadlines(c)).filteredOn(d -> d.getKind().equals("PLACEMENT_MATCH"))
        .extracting(Deadline::getSequence, Deadline::getState)
        .containsExactly(tuple(1, DeadlineState.MET), tuple(2, DeadlineState.MET));
  }

  @Test
  @DisplayName("matchning, besök och arbetsplan som inte görs i tid blir försenade")
  void lateMatchingVisitAndPlanAreOverdue() {
    CaseFile c = activeCase(LocalDate.of(2026, 6, 1));
    String area = newArea();
    WorkplaceView place = workplace("GREEN", area, 3, true);
    requestOn(LocalDate.of(2026, 6, 1), c, "GREEN", area);
    clockAt(LocalDate.of(2026, 6, 16), MORNING);
    assertThat(firePlacementTimers(c)).isEqualTo(1);
    assertThat(deadline(c, "PLACEMENT_MATCH", 1).status()).isEqualTo("OVERDUE");
    completePlacementOn(LocalDate.of(2026, 6, 17), c, "matchWorkplace", COORDINATOR,
        match(place.id(), LocalDate.of(2026, 6, 17)));
    clockAt(LocalDate.of(2026, 7, 2), MORNING);
    assertThat(firePlacementTimers(c)).isEqualTo(1);
    assertThat(deadline(c, "PLACEMENT_FIRST_VISIT", 1).status()).isEqualTo("OVERDUE");
    completePlacementOn(LocalDate.of(2026, 7, 3), c, "visitWorkplace", COORDINATOR,
        visit(LocalDate.of(2026, 7, 3), true, false));
    clockAt(LocalDate.of(2026, 7, 16), MORNING);
    assertThat(firePlacementTimers(c)).isEqualTo(1);
    assertThat(deadline(c, "PLACEMENT_WORK_PLAN", 1).status()).isEqualTo("OVERDUE");
    completePlacementOn(LocalDate.of(2026, 7, 17), c, "agreeWorkPlan", COORDINATOR,
        workPlan(LocalDate.of(2026, 7, 17), LocalDate.of(2026, 8, 3), LocalDate.of(2026, 10, 30)));
    assertThat(deadlines(c)).filteredOn(d -> d.getKind().startsWith("PLACEMENT"))
        .extracting(Deadline::getKind, Deadline::getState).containsExactly(
            tuple("PLACEMENT_MATCH", DeadlineState.MET_LATE),
            tuple("PLACEMENT_FIRST_VISIT", DeadlineState.MET_LATE),
            tuple("PLACEMENT_WORK_PLAN", DeadlineState.MET_LATE),
            tuple("PLACEMENT_VISIT", DeadlineState.OPEN));
  }

  @Test
  @DisplayName("deltagandet avslutas under praktiken: praktiken avslutas i förtid av det skälet och platsen frigörs")
  void exitDuringAPlacementEndsIt() {
    CaseFile c = activeCase(LocalDate.of(2026, 2, 2));
    String area = newArea();
    WorkplaceView place = workplace("PROPERTY", area, 1, true);
    requestOn(LocalDate.of(2026, 2, 3), c, "PROPERTY", area);
    completePlacementOn(LocalDate.of(2026, 2, 4), c, "matchWorkplace", COORDINATOR,
        match(place.id(), LocalDate.of(2026, 2, 4)));
    completePlacementOn(LocalDate.of(2026, 2, 5), c, "visitWorkplace", COORDINATOR,
        visit(LocalDate.of(2026, 2, 5), true, false));
    completePlacementOn(LocalDate.of(2026, 2, 6), c, "agreeWorkPlan", COORDINATOR,
        workPlan(LocalDate.of(2026, 2, 6), LocalDate.of(2026, 2, 9), LocalDate.of(2026, 5, 8)));
    completeOn(LocalDate.of(2026, 2, 13), c, "makeActionPlan", COACH, actionPlan(LocalDate.of(2026, 2, 13)));

    completeOn(LocalDate.of(2026, 3, 20), c, "exitParticipation", COACH, exit(LocalDate.of(2026, 3, 20), "WORK"));

    Placement ended = current(c);
    assertThat(ended.getStatus()).isEqualTo(PlacementStatus.ENDED);
    assertThat(ended.getOutcome()).isEqualTo("ENDED_EARLY");
    assertThat(ended.getEndReason()).isEqualTo(PlacementProcess.PARTICIPATION_ENDED);
    assertThat(ended.getEndedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ended.getProcessInstanceId()).count())
        .isZero();
    assertThat(registry.get(place.id()).free()).isEqualTo(1);
    assertThat(deadline(c, "PLACEMENT_VISIT", 1).getState()).as("due 9 March, the person left on 20 March")
        .isEqualTo(DeadlineState.MISSED);
  }

  @Test
  @DisplayName("en plats som fylls medan en annan matchning väntar försvinner ur dess val; skickas den ändå avvisas den på svenska")
  void aWorkplaceThatFillsUpLeavesTheOtherOpenMatchingForms() {
    String area = newArea();
    WorkplaceView place = workplace("CARE", area, 1, true);
    CaseFile first = activeCase(LocalDate.of(2026, 3, 2));
    CaseFile second = activeCase(LocalDate.of(2026, 3, 2));
    requestOn(LocalDate.of(2026, 3, 9), first, "CARE", area);
    requestOn(LocalDate.of(2026, 3, 9), second, "CARE", area);
    String offered = "\"value\":\"" + place.id() + "\"";
    assertThat(options(second)).contains(offered);

    completePlacementOn(LocalDate.of(2026, 3, 10), first, "matchWorkplace", COORDINATOR,
        match(place.id(), LocalDate.of(2026, 3, 10)));

    assertThat(options(second)).as("the form opened now offers only workplaces free now").doesNotContain(offered);
    assertPlacementRefused(second, "matchWorkplace", match(place.id(), LocalDate.of(2026, 3, 10)),
        "Arbetsplats: " + place.name() + " har inga lediga praktikplatser (1 av 1 upptagna)");
  }

  private String options(CaseFile c) {
    return String.valueOf(taskService.getVariableLocal(placementTask(c, "matchWorkplace").getId(),
        WorkplaceMatching.OPTIONS));
  }

  @Test
  @DisplayName("en begäran som inte går: praktik pågår redan, eller deltagandet har inte startat")
  void aRequestIsRefusedWhilePlacementIsUnderWayOrParticipationHasNotStarted() {
    CaseFile c = activeCase(LocalDate.of(2026, 3, 2));
    String area = newArea();
    requestOn(LocalDate.of(2026, 3, 3), c, "EDUCATION", area);
    assertThatThrownBy(() -> requestOn(LocalDate.of(2026, 3, 4), c, "EDUCATION", area))
        .isInstanceOf(PlacementRefusedException.class).hasMessageContaining("redan en praktik under arbete");
    assertThat(placements.findByCaseIdOrderBySequence(c.getId())).hasSize(1);

    CaseFile notStarted = referOn(LocalDate.of(2026, 3, 2));
    assertThatThrownBy(() -> requestOn(LocalDate.of(2026, 3, 4), notStarted, "EDUCATION", area))
        .isInstanceOf(PlacementRefusedException.class).hasMessageContaining("medan deltagandet pågår");
    assertThatThrownBy(() -> requestOn(LocalDate.of(2026, 3, 4), c, "ASTRONAUT", area))
        .isInstanceOf(FormRejectedException.class).hasMessageContaining("Önskad bransch");
    assertThat(placements.findByCaseIdOrderBySequence(notStarted.getId())).isEmpty();
  }

  @Test
  @DisplayName("formulären kontrolleras på servern: ogiltiga värden avvisas på svenska och inget ändras")
  void placementFormsAreValidatedOnTheServer() {
    CaseFile c = activeCase(LocalDate.of(2026, 3, 2));
    String area = newArea();
    WorkplaceView notIntroduced = workplace("CULTURE", area, 1, false);
    requestOn(LocalDate.of(2026, 3, 3), c, "CULTURE", area);
    assertPlacementRefused(c, "matchWorkplace", match(notIntroduced.id(), LocalDate.of(2026, 3, 2)),
        "Matchad: kan inte vara före begäran");
    assertPlacementRefused(c, "matchWorkplace", form("matchDecision", "WITHDRAW"),
        "Skäl till att begäran återkallas: måste fyllas i");
    completePlacementOn(LocalDate.of(2026, 3, 4), c, "matchWorkplace", COORDINATOR,
        match(notIntroduced.id(), LocalDate.of(2026, 3, 4)));
    assertPlacementRefused(c, "visitWorkplace", visit(LocalDate.of(2026, 3, 4), true, false),
        "Introduktion: arbetsplatsen har inte fått introduktionen");
    completePlacementOn(LocalDate.of(2026, 3, 5), c, "visitWorkplace", COORDINATOR,
        visit(LocalDate.of(2026, 3, 5), true, true));
    Map<String, Object> plan = workPlan(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 9), LocalDate.of(2027, 3, 10));
    plan.put("hoursPerWeek", 45);
    plan.put("agreedWithParticipant", false);
    assertPlacementRefused(c, "agreeWorkPlan", plan, "Timmar per vecka: ska vara ett heltal mellan 1 och 40",
        "en praktikperiod är högst 12 månader", "ska vara godkänd av deltagaren");
    completePlacementOn(LocalDate.of(2026, 3, 5), c, "agreeWorkPlan", COORDINATOR,
        workPlan(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 6, 5)));
    Map<String, Object> ending = followUpEnds(LocalDate.of(2026, 3, 20), "EMPLOYMENT");
    assertPlacementRefused(c, "followUpVisit", ending, "Anställningsform: måste fyllas i");
    ending.put("outcome", "ENDED_EARLY");
    ending.put("endReason", "OTHER");
    assertPlacementRefused(c, "followUpVisit", ending, "Kommentar: måste fyllas i");
    ending.put("endedOn", "2026-03-01");
    assertPlacementRefused(c, "followUpVisit", ending, "Praktikens sista dag: kan inte vara före praktikens start");
  }

  private void assertPlacementRefused(CaseFile c, String taskKey, Map<String, Object> form, String... messages) {
    Task before = placementTask(c, taskKey);
    var placementRow = jdbc.queryForList("select * from placement where case_id = ?", c.getId());
    var workplaceRows = jdbc.queryForList("select * from workplace order by id");
    var refusal = assertThatThrownBy(() -> completePlacementOn(LocalDate.of(2026, 3, 20), c, taskKey, COORDINATOR,
        form)).isInstanceOf(FormRejectedException.class);
    for (String message : messages) {
      refusal.hasMessageContaining(message);
    }
    assertThat(placementTask(c, taskKey).getId()).isEqualTo(before.getId());
    assertThat(jdbc.queryForList("select * from placement where case_id = ?", c.getId())).isEqualTo(placementRow);
    assertThat(jdbc.queryForList("select * from workplace order by id")).isEqualTo(workplaceRows);
    assertThat(jdbc.queryForObject("select count(*) from placement_visit v join placement p on p.id = v.placement_id"
        + " where p.case_id = ?", Integer.class, c.getId())).isZero();
  }
}
