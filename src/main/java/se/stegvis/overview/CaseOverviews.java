package se.stegvis.overview;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.Notification.Recipient;
import se.stegvis.casefile.NotificationRepository;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.casefile.VisibleCases;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.DeadlineLabels;
import se.stegvis.deadline.DeadlineRepository;
import se.stegvis.identity.IdentityNumber;
import se.stegvis.meeting.MeetingRepository;
import se.stegvis.placement.CasePlacements;
import se.stegvis.placement.Placement;
import se.stegvis.placement.PlacementRepository;
import se.stegvis.plan.ActionPlanRepository;
import se.stegvis.plan.ProposedActionRepository;
import se.stegvis.referral.ReferralRepository;
import se.stegvis.time.EngineClock;

/** Puts a case together from its feature tables, for someone allowed to see it. */
@Service
public class CaseOverviews {

  private static final Map<Recipient, String> RECIPIENTS = Map.of(Recipient.PERSON, "Deltagaren",
      Recipient.REFERRER, "Remittent", Recipient.MANAGER, "Chef", Recipient.COACH, "Coach");

  private final VisibleCases visibleCases;
  private final PlacementRepository placementRepository;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final CasePlacements placements;
  private final IdentityService identityService;
  private final CaseFileRepository caseFiles;
  private final CaseAccess access;
  private final ReferralRepository referrals;
  private final DeadlineRepository deadlines;
  private final ActionPlanRepository plans;
  private final MeetingRepository meetings;
  private final ProposedActionRepository proposals;
  private final NotificationRepository notifications;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final AuditLog audit;
  private final DeadlineLabels deadlineLabels;

  CaseOverviews(TaskService taskService, RuntimeService runtimeService, CasePlacements placements, IdentityService identityService, CaseFileRepository caseFiles,
      CaseAccess access, ReferralRepository referrals, DeadlineRepository deadlines, ActionPlanRepository plans,
      MeetingRepository meetings, ProposedActionRepository proposals, NotificationRepository notifications,
      ReferenceCodes codes, EngineClock clock, AuditLog audit, VisibleCases visibleCases,
      PlacementRepository placementRepository, DeadlineLabels deadlineLabels) {
    this.deadlineLabels = deadlineLabels;
    this.visibleCases = visibleCases;
    this.placementRepository = placementRepository;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.placements = placements;
    this.identityService = identityService;
    this.caseFiles = caseFiles;
    this.access = access;
    this.referrals = referrals;
    this.deadlines = deadlines;
    this.plans = plans;
    this.meetings = meetings;
    this.proposals = proposals;
    this.notifications = notifications;
    this.codes = codes;
    this.clock = clock;
    this.audit = audit;
  }

  /** No such task, no case behind it, or a case the user may not read: one answer for all three. */
  public static class NotFound extends RuntimeException {
  }

