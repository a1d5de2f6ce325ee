package se.stegvis.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.consent.Consent;
import se.stegvis.consent.ConsentRepository;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineState;
import se.stegvis.exit.CaseExitRepository;
import se.stegvis.followup.FollowUpRepository;
import se.stegvis.identity.Groups;
import se.stegvis.meeting.Meeting;
import se.stegvis.meeting.MeetingRepository;
import se.stegvis.placement.PlacementRequests;
import se.stegvis.plan.ActionPlanRepository;
import se.stegvis.plan.ProposedActionRepository;
import se.stegvis.referral.ReferralRepository;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.survey.Survey;
import se.stegvis.survey.SurveyAnswer;
import se.stegvis.survey.SurveyAnswerRepository;
import se.stegvis.support.CaseProcessTest;
import se.stegvis.support.DatabaseSnapshot;
import se.stegvis.support.FlowNodeCoverage;

/**
 * Every way through "Deltagarärende", from referral to closing, asserting where the process waits
 * and what the case tables hold, and after each run that the engine's variable tables hold no
 * personal data. Together these tests cover the whole model: after the class, its flow-node
 * coverage (camunda-process-test-coverage report) must be at least 90 %.
 */
@DisplayName("Deltagarärende: alla vägar genom processen")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FlowNodeCoverage(process = ProcessVariables.PROCESS_KEY)
@AlsoOnPostgres
class ParticipantCaseProcessTest extends CaseProcessTest {

  @Autowired ReferralRepository referralRepository;
  @Autowired PlacementRequests placementRequests;
  @Autowired NotificationRepository notifications;
  @Autowired ConsentRepository consents;
  @Autowired ActionPlanRepository plans;
  @Autowired MeetingRepository meetings;
  @Autowired ProposedActionRepository proposals;
  @Autowired CaseExitRepository exits;
  @Autowired FollowUpRepository followUps;
  @Autowired SurveyAnswerRepository surveyAnswers;

