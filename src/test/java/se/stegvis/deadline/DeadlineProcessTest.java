package se.stegvis.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;
import se.stegvis.time.EngineClock;

/**
 * Deadlines are whole Swedish calendar days: a step due "within 14 days" may be done all of the
 * 14th day and is escalated from midnight. Escalation marks the open deadline overdue and raises
 * the task's priority; the task stays where it was.
 */
@DisplayName("Tidsfrister: gränserna med motorns klocka (Europe/Stockholm)")
@AlsoOnPostgres
class DeadlineProcessTest extends CaseProcessTest {

  static final LocalTime BEFORE_MIDNIGHT = LocalTime.of(23, 0);
  static final LocalTime JUST_AFTER_MIDNIGHT = LocalTime.of(0, 0, 1);

  @Test
  @DisplayName("beslut om insats: dag 14 kl 23:00 inte eskalerat, dag 15 kl 00:00:01 eskalerat")
  void intakeDecisionIsEscalatedFromTheFifteenthDay() {
    LocalDate referred = LocalDate.of(2026, 9, 7);
    CaseFile c = referOn(referred);
    Task task = task(c, "decideIntake");
    assertThat(swedish(task.getDueDate())).isEqualTo(endOf(referred.plusDays(14)));
    assertThat(swedish(timer(c).getDuedate())).isEqualTo(endOf(referred.plusDays(14)));
    Deadline deadline = deadline(c, "INTAKE_DECISION", 1);
    assertThat(deadline.getDueAt()).isEqualTo(task.getDueDate().toInstant());
    assertThat(deadline.getState()).isEqualTo(DeadlineState.OPEN);
    List<String> candidatesBefore = candidateGroups(task);

    clockAt(referred.plusDays(14), BEFORE_MIDNIGHT);
    assertThat(fireDueTimers(c)).isZero();
    assertThat(deadline(c, "INTAKE_DECISION", 1).getState()).isEqualTo(DeadlineState.OPEN);
    assertThat(task(c, "decideIntake").getPriority()).isEqualTo(Task.PRIORITY_NORMAL);

    clockAt(referred.plusDays(15), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(instance(c)).hasPassed("intakeDecisionOverdue", "escalateIntakeDecision", "intakeDecisionEscalated")
        .isWaitingAtExactly("decideIntake");
    Deadline missed = deadline(c, "INTAKE_DECISION", 1);
    assertThat(missed.getState()).as("open and overdue until registered").isEqualTo(DeadlineState.OPEN);
    assertThat(missed.isEscalated()).isTrue();
    assertThat(missed.getEscalatedAt()).isEqualTo(ZonedDateTime.of(referred.plusDays(15), JUST_AFTER_MIDNIGHT,
        EngineClock.ZONE).toInstant());
    Task escalated = task(c, "decideIntake");
    assertThat(escalated.getId()).isEqualTo(task.getId());
    assertThat(escalated.getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    assertThat(escalated.getAssignee()).isNull();
    assertThat(candidateGroups(escalated)).isEqualTo(candidatesBefore).containsExactly("beredningsgrupp");

    completeOn(referred.plusDays(16), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(16)));
    assertThat(deadline(c, "INTAKE_DECISION", 1).getState()).isEqualTo(DeadlineState.MET_LATE);
  }

  @Test
  @DisplayName("beslut fattat på remissdagen men registrerat 17 dagar senare, efter eskaleringen: i tid, och efterregistreringen loggas med båda datumen")
  void aDecisionRegisteredLateButTakenInTimeIsMet() {
    LocalDate referred = LocalDate.of(2026, 9, 21);
    CaseFile c = referOn(referred);
    clockAt(referred.plusDays(15), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(deadline(c, "INTAKE_DECISION", 1).isEscalated()).isTrue();

    completeOn(referred.plusDays(17), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred));

    Deadline decided = deadline(c, "INTAKE_DECISION", 1);
    assertThat(decided.getState()).as("judged by the day it happened").isEqualTo(DeadlineState.MET);
    assertThat(decided.getStepOn()).isEqualTo(referred);
    assertThat(EngineClock.toDay(java.util.Date.from(decided.getCompletedAt())))
        .as("registered").isEqualTo(referred.plusDays(17));
    assertThat(decided.getEscalatedAt()).as("the escalation stays on record").isNotNull();
    assertThat(jdbc.queryForList("select resource from audit_entry where case_id = ? and action = 'CHANGE'",
        String.class, c.getId())).contains("Efterregistrerat steg: Beslut om insats (14 dagar) nr 1 utfört "
            + referred + ", registrerat " + referred.plusDays(17) + " (förfallodag " + referred.plusDays(14) + ")");
  }

  @Test
  @DisplayName("avslut efter förfallodagen: en ogjord plan förblir missad, daterad med avslutsdatumet; avslut före förfallodagen avbryter den")
  void anExitAfterTheDueDayLeavesTheStepMissed() {
    LocalDate started = LocalDate.of(2026, 10, 5);
    CaseFile missed = activeCase(started);
    completeOn(started.plusDays(20), missed, "exitParticipation", COACH, exit(started.plusDays(20), "JOB_SEEKING"));
    assertThat(deadlines(missed)).extracting(Deadline::getKind, Deadline::getState, Deadline::getEndedOn)
        .contains(tuple("PLAN", DeadlineState.MISSED, started.plusDays(20)),
            tuple("MEETING", DeadlineState.CANCELLED, started.plusDays(20)),
            tuple("PROPOSAL", DeadlineState.CANCELLED, started.plusDays(20)));

    CaseFile cancelled = activeCase(started);
    completeOn(started.plusDays(20), cancelled, "exitParticipation", COACH,
        exit(started.plusDays(10), "JOB_SEEKING"));
    assertThat(deadline(cancelled, "PLAN", 1)).as("the exit's own date, registered after the due day")
        .extracting(Deadline::getState, Deadline::getEndedOn)
        .containsExactly(DeadlineState.CANCELLED, started.plusDays(10));
  }

  @Test
  @DisplayName("beslut i tid på sista dagen är i tid")
  void intakeDecisionOnTheLastDayIsMet() {
    LocalDate referred = LocalDate.of(2026, 9, 8);
    CaseFile c = referOn(referred);
    clockAt(referred.plusDays(14), LocalTime.of(23, 30));
    assertThat(fireDueTimers(c)).isZero();
    complete(c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(14)));
    assertThat(deadline(c, "INTAKE_DECISION", 1).getState()).isEqualTo(DeadlineState.MET);
    assertThat(instance(c)).hasNotPassed("escalateIntakeDecision");
  }

