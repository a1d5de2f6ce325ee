package se.stegvis.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CasePhase;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

/** The follow-up opens 6 months after exit and is due 12 months after exit. */
@DisplayName("Uppföljning 6–12 månader efter avslut")
@AlsoOnPostgres
class FollowUpProcessTest extends CaseProcessTest {

  @Autowired FollowUpRepository followUps;

  @Test
  @DisplayName("ingen uppföljning dagen före 6 månader efter avslut, uppgiften kommer vid midnatt 6 månader efter")
  void followUpOpensSixMonthsAfterExit() {
    LocalDate exited = LocalDate.of(2026, 5, 20);
    CaseFile c = exitedCase(exited, "JOB_SEEKING");
    var pi = instance(c);
    assertThat(pi).isWaitingAtExactly("followUpDue");
    var timer = managementService.createJobQuery().processInstanceId(c.getProcessInstanceId()).timers().singleResult();
    assertThat(swedish(timer.getDuedate())).isEqualTo(LocalDate.of(2026, 11, 20).atStartOfDay());

    clockAt(LocalDate.of(2026, 11, 19), LocalTime.of(23, 59, 59));
    assertThat(fireDueTimers(c)).isZero();
    assertThat(task(c, "followUp")).isNull();
    assertThat(instance(c)).isWaitingAtExactly("followUpDue");

    clockAt(LocalDate.of(2026, 11, 20), LocalTime.MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(instance(c)).hasPassed("followUpDue").isWaitingAtExactly("followUp");
    assertThat(task(c, "followUp").getAssignee()).isEqualTo(COACH);
    assertThat(swedish(task(c, "followUp").getDueDate())).isEqualTo(endOf(LocalDate.of(2027, 5, 20)));
    assertThat(deadline(c, "FOLLOW_UP", 1).getState()).isEqualTo(DeadlineState.OPEN);

    var notReached = form("followedUpOn", "2026-11-24", "reached", false, "note", text("Nåddes inte per telefon"));
    completeOn(LocalDate.of(2026, 11, 24), c, "followUp", COACH, notReached);
    assertThat(pi).isEnded().hasPassed("caseClosed");
    assertThat(followUps.findByCaseId(c.getId())).hasValueSatisfying(f -> {
      assertThat(f.isReached()).isFalse();
      assertThat(f.getStatus()).isNull();
    });
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
    assertThat(deadline(c, "FOLLOW_UP", 1).getState()).isEqualTo(DeadlineState.MET);
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("uppföljningen eskaleras efter 12 månader: inte dag 12 månader kl 23:00, men dagen efter; den är öppen (försenad) tills den görs, sen (MET_LATE)")
  void followUpIsEscalatedAfterTwelveMonths() {
    LocalDate exited = LocalDate.of(2026, 5, 21);
    CaseFile c = exitedCase(exited, "STUDIES");
    clockAt(exited.plusMonths(6), LocalTime.MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);

    clockAt(exited.plusMonths(12), LocalTime.of(23, 0));
    assertThat(fireDueTimers(c)).isZero();
    assertThat(task(c, "followUp").getPriority()).isEqualTo(50);
    assertThat(deadline(c, "FOLLOW_UP", 1).getEscalatedAt()).isNull();

    clockAt(exited.plusMonths(12).plusDays(1), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(instance(c)).hasPassed("followUpOverdue", "escalateFollowUp", "followUpEscalated")
        .isWaitingAtExactly("followUp");
    // Escalated, not missed: the follow-up can still be made; it stays open until then.
    assertThat(deadline(c, "FOLLOW_UP", 1).getState()).isEqualTo(DeadlineState.OPEN);
    assertThat(deadline(c, "FOLLOW_UP", 1).getEscalatedAt()).isNotNull();
    assertThat(deadline(c, "FOLLOW_UP", 1).isEscalated()).isTrue();
    assertThat(task(c, "followUp").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    assertThat(task(c, "followUp").getAssignee()).isEqualTo(COACH);

    LocalDate late = exited.plusMonths(13);
    completeOn(late, c, "followUp", COACH, followUp(late));
    assertThat(deadline(c, "FOLLOW_UP", 1).getState()).isEqualTo(DeadlineState.MET_LATE);
    assertThat(deadline(c, "FOLLOW_UP", 1).getStepOn()).isEqualTo(late);
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
  }

  @Test
  @DisplayName("uppföljning daterad före avslutet, eller nådd utan status, avvisas och inget sparas")
  void followUpBeforeExitIsRefused() {
    LocalDate exited = LocalDate.of(2026, 5, 22);
    CaseFile c = exitedCase(exited, "DROPPED_OUT");
    clockAt(exited.plusMonths(6), LocalTime.MIDNIGHT);
    fireDueTimers(c);
    clockAt(exited.plusMonths(6).plusDays(2), MORNING);

    assertRefused(c, "followUp", COACH, followUp(exited.minusDays(1)),
        "Uppföljningsdatum: kan inte vara före avslutet (" + exited + ").");
    var noStatus = followUp(exited.plusMonths(6));
    noStatus.remove("status");
    assertRefused(c, "followUp", COACH, noStatus, "Status: måste fyllas i.");
    assertRefused(c, "followUp", COACH, form("followedUpOn", exited.plusMonths(6).toString(), "reached", false),
        "Anteckning: måste fyllas i.");
    var inTheFuture = followUp(exited.plusMonths(7));
    assertRefused(c, "followUp", COACH, inTheFuture,
        "Uppföljningsdatum: kan inte ligga i framtiden (" + exited.plusMonths(7) + ").");

    complete(c, "followUp", COACH, followUp(exited.plusMonths(6)));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).count())
        .isZero();
    assertThat(followUps.findByCaseId(c.getId())).isPresent();
  }
}
