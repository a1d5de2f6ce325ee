package se.stegvis.deadline;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.Notification.Recipient;
import se.stegvis.casefile.Notifications;
import se.stegvis.time.EngineClock;

/**
 * Reminder e-mails, when mail is configured: to whoever holds the step N days before its deadline
 * ({@code stegvis.reminders.days-before}, calendar days in Swedish time), and to the project's
 * managers when a deadline's timer escalates the undone step. Each is sent once: a deadline is
 * claimed by a conditional update before its mail goes out, so several nodes or a rerun never
 * send it twice. Messages name the case number and the step, never the person.
 */
@Service
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
public class DeadlineReminders {

  private final DeadlineRepository deadlines;
  private final CaseFileRepository caseFiles;
  private final Notifications notifications;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final DeadlineCalendar calendar;
  private final EngineClock clock;
  private final TransactionTemplate transactions;
  private final int daysBefore;
  private final DeadlineLabels deadlineLabels;

  DeadlineReminders(DeadlineRepository deadlines, CaseFileRepository caseFiles, Notifications notifications,
      TaskService taskService, IdentityService identityService, DeadlineCalendar calendar, EngineClock clock,
      TransactionTemplate transactions, @Value("${stegvis.reminders.days-before:3}") int daysBefore, DeadlineLabels deadlineLabels) {
    this.deadlineLabels = deadlineLabels;
    this.deadlines = deadlines;
    this.caseFiles = caseFiles;
    this.notifications = notifications;
    this.taskService = taskService;
    this.identityService = identityService;
    this.calendar = calendar;
    this.clock = clock;
    this.transactions = transactions;
    this.daysBefore = daysBefore;
  }

  @Scheduled(fixedDelayString = "${stegvis.reminders.interval:PT15M}",
      initialDelayString = "${stegvis.reminders.initial-delay:PT1M}")
  public void send() {
    var now = clock.now();
    // Calendar days: on the day that is N days before the due day, from midnight Swedish time. An
    // escalated step gets the managers' notice instead.
    for (Deadline deadline : deadlines.findByStateAndEscalatedAtIsNullAndDueAtLessThanEqualAndReminderSentAtIsNull(
        DeadlineState.OPEN, calendar.endOfDayIn(daysBefore))) {
      transactions.executeWithoutResult(s -> {
        if (deadlines.claimReminder(deadline.getId(), now) == 1) {
          remindHolder(deadline);
        }
      });
    }
    for (Deadline deadline : deadlines.findByStateAndEscalatedAtIsNotNullAndManagerNotifiedAtIsNull(
        DeadlineState.OPEN)) {
      transactions.executeWithoutResult(s -> {
        if (deadlines.claimManagerNotice(deadline.getId(), now) == 1) {
          noticeManagers(deadline);
        }
      });
    }
  }

  private void remindHolder(Deadline deadline) {
    CaseFile caseFile = caseFiles.findById(deadline.getCaseId()).orElseThrow();
    var task = taskService.createTaskQuery().taskId(deadline.getTaskId()).singleResult();
    if (task == null) {
      return;
    }
    String subject = "Påminnelse: " + task.getName() + " i " + caseFile.getCaseNumber();
    String body = task.getName() + " i ärende " + caseFile.getCaseNumber() + " (" + caseFile.getProject().getName()
        + ") ska vara klart senast " + EngineClock.toDay(java.util.Date.from(deadline.getDueAt()))
        + ". Öppna uppgiften i Tasklist.";
    for (User user : holders(task.getAssignee(), deadline.getTaskId())) {
      notifications.notify(caseFile.getId(), Recipient.COACH, user.getEmail(), subject, body);
    }
  }

  private void noticeManagers(Deadline deadline) {
    CaseFile caseFile = caseFiles.findById(deadline.getCaseId()).orElseThrow();
    String step = deadlineLabels.label(deadline.getKind());
    String subject = "Försenat steg: " + step + " i " + caseFile.getCaseNumber();
    String body = "Tidsfristen " + step + " i ärende " + caseFile.getCaseNumber()
        + " (" + caseFile.getProject().getName() + ") passerade "
        + EngineClock.toDay(java.util.Date.from(deadline.getDueAt()))
        + " utan att steget var klart. Se Försenade steg i Cockpit.";
    for (User manager : identityService.createUserQuery().memberOfGroup(caseFile.getProject().getManagerGroup())
        .list()) {
      notifications.notify(caseFile.getId(), Recipient.MANAGER, manager.getEmail(), subject, body);
    }
  }

  /** The assignee, or for a group task every member of its candidate groups. */
  private List<User> holders(String assignee, String taskId) {
    if (assignee != null) {
      return identityService.createUserQuery().userId(assignee).list();
    }
    Set<String> groups = taskService.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    return groups.stream().flatMap(g -> identityService.createUserQuery().memberOfGroup(g).list().stream())
        .filter(distinctById()).toList();
  }

  private static java.util.function.Predicate<User> distinctById() {
    Set<String> seen = new java.util.HashSet<>();
    return u -> seen.add(u.getId());
  }
}
