package se.stegvis.exit;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.consent.Consents;
import se.stegvis.referral.ReferralRepository;

/**
 * Withdrawn consent leaves no basis for the joint work: the case ends as "avbrutet samarbete"
 * through the same step a coach would take, so the process ends its open tasks, placements and
 * deadlines exactly as on that path. During participation that is "Avsluta deltagande" with
 * status Avbrutit and consent withdrawn; before the start the person declines; before the
 * decision the referral is withdrawn. Cases already exited or closed have nothing left to end.
 */
@Component
class JointWorkEnding {

  static final String REASON = "Samtycket återkallat: avbrutet samarbete.";

  private final CaseFileRepository caseFiles;
  private final ReferralRepository referrals;
  private final TaskService taskService;

  JointWorkEnding(CaseFileRepository caseFiles, ReferralRepository referrals, TaskService taskService) {
    this.caseFiles = caseFiles;
    this.referrals = referrals;
    this.taskService = taskService;
  }

  @EventListener
  void end(Consents.JointWorkEnded ended) {
    CaseFile caseFile = caseFiles.findById(ended.caseId()).orElseThrow();
    String on = ended.on().toString();
    switch (caseFile.getPhase()) {
      case ACTIVE -> complete(caseFile, "exitParticipation", Map.of("exitedOn", on, "outcome", ExitForm.DROPPED_OUT,
          "consentWithdrawn", true, "receivingParty", "NO_HANDOVER", "nextStep", REASON,
          "incomeSource", referrals.findByCaseId(caseFile.getId()).orElseThrow().getIncomeSource()));
      case ACCEPTED -> complete(caseFile, "startParticipation", Map.of("outcome", "DECLINED", "declineReason", REASON));
      case REFERRED -> complete(caseFile, "decideIntake", Map.of("decision", "WITHDRAWN", "reason", REASON,
          "decidedOn", on));
      default -> {
        // Exited or closed: participation is over already.
      }
    }
  }

  private void complete(CaseFile caseFile, String taskKey, Map<String, Object> form) {
    var task = taskService.createTaskQuery().processInstanceId(caseFile.getProcessInstanceId())
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("Case " + caseFile.getCaseNumber() + " has no open task " + taskKey);
    }
    taskService.complete(task.getId(), form);
  }
}