  @Test
  @DisplayName("antagen → handlingsplan → tre flerpartssamtal → förslag → avslut → uppföljning: ärendet stängs")
  void acceptedParticipantIsFollowedUpAndTheCaseClosed() {
    LocalDate referred = LocalDate.of(2026, 1, 12);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);
    assertThat(pi).isWaitingAtExactly("decideIntake").hasBusinessKey(c.getCaseNumber());
    assertThat(taskService.getIdentityLinksForTask(task(c, "decideIntake").getId()))
        .extracting("groupId").containsExactly("beredningsgrupp");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.REFERRED);

    LocalDate decided = referred.plusDays(5);
    completeOn(decided, c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(decided));
    assertThat(pi).hasPassed("notifyDecision", "decisionGateway").isWaitingAtExactly("startParticipation");
    assertThat(task(c, "startParticipation").getAssignee()).isEqualTo(COACH);
    var referral = referralRepository.findByCaseId(c.getId()).orElseThrow();
    assertThat(referral.getDecision()).isEqualTo("ACCEPTED");
    assertThat(referral.getDecidedOn()).isEqualTo(decided);
    assertThat(referral.getDecidedBy()).isEqualTo(WORKING_GROUP_MEMBER);
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.ACCEPTED);
    assertThat(reload(c).getCoach()).isEqualTo(COACH);
    assertThat(notifications.findByCaseIdOrderByCreatedAt(c.getId()))
        .extracting(Notification::getRecipient).containsExactlyInAnyOrder(
            Notification.Recipient.PERSON, Notification.Recipient.REFERRER);

    LocalDate started = referred.plusDays(12);
    completeOn(started, c, "startParticipation", COACH, participationStart(started));
    assertThat(pi).isWaitingAtExactly("participation", "makeActionPlan", "holdMeeting", "documentProposal",
        "exitParticipation", "awaitPlacementRequest");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.ACTIVE);
    assertThat(reload(c).getStartedOn()).isEqualTo(started);
    assertThat(reload(c).getMappingSummary()).startsWith("Kartläggning");
    assertThat(consents.findByCaseId(c.getId())).hasSize(4)
        .extracting(Consent::getParty, Consent::getCategory, Consent::getDirection)
        .containsExactlyInAnyOrder(tuple("AF", "HEALTH", "OBTAIN"), tuple("AF", "WORK_HISTORY", "OBTAIN"),
            tuple("SOC", "HEALTH", "OBTAIN"), tuple("SOC", "WORK_HISTORY", "OBTAIN"));
    assertThat(runtimeService.getVariables(c.getProcessInstanceId()))
        .containsEntry("participationStarted", true).containsEntry("meetingNumber", 1).containsKey("startDate");

    completeOn(started.plusDays(10), c, "makeActionPlan", COACH, actionPlan(started.plusDays(10)));
    assertThat(pi).hasPassed("planDone").isNotWaitingAt("makeActionPlan");
    assertThat(plans.findByCaseId(c.getId())).singleElement()
        .satisfies(p -> assertThat(p.getMadeOn()).isEqualTo(started.plusDays(10)));

    List<LocalDate> held = List.of(started.plusMonths(1), started.plusMonths(3), started.plusMonths(5));
    for (int i = 0; i < held.size(); i++) {
      assertThat(swedish(task(c, "holdMeeting").getDueDate())).isEqualTo(endOf(started.plusMonths(2L * (i + 1))));
      completeOn(held.get(i), c, "holdMeeting", COACH, meeting(held.get(i)));
      assertThat(runtimeService.getVariable(c.getProcessInstanceId(), "meetingNumber")).isEqualTo(i + 2);
    }
    assertThat(meetings.findByCaseIdOrderBySequence(c.getId()))
        .extracting(Meeting::getSequence, Meeting::getHeldOn)
        .containsExactly(tuple(1, held.get(0)), tuple(2, held.get(1)), tuple(3, held.get(2)));
    assertThat(pi).isWaitingAt("holdMeeting");

    LocalDate documented = held.get(2).plusDays(2);
    completeOn(documented, c, "documentProposal", COACH, proposal(held.get(2), documented));
    assertThat(pi).hasPassed("proposalDone");
    Meeting third = meetings.findByCaseIdOrderBySequence(c.getId()).get(2);
    assertThat(proposals.findByCaseId(c.getId())).singleElement().satisfies(p -> {
      assertThat(p.isAgreedWithPerson()).isTrue();
      assertThat(p.getPresentedAtMeeting()).isEqualTo(third.getId());
    });

    LocalDate exited = held.get(2).plusDays(20);
    var exitForm = exit(exited, "WORK");
    exitForm.putAll(Map.of("surveyQualityOfLife", "4", "surveyParticipation", "5", "surveySupport", "4",
        "surveyFuturePlanning", "3"));
    completeOn(exited, c, "exitParticipation", COACH, exitForm);
    assertThat(pi).hasPassed("participationEnded", "participation").isWaitingAtExactly("followUpDue");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.EXITED);
    assertThat(reload(c).getExitedOn()).isEqualTo(exited);
    assertThat(exits.findByCaseId(c.getId())).hasValueSatisfying(e -> {
      assertThat(e.getOutcome()).isEqualTo("WORK");
      // The form was prefilled with the income source at referral; the coach's choice is what counts.
      assertThat(e.getIncomeSource()).isEqualTo("SALARY");
      assertThat(e.getExtentPercent()).isEqualTo(75);
      assertThat(e.getReceivingParty()).isEqualTo("EMPLOYER");
      assertThat(e.isConsentWithdrawn()).isFalse();
    });
    assertThat(surveyAnswers.findByCaseIdAndSurvey(c.getId(), Survey.EXIT))
        .extracting(SurveyAnswer::getQuestion, SurveyAnswer::getAnswer).containsExactlyInAnyOrder(
            tuple("surveyQualityOfLife", 4), tuple("surveyParticipation", 5), tuple("surveySupport", 4),
            tuple("surveyFuturePlanning", 3));
    assertThat(consents.findByCaseId(c.getId())).allMatch(Consent::isActive);

    clockAt(exited.plusMonths(6), LocalTime.MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(pi).isWaitingAtExactly("followUp");
    assertThat(task(c, "followUp").getAssignee()).isEqualTo(COACH);

    LocalDate followedUp = exited.plusMonths(6).plusDays(3);
    var followUpForm = followUp(followedUp);
    followUpForm.putAll(Map.of("surveyRating", "5", "surveyOwnEffort", "4", "surveyLifeImproved", "5"));
    completeOn(followedUp, c, "followUp", COACH, followUpForm);
    assertThat(pi).isEnded().hasPassed("caseClosed");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
    assertThat(followUps.findByCaseId(c.getId())).hasValueSatisfying(f -> {
      assertThat(f.isReached()).isTrue();
      assertThat(f.getStatus()).isEqualTo("WORK");
      assertThat(f.getFollowedUpOn()).isEqualTo(followedUp);
    });
    assertThat(surveyAnswers.findByCaseIdAndSurvey(c.getId(), Survey.FOLLOW_UP)).hasSize(3);

    assertThat(deadlines(c)).extracting(Deadline::getKind, Deadline::getSequence, Deadline::getState)
        .containsExactlyInAnyOrder(
            tuple("INTAKE_DECISION", 1, DeadlineState.MET),
            tuple("PLAN", 1, DeadlineState.MET),
            tuple("MEETING", 1, DeadlineState.MET),
            tuple("MEETING", 2, DeadlineState.MET),
            tuple("MEETING", 3, DeadlineState.MET),
            tuple("PROPOSAL", 1, DeadlineState.MET),
            tuple("MEETING", 4, DeadlineState.CANCELLED),
            tuple("FOLLOW_UP", 1, DeadlineState.MET));
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("ej målgrupp: person och remittent får besked, ärendet stängs")
  void notTargetGroupIsToldToPersonAndReferrer() {
    LocalDate referred = LocalDate.of(2026, 2, 3);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);
    String reason = text("Motivering: behöver i första hand vård");
    completeOn(referred.plusDays(7), c, "decideIntake", WORKING_GROUP_MEMBER,
        form("decision", "NOT_TARGET_GROUP", "reason", reason, "decidedOn", referred.plusDays(7).toString()));

    assertThat(pi).isEnded().hasPassedInOrder("decideIntake", "notifyDecision", "decisionGateway", "notTargetGroup")
        .hasNotPassed("startParticipation");
    CaseFile closed = reload(c);
    assertThat(closed.getPhase()).isEqualTo(CasePhase.CLOSED);
    assertThat(closed.getClosedReason()).isEqualTo(reason);
    var referral = referralRepository.findByCaseId(c.getId()).orElseThrow();
    assertThat(referral.getDecision()).isEqualTo("NOT_TARGET_GROUP");
    assertThat(referral.getDecisionReason()).isEqualTo(reason);
    var sent = notifications.findByCaseIdOrderByCreatedAt(c.getId());
    assertThat(sent).extracting(Notification::getRecipient, Notification::getAddress).containsExactlyInAnyOrder(
        tuple(Notification.Recipient.PERSON, transactions.execute(s -> reload(c).getParticipant().getEmail())),
        tuple(Notification.Recipient.REFERRER, referral.getReferrerEmail()));
    assertThat(sent).allSatisfy(n -> assertThat(n.getBody()).contains("Ej målgrupp").contains(reason)
        .contains(referred.plusDays(7).toString()));
    assertThat(deadlines(c)).extracting(Deadline::getKind, Deadline::getState)
        .containsExactly(tuple("INTAKE_DECISION", DeadlineState.MET));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).count())
        .isZero();
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("annan insats först: ärendet stängs med den föreslagna insatsen, besked skickas")
  void otherMeasureFirstClosesTheCase() {
    LocalDate referred = LocalDate.of(2026, 2, 4);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);
    String measure = text("Arbetsträning hos kommunen");
    completeOn(referred.plusDays(2), c, "decideIntake", WORKING_GROUP_MEMBER,
        form("decision", "OTHER_MEASURE_FIRST", "otherMeasure", measure, "decidedOn", referred.plusDays(2).toString()));

    assertThat(pi).isEnded().hasPassed("notifyDecision", "otherMeasureFirst").hasNotPassed("notTargetGroup");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
    assertThat(reload(c).getClosedReason()).isEqualTo(measure);
    assertThat(referralRepository.findByCaseId(c.getId()).orElseThrow().getOtherMeasure()).isEqualTo(measure);
    assertThat(notifications.findByCaseIdOrderByCreatedAt(c.getId())).hasSize(2)
        .allSatisfy(n -> assertThat(n.getBody()).contains(measure));
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("remissen återtas vid beredningen: ärendet stängs")
  void withdrawnReferralClosesTheCase() {
    LocalDate referred = LocalDate.of(2026, 2, 5);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);
    String reason = text("Remittenten har återtagit remissen");
    completeOn(referred.plusDays(1), c, "decideIntake", WORKING_GROUP_MEMBER,
        form("decision", "WITHDRAWN", "reason", reason, "decidedOn", referred.plusDays(1).toString()));

    assertThat(pi).isEnded().hasPassed("notifyDecision", "referralWithdrawn");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
    assertThat(referralRepository.findByCaseId(c.getId()).orElseThrow().getDecision()).isEqualTo("WITHDRAWN");
    assertThat(notifications.findByCaseIdOrderByCreatedAt(c.getId())).hasSize(2);
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("personen avstår före start: ärendet stängs utan samtycken eller deltagande")
  void declinedBeforeStartClosesTheCase() {
    LocalDate referred = LocalDate.of(2026, 2, 6);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);
    completeOn(referred.plusDays(3), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(3)));
    String why = text("Har fått arbete på egen hand");
    completeOn(referred.plusDays(9), c, "startParticipation", COACH, form("outcome", "DECLINED", "declineReason", why));

    assertThat(pi).isEnded().hasPassed("startedGateway", "declinedBeforeStart").hasNotPassed("participation");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
    assertThat(reload(c).getClosedReason()).isEqualTo(why);
    assertThat(reload(c).getStartedOn()).isNull();
    assertThat(consents.findByCaseId(c.getId())).isEmpty();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(c.getProcessInstanceId())
        .variableName("participationStarted").singleResult().getValue()).isEqualTo(false);
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("avbrott före handlingsplanen: avslut avbryter plan, samtal och förslag, tidsfristerna makuleras")
  void dropoutBeforeThePlanCancelsEveryOpenStep() {
    LocalDate referred = LocalDate.of(2026, 3, 2);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);
    LocalDate started = referred.plusDays(7);
    completeOn(referred.plusDays(2), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(2)));
    completeOn(started, c, "startParticipation", COACH, participationStart(started));
    assertThat(deadlines(c)).filteredOn(d -> d.getState() == DeadlineState.OPEN)
        .extracting(Deadline::getKind).containsExactlyInAnyOrder("PLAN", "MEETING", "PROPOSAL");

    LocalDate exited = started.plusDays(3);
    completeOn(exited, c, "exitParticipation", COACH, exit(exited, "DROPPED_OUT"));

    assertThat(pi).hasPassed("participationEnded").hasNotPassed("planDone", "proposalDone")
        .isWaitingAtExactly("followUpDue");
    assertThat(taskService.createTaskQuery().processInstanceId(c.getProcessInstanceId()).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(c.getProcessInstanceId())
        .canceled().list()).extracting("activityId")
        .contains("makeActionPlan", "holdMeeting", "documentProposal");
    assertThat(deadlines(c)).extracting(Deadline::getKind, Deadline::getState).containsExactlyInAnyOrder(
        tuple("INTAKE_DECISION", DeadlineState.MET),
        tuple("PLAN", DeadlineState.CANCELLED),
        tuple("MEETING", DeadlineState.CANCELLED),
        tuple("PROPOSAL", DeadlineState.CANCELLED));
    assertThat(exits.findByCaseId(c.getId())).hasValueSatisfying(e -> {
      assertThat(e.getOutcome()).isEqualTo("DROPPED_OUT");
      assertThat(e.getExitDate()).isEqualTo(exited);
    });
    assertThat(plans.findByCaseId(c.getId())).isEmpty();
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.EXITED);
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("avbrott efter plan, samtal och förslag: bara nästa samtal avbryts, resten är gjort")
  void dropoutAfterPlanMeetingAndProposal() {
    LocalDate referred = LocalDate.of(2026, 3, 3);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);
    LocalDate started = referred.plusDays(10);
    completeOn(referred.plusDays(2), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(2)));
    completeOn(started, c, "startParticipation", COACH, participationStart(started));
    completeOn(started.plusDays(5), c, "makeActionPlan", COACH, actionPlan(started.plusDays(5)));
    LocalDate met = started.plusDays(40);
    completeOn(met, c, "holdMeeting", COACH, meeting(met));
    completeOn(met.plusDays(1), c, "documentProposal", COACH, proposal(met, met.plusDays(1)));
    assertThat(pi).isWaitingAtExactly("participation", "holdMeeting", "exitParticipation", "awaitPlacementRequest");

    LocalDate exited = met.plusDays(14);
    completeOn(exited, c, "exitParticipation", COACH, exit(exited, "DROPPED_OUT"));

    assertThat(pi).hasPassed("planDone", "proposalDone", "participationEnded").isWaitingAtExactly("followUpDue");
    assertThat(taskService.createTaskQuery().processInstanceId(c.getProcessInstanceId()).count()).isZero();
    assertThat(deadlines(c)).extracting(Deadline::getKind, Deadline::getSequence, Deadline::getState)
        .containsExactlyInAnyOrder(
            tuple("INTAKE_DECISION", 1, DeadlineState.MET),
            tuple("PLAN", 1, DeadlineState.MET),
            tuple("MEETING", 1, DeadlineState.MET),
            tuple("PROPOSAL", 1, DeadlineState.MET),
            tuple("MEETING", 2, DeadlineState.CANCELLED));
    assertThat(deadline(c, "MEETING", 2).getCompletedAt()).isNotNull();
    assertThat(exits.findByCaseId(c.getId()).orElseThrow().getOutcome()).isEqualTo("DROPPED_OUT");
    assertThat(plans.findByCaseId(c.getId())).hasSize(1);
    assertThat(meetings.findByCaseIdOrderBySequence(c.getId())).hasSize(1);
    assertThat(proposals.findByCaseId(c.getId())).hasSize(1);
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("samtycket återkallas: bara med status Avbrutit, och varje samtycke får återkallelsedatum")
  void withdrawnConsentEndsParticipationAndIsRecordedOnEveryConsent() {
    LocalDate referred = LocalDate.of(2026, 3, 4);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);
    LocalDate started = referred.plusDays(10);
    completeOn(referred.plusDays(2), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(2)));
    completeOn(started, c, "startParticipation", COACH, participationStart(started));
    LocalDate exited = started.plusDays(20);
    clockAt(exited, MORNING);

    var withWork = exit(exited, "WORK");
    withWork.put("consentWithdrawn", true);
    assertRefused(c, "exitParticipation", COACH, withWork,
        "Status vid avslut: när samtycket återkallas avbryts samverkan, välj \"Avbrutit\".");
    assertThat(consents.findByCaseId(c.getId())).hasSize(4).allMatch(Consent::isActive);

    var droppedOut = exit(exited, "DROPPED_OUT");
    droppedOut.put("consentWithdrawn", true);
    complete(c, "exitParticipation", COACH, droppedOut);

    assertThat(pi).hasPassed("participationEnded").isWaitingAtExactly("followUpDue");
    assertThat(consents.findByCaseId(c.getId())).hasSize(4)
        .allSatisfy(consent -> assertThat(consent.getWithdrawnOn()).isEqualTo(exited));
    assertThat(exits.findByCaseId(c.getId())).hasValueSatisfying(e -> {
      assertThat(e.isConsentWithdrawn()).isTrue();
      assertThat(e.getOutcome()).isEqualTo("DROPPED_OUT");
    });
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("varje tidsfrist passeras: beslut, plan, samtal, förslag och uppföljning eskaleras; sena efter sina datum, förslaget i tid efter presentationsdatumet, samtal 2 missat vid avslutet")
  void everyDeadlineMissedIsEscalatedAndMetLate() {
    LocalDate referred = LocalDate.of(2026, 4, 1);
    CaseFile c = referOn(referred);
    ProcessInstance pi = instance(c);

    clockAt(referred.plusDays(15), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(pi).hasPassed("escalateIntakeDecision", "intakeDecisionEscalated").isWaitingAtExactly("decideIntake");
    completeOn(referred.plusDays(16), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(16)));

    LocalDate started = referred.plusDays(20);
    completeOn(started, c, "startParticipation", COACH, participationStart(started));
    clockAt(started.plusDays(15), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(pi).hasPassed("escalatePlan", "planEscalated");
    completeOn(started.plusDays(16), c, "makeActionPlan", COACH, actionPlan(started.plusDays(16)));

    clockAt(started.plusMonths(2).plusDays(1), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(pi).hasPassed("escalateMeeting", "meetingEscalated");
    LocalDate lateMeeting = started.plusMonths(2).plusDays(3);
    completeOn(lateMeeting, c, "holdMeeting", COACH, meeting(lateMeeting));

    clockAt(started.plusMonths(6).plusDays(1), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(c)).as("meeting 2 and the proposal").isEqualTo(2);
    assertThat(pi).hasPassed("escalateProposal", "proposalEscalated");
    LocalDate late = started.plusMonths(6).plusDays(2);
    completeOn(late, c, "documentProposal", COACH, proposal(lateMeeting, late));
    completeOn(late, c, "exitParticipation", COACH, exit(late, "JOB_SEEKING"));

    clockAt(late.plusMonths(6), LocalTime.MIDNIGHT);
    assertThat(fireDueTimers(c)).isEqualTo(1);
    clockAt(late.plusMonths(12).plusDays(1), LocalTime.of(0, 0, 1));
    assertThat(fireDueTimers(c)).isEqualTo(1);
    assertThat(pi).hasPassed("escalateFollowUp", "followUpEscalated").isWaitingAtExactly("followUp");
    assertThat(task(c, "followUp").getPriority()).isEqualTo(Deadline.OVERDUE_PRIORITY);
    completeOn(late.plusMonths(12).plusDays(5), c, "followUp", COACH, followUp(late.plusMonths(12).plusDays(5)));

    assertThat(pi).isEnded().hasPassed("caseClosed");
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
    assertThat(deadlines(c)).extracting(Deadline::getKind, Deadline::getSequence, Deadline::getState)
        .containsExactly(
            tuple("INTAKE_DECISION", 1, DeadlineState.MET_LATE),
            tuple("PLAN", 1, DeadlineState.MET_LATE),
            tuple("MEETING", 1, DeadlineState.MET_LATE),
            tuple("MEETING", 2, DeadlineState.MISSED),
            // Presented at the meeting two months in, documented after its escalation: in time by its date.
            tuple("PROPOSAL", 1, DeadlineState.MET),
            tuple("FOLLOW_UP", 1, DeadlineState.MET_LATE));
    assertThat(deadlines(c)).filteredOn(d -> d.getState() == DeadlineState.MET_LATE)
        .allSatisfy(d -> assertThat(d.getEscalatedAt()).isAfter(d.getDueAt()).isBefore(d.getCompletedAt()));
    assertThat(deadline(c, "MEETING", 2).getEscalatedAt()).as("escalated, then missed for good by the exit")
        .isNotNull();
    assertThat(deadline(c, "MEETING", 2).getEndedOn()).as("dated by the exit").isEqualTo(late);
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("via Tasklist (submit-form): remiss, beslut, start och avbrott lämnar inga personuppgifter i motorn")
  void tasklistSubmissionsLeaveNoPersonalDataInTheEngine() {
    LocalDate referred = LocalDate.of(2026, 5, 4);
    clockAt(referred, MORNING);
    CaseFile c = referViaTasklist(newPersonReferral(referred), "remittent-rita");
    ProcessInstance pi = instance(c);
    assertThat(pi).hasBusinessKey(c.getCaseNumber()).isWaitingAtExactly("decideIntake");

    clockAt(referred.plusDays(3), MORNING);
    submitViaTasklist(c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referred.plusDays(3)));
    LocalDate started = referred.plusDays(8);
    clockAt(started, MORNING);
    var start = participationStart(started);
    // Tasklist sends checklists as JSON values.
    start.put("consentParties", SpinValues.jsonValue(Spin.JSON(List.of("FK"))).create());
    start.put("consentCategories", SpinValues.jsonValue(Spin.JSON(List.of("LABOUR_MARKET"))).create());
    start.put("consentDirections", SpinValues.jsonValue(Spin.JSON(List.of("OBTAIN", "DISCLOSE"))).create());
    submitViaTasklist(c, "startParticipation", COACH, start);
    assertThat(consents.findByCaseId(c.getId())).extracting(Consent::getDirection)
        .containsExactlyInAnyOrder("OBTAIN", "DISCLOSE");
    clockAt(started.plusDays(4), MORNING);
    submitViaTasklist(c, "makeActionPlan", COACH, actionPlan(started.plusDays(4)));
    submitViaTasklist(c, "exitParticipation", COACH, exit(started.plusDays(4), "DROPPED_OUT"));

    assertThat(pi).isWaitingAtExactly("followUpDue");
    assertThat(plans.findByCaseId(c.getId())).hasSize(1);
    assertEngineHoldsNoCaseData(c);
  }

  @Test
  @DisplayName("ett formulär kan inte skriva i någon annans ärende genom att skicka med caseId")
  void aSubmissionCannotBeFiledInAnotherCase() {
    LocalDate day = LocalDate.of(2026, 5, 5);
    CaseFile other = referOn(day);
    completeOn(day, other, "decideIntake", WORKING_GROUP_MEMBER, acceptance(day));
    completeOn(day, other, "startParticipation", COACH, participationStart(day));
    CaseFile c = referOn(day);
    completeOn(day, c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(day));
    completeOn(day, c, "startParticipation", COACH, participationStart(day));
    DatabaseSnapshot otherBefore = DatabaseSnapshot.ofCase(jdbc, other);

    var tampered = actionPlan(day);
    tampered.put("caseId", other.getId());
    assertRefused(c, "makeActionPlan", COACH, tampered, "Formuläret hör inte till det här ärendet.");
    assertThat(DatabaseSnapshot.ofCase(jdbc, other)).isEqualTo(otherBefore);
    assertThat(runtimeService.getVariable(c.getProcessInstanceId(), "caseId")).isEqualTo(c.getId());
  }

  @Test
  @DisplayName("praktik under deltagandet: varje begäran anropar processen Praktik, och ärendet väntar sedan på nästa")
  void placementsAreCalledFromTheCaseOneAtATime() {
    CaseFile c = activeCase(LocalDate.of(2026, 4, 6));
    for (LocalDate requested : List.of(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 20))) {
      clockAt(requested, MORNING);
      transactions.executeWithoutResult(s -> placementRequests.request(reload(c),
          Map.of("sectorWish", "CARE", "areaWish", "Lycksele"), COACH));
      assertThat(instance(c)).isWaitingAt("placement", "makeActionPlan", "holdMeeting", "documentProposal",
          "exitParticipation");
      var called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getProcessInstanceId())
          .singleResult();
      assertThat(called.getProcessDefinitionId()).startsWith(ProcessVariables.PLACEMENT_PROCESS_KEY + ":");
      assertThat(called.getBusinessKey()).isEqualTo(c.getCaseNumber());
      var matching = taskService.createTaskQuery().processInstanceId(called.getId()).singleResult();
      identityService.setAuthentication("pelle", List.of(Groups.PLACEMENT_COORDINATORS));
      try {
        taskService.complete(matching.getId(), Map.of("matchDecision", "WITHDRAW",
            "withdrawReason", "Deltagaren vill vänta"));
      } finally {
        identityService.clearAuthentication();
      }
      assertThat(instance(c)).isWaitingAt("awaitPlacementRequest", "makeActionPlan", "holdMeeting",
          "documentProposal", "exitParticipation");
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("till sist: inga personuppgifter från någon av testernas formulär någonstans i motorns variabeltabeller")
  void noPersonalDataAnywhereInTheEngineAfterAllRuns() {
    assertNoPersonalDataInEngine(null);
    List<String> ended = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(
        ProcessVariables.PROCESS_KEY).finished().list().stream().map(p -> p.getId()).toList();
    assertThat(ended).isNotEmpty();
    assertOnlyAllowedVariables(ended);
  }
}