  @Transactional(readOnly = true)
  public CaseOverview forTask(String taskId) {
    var task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      throw new NotFound();
    }
    CaseFile caseFile = caseFiles.findByProcessInstanceId(caseInstance(task.getProcessInstanceId()))
        .orElseThrow(NotFound::new);
    if (!access.canSee(access.viewer(), caseFile)) {
      throw new NotFound();
    }
    audit.read(caseFile.getId(), "Ärendeöversikt (Tasklist, uppgift " + taskId + ")");
    return overview(caseFile);
  }

  /**
   * What a Tasklist card shows of its task's case: the participant's name, read here at display
   * time (the engine holds no names), the case number, and how many days are left (negative: late).
   */
  @Transactional(readOnly = true)
  public TaskCard card(String taskId) {
    var task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      throw new NotFound();
    }
    CaseFile c = caseFiles.findByProcessInstanceId(caseInstance(task.getProcessInstanceId())).orElseThrow(NotFound::new);
    if (!access.canSee(access.viewer(), c)) {
      throw new NotFound();
    }
    audit.read(c.getId(), "Uppgiftskort i Tasklist (namn, uppgift " + taskId + ")");
    var person = c.getParticipant();
    LocalDate due = task.getDueDate() == null ? null : EngineClock.toDay(task.getDueDate());
    return new TaskCard(c.getCaseNumber(),
        person.fullName(), due,
        due == null ? null : (int) ChronoUnit.DAYS.between(clock.today(), due));
  }

  /** A Tasklist card's case: see {@link #card}. */
  public record TaskCard(String caseNumber, String name, LocalDate due, Integer dueInDays) {
  }

  /** The case page of a case the user may see, its read logged. */
  @Transactional(readOnly = true)
  public CasePage forCase(String caseNumber) {
    CaseFile c = visibleCases.byNumber(caseNumber);
    audit.read(c.getId(), "Ärendesida (person, remiss och skäl, tidsfrister, uppgifter)");
    var referral = referrals.findByCaseId(c.getId()).orElse(null);
    var birth = c.getParticipant().getBirthDate();
    List<String> instances = new ArrayList<>();
    if (c.getProcessInstanceId() != null) {
      instances.add(c.getProcessInstanceId());
    }
    placementRepository.findByCaseIdOrderBySequence(c.getId()).stream().map(Placement::getProcessInstanceId)
        .filter(Objects::nonNull).forEach(instances::add);
    String user = access.viewer().userId();
    LocalDate today = clock.today();
    List<CasePage.OpenTask> tasks = instances.isEmpty() ? List.of()
        : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).orderByDueDate().asc()
            .list().stream().map(t -> {
              LocalDate due = t.getDueDate() == null ? null : EngineClock.toDay(t.getDueDate());
              return new CasePage.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), due,
                  due == null ? null : (int) ChronoUnit.DAYS.between(today, due), user.equals(t.getAssignee()),
                  "/camunda/app/tasklist/default/#/?task=" + t.getId());
            }).toList();
    return new CasePage(overview(c), referral == null ? null : referral.getReferrerName(),
        birth == null ? null : Period.between(birth, c.getReferredOn()).getYears(), tasks,
        tasks.stream().filter(t -> ProcessVariables.EXIT_TASK.equals(t.key())).map(CasePage.OpenTask::id).findFirst()
            .orElse(null));
  }

  /** The case's own process instance: the task's, or the one that called it (a placement's). */
  private String caseInstance(String processInstanceId) {
    String instance = processInstanceId;
    ProcessInstance caller;
    while ((caller = runtimeService.createProcessInstanceQuery().subProcessInstanceId(instance).singleResult()) != null) {
      instance = caller.getId();
    }
    return instance;
  }

  private CaseOverview overview(CaseFile c) {
    var person = c.getParticipant();
    var referral = referrals.findByCaseId(c.getId()).orElse(null);
    var plan = plans.findByCaseId(c.getId()).stream().max(Comparator.comparing(p -> p.getMadeOn())).orElse(null);
    var proposal = proposals.findByCaseId(c.getId()).stream().reduce((a, b) -> b).orElse(null);
    return new CaseOverview(c.getCaseNumber(), c.getPhase().name(), c.getPhase().label(),
        new CaseOverview.Project(c.getProject().getCode(), c.getProject().getName()),
        c.getCoach() == null ? null : new CaseOverview.Person(c.getCoach(), userName(c.getCoach())),
        new CaseOverview.Participant(
            person.fullName(),
            new IdentityNumber(person.getIdentityNumber(), person.getIdentityKind(), person.getBirthDate()).masked(),
            codes.label(CodeSet.GENDER, person.getGender()),
            CaseOverview.Participant.age(person.getBirthDate(), c.getReferredOn())),
        referral == null ? null : new CaseOverview.Referral(codes.label(CodeSet.PARTY, referral.getParty()),
            referral.getReferredOn(), referral.getReason(),
            referral.getDecision() == null ? null : codes.label(CodeSet.INTAKE_DECISION, referral.getDecision()),
            referral.getDecidedOn()),
        c.getStartedOn(), c.getExitedOn(),
        deadlines(c.getId()),
        plan == null ? null : new CaseOverview.Plan(plan.getMadeOn(), plan.getGoals(), plan.getActivities()),
        meetings.findByCaseIdOrderBySequence(c.getId()).stream().map(m -> new CaseOverview.Meeting(m.getSequence(),
            m.getHeldOn(), m.isPersonPresent(), CaseOverview.Meeting.codes(m.getPartiesPresent()).stream()
                .map(p -> codes.label(CodeSet.PARTY, p)).toList())).toList(),
        proposal == null ? null : new CaseOverview.Proposal(proposal.getDocumentedOn(), proposal.getProposal()),
        placements.forCase(c.getId()),
        notifications.findByCaseIdOrderByCreatedAt(c.getId()).stream().map(n -> new CaseOverview.Notification(
            n.getCreatedAt(), RECIPIENTS.get(n.getRecipient()), n.getSubject(), n.getSentAt() != null)).toList());
  }

  private List<CaseOverview.Deadline> deadlines(Long caseId) {
    var now = clock.now();
    var labels = deadlineLabels.all();
    return deadlines.findByCaseIdOrderByDueAt(caseId).stream().map(d -> deadline(d, now, labels)).toList();
  }

  private static CaseOverview.Deadline deadline(se.stegvis.deadline.Deadline d, java.time.Instant now,
      Map<String, String> labels) {
    boolean overdue = d.isOverdue(now);
    boolean registered = d.getStepOn() != null;
    return new CaseOverview.Deadline(d.getKind(), labels.getOrDefault(d.getKind(), d.getKind()), d.getSequence(), d.dueDay(),
        d.getState().name(), overdue ? "Försenad" : d.getState().label(), overdue, d.getStepOn(),
        registered ? EngineClock.toDay(Date.from(d.getCompletedAt())) : null);
  }

  private String userName(String userId) {
    var user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).strip();
  }
}
