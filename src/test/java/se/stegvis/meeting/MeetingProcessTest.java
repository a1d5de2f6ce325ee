package se.stegvis.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

/**
 * Multi-party meetings every second month from the start: three are due in the first six months,
 * each created when the previous one is held, each with its deadline counted from the start.
 */
@DisplayName("Flerpartssamtal: varannan månad från start")
@AlsoOnPostgres
class MeetingProcessTest extends CaseProcessTest {

  @Autowired MeetingRepository meetings;

  @Test
  @DisplayName("tre samtal första halvåret: nästa skapas när föregående hålls, förfaller start+2, +4 och +6 månader")
  void threeMeetingsAreDueInTheFirstSixMonths() {
    LocalDate started = LocalDate.of(2026, 3, 2);
    CaseFile c = activeCase(started);
    List<LocalDate> held = List.of(LocalDate.of(2026, 4, 20), LocalDate.of(2026, 6, 22), LocalDate.of(2026, 8, 24));
    for (int n = 1; n <= 3; n++) {
      assertThat(taskService.createTaskQuery().processInstanceId(c.getProcessInstanceId())
          .taskDefinitionKey("holdMeeting").count()).as("one meeting at a time").isEqualTo(1);
      assertThat(swedish(task(c, "holdMeeting").getDueDate())).isEqualTo(endOf(started.plusMonths(2L * n)));
      assertThat(task(c, "holdMeeting").getAssignee()).isEqualTo(COACH);
      completeOn(held.get(n - 1), c, "holdMeeting", COACH, meeting(held.get(n - 1)));
      assertThat(instance(c)).isWaitingAt("holdMeeting");
    }

    assertThat(meetings.findByCaseIdOrderBySequence(c.getId()))
        .extracting(Meeting::getSequence, Meeting::getHeldOn, Meeting::getPartiesPresent, Meeting::isPersonPresent)
        .containsExactly(tuple(1, held.get(0), "AF,SOC", true), tuple(2, held.get(1), "AF,SOC", true),
            tuple(3, held.get(2), "AF,SOC", true));
    assertThat(deadlines(c)).filteredOn(d -> d.getKind().equals("MEETING"))
        .extracting(Deadline::getSequence, d -> swedish(java.util.Date.from(d.getDueAt())), Deadline::getState)
        .containsExactly(
            tuple(1, endOf(LocalDate.of(2026, 5, 2)), DeadlineState.MET),
            tuple(2, endOf(LocalDate.of(2026, 7, 2)), DeadlineState.MET),
            tuple(3, endOf(LocalDate.of(2026, 9, 2)), DeadlineState.MET),
            tuple(4, endOf(LocalDate.of(2026, 11, 2)), DeadlineState.OPEN));
    assertThat(runtimeService.getVariable(c.getProcessInstanceId(), "meetingNumber")).isEqualTo(4);
  }

  @Test
  @DisplayName("samtal som inte hålls i tid: eskaleras dagen efter men är öppet (försenat) tills det hålls, hålls sent (MET_LATE, samtalets dag), nästa förfaller ändå start+4 månader")
  void aMeetingNotHeldByItsDueDateIsEscalatedAndStaysOpen() {
    LocalDate started = LocalDate.of(2026, 3, 3);
    CaseFile c = activeCase(started);
    completeOn(started.plusDays(3), c, "makeActionPlan", COACH, actionPlan(started.plusDays(3)));
    String first = task(c, "holdMeeting").getId();

    clockAt(LocalDate.of(2026, 5, 3), LocalTime.of(23, 0));
    assertThat(fireDueTimers(c)).isZero();
    assertThat(deadline(c, "MEETING", 1).getState()).isEqualTo(DeadlineState.OPEN);
    assertThat(deadline(c, "MEETING", 1).getEscalatedAt()).isNull();

    clockAt(LocalDate.of(2026, 5, 4), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(instance(c)).hasPassed("meetingOverdue", "escalateMeeting", "meetingEscalated").isWaitingAt("holdMeeting");
    // Escalated, not missed: the meeting can still be held; it is missed only if the case ends first.
    assertThat(deadline(c, "MEETING", 1).getState()).isEqualTo(DeadlineState.OPEN);
    assertThat(deadline(c, "MEETING", 1).getEscalatedAt()).isNotNull();
    assertThat(deadline(c, "MEETING", 1).isEscalated()).isTrue();
    assertThat(task(c, "holdMeeting").getId()).isEqualTo(first);
    assertThat(task(c, "holdMeeting").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    assertThat(task(c, "holdMeeting").getAssignee()).isEqualTo(COACH);

    LocalDate late = LocalDate.of(2026, 5, 20);
    completeOn(late, c, "holdMeeting", COACH, meeting(late));
    assertThat(deadline(c, "MEETING", 1).getState()).isEqualTo(DeadlineState.MET_LATE);
    assertThat(deadline(c, "MEETING", 1).getStepOn()).isEqualTo(late);
    assertThat(deadline(c, "MEETING", 1).isEscalated()).isFalse();
    assertThat(swedish(task(c, "holdMeeting").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 7, 3)));
    assertThat(task(c, "holdMeeting").getPriority()).isEqualTo(50);
    assertThat(deadline(c, "MEETING", 2).getState()).isEqualTo(DeadlineState.OPEN);
  }

  @Test
  @DisplayName("samtal före start eller utan närvarande parter avvisas, inget sparas")
  void meetingBeforeStartOrWithoutPartiesIsRefused() {
    LocalDate started = LocalDate.of(2026, 3, 4);
    CaseFile c = activeCase(started);
    clockAt(started.plusDays(20), MORNING);

    assertRefused(c, "holdMeeting", COACH, meeting(started.minusDays(1)),
        "Samtalet hölls: kan inte vara före deltagandets start (" + started + ").");
    var noParties = meeting(started.plusDays(20));
    noParties.put("partiesPresent", List.of());
    assertRefused(c, "holdMeeting", COACH, noParties,
        "Närvarande parter: ett flerpartssamtal har minst en part utöver deltagaren.");
    var noNotes = meeting(started.plusDays(20));
    noNotes.remove("summary");
    assertRefused(c, "holdMeeting", COACH, noNotes, "Anteckningar: måste fyllas i.");

    complete(c, "holdMeeting", COACH, meeting(started.plusDays(20)));
    assertThat(meetings.findByCaseIdOrderBySequence(c.getId())).hasSize(1);
  }
}
