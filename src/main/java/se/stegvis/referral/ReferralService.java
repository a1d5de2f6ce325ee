package se.stegvis.referral;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.CaseNumbers;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.identity.Participant;
import se.stegvis.identity.ParticipantRepository;
import se.stegvis.time.EngineClock;

/** Registers referrals: one way, whether they come from the Tasklist start form or the API. */
@Service
public class ReferralService {

  private final ProjectRepository projects;
  private final ParticipantRepository participants;
  private final CaseFileRepository caseFiles;
  private final ReferralRepository referrals;
  private final CaseNumbers caseNumbers;
  private final EngineClock clock;
  private final RuntimeService runtimeService;
  private final AuditLog audit;
  private final DuplicateReferralNotice duplicateNotice;

  ReferralService(ProjectRepository projects, ParticipantRepository participants, CaseFileRepository caseFiles,
      ReferralRepository referrals, CaseNumbers caseNumbers, EngineClock clock,
      RuntimeService runtimeService, AuditLog audit, DuplicateReferralNotice duplicateNotice) {
    this.projects = projects;
    this.participants = participants;
    this.caseFiles = caseFiles;
    this.referrals = referrals;
    this.caseNumbers = caseNumbers;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.audit = audit;
    this.duplicateNotice = duplicateNotice;
  }

  /** Stores participant, case and referral; the caller's process carries the case from here. */
  @Transactional
  public CaseFile register(ReferralRequest request, String userId, Referral.Channel channel) {
    Project project = projects.findByCode(request.projectCode()).filter(Project::isActive)
        .orElseThrow(() -> new FormRejectedException(
            "Insatsen \"" + request.projectCode() + "\" finns inte eller tar inte emot remisser."));
    // Locked, so two registrations of one person at once (a double-submitted start form, two
    // nodes) run one after the other and the second finds the first's open case. A new person has
    // no row to lock: there the unique identity number makes the second registration fail.
    Participant participant = participants.findLockedByIdentityNumber(request.identity().value())
        .orElseGet(() -> new Participant(request.identity(), clock.now()));
    if (participant.getId() != null) {
      caseFiles.findByParticipantIdAndProjectId(participant.getId(), project.getId()).stream()
          .filter(c -> c.getPhase().isOpen()).findFirst()
          .ifPresent(open -> {
            // The referrer is told only that a referral is open; those who handle the case are told who referred.
            duplicateNotice.tell(open.getId(), request, userId, channel);
            throw new DuplicateCaseException(open.getCaseNumber());
          });
    }
    participant.describe(request.firstName(), request.lastName(), request.gender(), request.phone(), request.email());
    if (request.protectedIdentity()) {
      // A referral can set the flag, never lift it: a later referral may not know of it.
      participant.protectIdentity(true);
    }
    participants.save(participant);
    String number = caseNumbers.next(project, request.referredOn().getYear());
    CaseFile caseFile = caseFiles.save(new CaseFile(number, project, participant, request.referredOn(), clock.now()));
    referrals.save(new Referral(caseFile.getId(), request, userId, channel));
    return caseFile;
  }

  /**
   * The API's way in: register and start the case process in one transaction (the start links
   * them), with its audit entry.
   */
  @Transactional
  public CaseFile registerAndStart(ReferralRequest request, String userId) {
    CaseFile caseFile = register(request, userId, Referral.Channel.API);
    audit.changed(caseFile.getId(), "Remiss registrerad (API)");
    runtimeService.createProcessInstanceByKey(ProcessVariables.PROCESS_KEY)
        .businessKey(caseFile.getCaseNumber())
        .setVariable(ProcessVariables.CASE_ID, caseFile.getId())
        .setVariable(ProcessVariables.REFERRAL_DATE, EngineClock.toDate(request.referredOn()))
        .execute();
    return caseFile;
  }
}