  @Test
  @DisplayName("handlingsplan: dag 14 efter start kl 23:00 inte eskalerad, dag 15 kl 00:00:01 eskalerad, coachen har kvar den")
  void actionPlanIsEscalatedFromTheFifteenthDayAfterStart() {
    LocalDate started = LocalDate.of(2026, 9, 14);
    CaseFile c = activeCase(started);
    Task plan = task(c, "makeActionPlan");
    assertThat(swedish(plan.getDueDate())).isEqualTo(endOf(started.plusDays(14)));
    assertThat(plan.getAssignee()).isEqualTo(COACH);

    clockAt(started.plusDays(14), BEFORE_MIDNIGHT);
    assertThat(fireDueTimers(c)).isZero();
    assertThat(deadline(c, "PLAN", 1).getState()).isEqualTo(DeadlineState.OPEN);

    clockAt(started.plusDays(15), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(instance(c)).hasPassed("planOverdue", "escalatePlan", "planEscalated").isWaitingAt("makeActionPlan");
    assertThat(deadline(c, "PLAN", 1).getState()).isEqualTo(DeadlineState.OPEN);
    assertThat(deadline(c, "PLAN", 1).isEscalated()).isTrue();
    assertThat(deadlines(c)).filteredOn(d -> !d.getKind().equals("PLAN") && !d.getKind().equals("INTAKE_DECISION"))
        .extracting(Deadline::getKind, Deadline::getState)
        .containsExactlyInAnyOrder(tuple("MEETING", DeadlineState.OPEN), tuple("PROPOSAL", DeadlineState.OPEN));
    Task escalated = task(c, "makeActionPlan");
    assertThat(escalated.getId()).isEqualTo(plan.getId());
    assertThat(escalated.getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    assertThat(escalated.getAssignee()).isEqualTo(COACH);
    assertThat(task(c, "holdMeeting").getPriority()).isEqualTo(Task.PRIORITY_NORMAL);

    completeOn(started.plusDays(17), c, "makeActionPlan", COACH, actionPlan(started.plusDays(17)));
    assertThat(deadline(c, "PLAN", 1).getState()).isEqualTo(DeadlineState.MET_LATE);
  }

  @Test
  @DisplayName("förslag till åtgärd: förfaller 6 månader efter start, eskaleras dagen därpå")
  void proposalIsDueSixMonthsAfterStart() {
    LocalDate started = LocalDate.of(2026, 2, 16);
    CaseFile c = activeCase(started);
    completeOn(started.plusDays(5), c, "makeActionPlan", COACH, actionPlan(started.plusDays(5)));
    assertThat(swedish(task(c, "documentProposal").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 8, 16)));
    for (LocalDate held : List.of(started.plusMonths(1), started.plusMonths(3), started.plusMonths(5))) {
      completeOn(held, c, "holdMeeting", COACH, meeting(held));
    }

    clockAt(LocalDate.of(2026, 8, 16), BEFORE_MIDNIGHT);
    assertThat(fireDueTimers(c)).isZero();
    clockAt(LocalDate.of(2026, 8, 17), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(instance(c)).hasPassed("proposalOverdue", "escalateProposal", "proposalEscalated")
        .isWaitingAt("documentProposal");
    assertThat(deadline(c, "PROPOSAL", 1).status()).isEqualTo("OVERDUE");
    assertThat(task(c, "documentProposal").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    assertThat(deadline(c, "MEETING", 4).getState()).as("the next meeting is not yet due").isEqualTo(DeadlineState.OPEN);
  }

  @Test
  @DisplayName("månadsslut: start 31 januari ger plan 14 feb, samtal 31 mar, 31 maj, 31 jul och förslag 31 jul")
  void monthEndsAfterAStartOnTheThirtyFirstOfJanuary() {
    LocalDate started = LocalDate.of(2026, 1, 31);
    CaseFile c = activeCase(started);
    assertThat(swedish(task(c, "makeActionPlan").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 2, 14)));
    assertThat(swedish(task(c, "documentProposal").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 7, 31)));
    assertThat(swedish(task(c, "holdMeeting").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 3, 31)));
    completeOn(LocalDate.of(2026, 3, 10), c, "holdMeeting", COACH, meeting(LocalDate.of(2026, 3, 10)));
    assertThat(swedish(task(c, "holdMeeting").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 5, 31)));
    completeOn(LocalDate.of(2026, 5, 10), c, "holdMeeting", COACH, meeting(LocalDate.of(2026, 5, 10)));
    assertThat(swedish(task(c, "holdMeeting").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 7, 31)));

    assertThat(deadlines(c)).filteredOn(d -> !d.getKind().equals("INTAKE_DECISION"))
        .extracting(Deadline::getKind, Deadline::getSequence, d -> swedish(java.util.Date.from(d.getDueAt())))
        .containsExactlyInAnyOrder(
            tuple("PLAN", 1, endOf(LocalDate.of(2026, 2, 14))),
            tuple("MEETING", 1, endOf(LocalDate.of(2026, 3, 31))),
            tuple("MEETING", 2, endOf(LocalDate.of(2026, 5, 31))),
            tuple("MEETING", 3, endOf(LocalDate.of(2026, 7, 31))),
            tuple("PROPOSAL", 1, endOf(LocalDate.of(2026, 7, 31))));
    assertThat(managementService.createJobQuery().processInstanceId(c.getProcessInstanceId()).timers().list())
        .extracting(job -> swedish(job.getDuedate()))
        .containsExactlyInAnyOrder(endOf(LocalDate.of(2026, 2, 14)), endOf(LocalDate.of(2026, 7, 31)),
            endOf(LocalDate.of(2026, 7, 31)));
  }

  @Test
  @DisplayName("månadsslut: start 31 december ger första samtalet 28 februari, och 29 februari under skottår")
  void firstMeetingAfterAStartOnNewYearsEveIsTheLastDayOfFebruary() {
    CaseFile ordinary = activeCase(LocalDate.of(2025, 12, 31));
    assertThat(swedish(task(ordinary, "holdMeeting").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 2, 28)));
    CaseFile leap = activeCase(LocalDate.of(2027, 12, 31));
    assertThat(swedish(task(leap, "holdMeeting").getDueDate())).isEqualTo(endOf(LocalDate.of(2028, 2, 29)));
    assertThat(swedish(task(leap, "makeActionPlan").getDueDate())).isEqualTo(endOf(LocalDate.of(2028, 1, 14)));
    assertThat(swedish(task(leap, "documentProposal").getDueDate())).isEqualTo(endOf(LocalDate.of(2028, 6, 30)));
  }

  @Test
  @DisplayName("sommartid: remiss 20 mars, beslut senast 3 april 23:59:59 svensk sommartid")
  void deadlineAcrossTheStartOfSummerTime() {
    LocalDate referred = LocalDate.of(2026, 3, 20);
    CaseFile c = referOn(referred);
    var due = task(c, "decideIntake").getDueDate().toInstant().atZone(EngineClock.ZONE);
    assertThat(due.toLocalDateTime()).isEqualTo(LocalDate.of(2026, 4, 3).atTime(23, 59, 59));
    assertThat(due.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(timer(c).getDuedate()).isEqualTo(task(c, "decideIntake").getDueDate());

    clockAt(LocalDate.of(2026, 4, 3), LocalTime.of(23, 30));
    assertThat(fireDueTimers(c)).isZero();
    clockAt(LocalDate.of(2026, 4, 4), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(deadline(c, "INTAKE_DECISION", 1).status()).isEqualTo("OVERDUE");
  }

  @Test
  @DisplayName("vintertid: start 20 oktober, plan senast 3 november 23:59:59 och första samtalet 20 december, svensk normaltid")
  void deadlineAcrossTheEndOfSummerTime() {
    LocalDate started = LocalDate.of(2026, 10, 20);
    CaseFile c = activeCase(started);
    var planDue = task(c, "makeActionPlan").getDueDate().toInstant().atZone(EngineClock.ZONE);
    assertThat(planDue.toLocalDateTime()).isEqualTo(LocalDate.of(2026, 11, 3).atTime(23, 59, 59));
    assertThat(planDue.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(swedish(task(c, "holdMeeting").getDueDate())).isEqualTo(endOf(LocalDate.of(2026, 12, 20)));

    clockAt(LocalDate.of(2026, 11, 3), LocalTime.of(23, 30));
    assertThat(fireDueTimers(c)).isZero();
    clockAt(LocalDate.of(2026, 11, 4), JUST_AFTER_MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(deadline(c, "PLAN", 1).status()).isEqualTo("OVERDUE");
  }

  private org.camunda.bpm.engine.runtime.Job timer(CaseFile c) {
    return managementService.createJobQuery().processInstanceId(c.getProcessInstanceId()).timers().singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }
}
