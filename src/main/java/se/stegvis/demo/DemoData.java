package se.stegvis.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectGoal;
import se.stegvis.casefile.ProjectGoal.Metric;
import se.stegvis.casefile.ProjectGoalRepository;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.DeadlineCalendar;
import se.stegvis.form.FormValues;
import se.stegvis.identity.Groups;
import se.stegvis.referral.ReferralRequest;
import se.stegvis.referral.ReferralService;

/**
 * A living demo on the embedded database: users for every role (password "demo"), three
 * projects and cases in every phase, some of them late. Cases go through the same forms and
 * process as real work, back-dated, so the deadlines that have passed fire when the job
 * executor starts. Runs once: a database that already has projects is left alone.
 */
@Component
@ConditionalOnProperty(name = "stegvis.demo.enabled", havingValue = "true")
class DemoData {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identityService;
  private final TaskService taskService;
  private final ProjectRepository projects;
  private final ProjectGoalRepository goals;
  private final ReferralService referrals;
  private final ReferenceCodes codes;
  private final DeadlineCalendar calendar;
  private final TransactionTemplate transactions;

  DemoData(IdentityService identityService, TaskService taskService,
      ProjectRepository projects, ProjectGoalRepository goals, ReferralService referrals, ReferenceCodes codes,
      DeadlineCalendar calendar, TransactionTemplate transactions) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.projects = projects;
    this.goals = goals;
    this.referrals = referrals;
    this.codes = codes;
    this.calendar = calendar;
    this.transactions = transactions;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void load() {
    if (projects.count() > 0) {
      return;
    }
    users();
    var c2 = new Project("C2", "C2 – Lycksele", 80, Groups.MANAGERS);
    projects.saveAll(List.of(c2,
        new Project("SAMVERKAN", "Samverkanshuset Strömsund", 40, Groups.MANAGERS),
        new Project("NYIVARDEN", "Ny i vården Östersund", 30, Groups.MANAGERS)));
    goals.saveAll(List.of(
        new ProjectGoal(c2, "80 deltagare per år", Metric.PARTICIPANTS_PER_YEAR, new BigDecimal("80")),
        new ProjectGoal(c2, "70 % till praktik, arbete eller studier", Metric.SHARE_TO_WORK_STUDIES_OR_PLACEMENT,
            new BigDecimal("70")),
        new ProjectGoal(c2, "50 % egen försörjning inom 12 månader", Metric.SHARE_SELF_SUFFICIENT_WITHIN_12_MONTHS,
            new BigDecimal("50"))));
    LocalDate today = calendar.today();
    // Waiting for the working group, one of them past its 14 days.
    referral("C2", "19950312-2385", "Sara", "Nilsson", "WOMAN", today.minusDays(3));
    referral("C2", "19881104-3465", "Johan", "Holm", "MAN", today.minusDays(20));
    // Accepted, first meeting not yet held.
    accepted("C2", "20010228-7620", "Amir", "Hassan", "MAN", today.minusDays(9), "anna");
    // Started 20 days ago: the action plan is late.
    started("SAMVERKAN", "19760615-8819", "Lena", "Ek", "WOMAN", today.minusDays(30), "anna", today.minusDays(20));
    // Started 70 days ago with a plan: the first multi-party meeting is late.
    String late = started("C2", "19990930-1245", "Noah", "Lund", "MAN", today.minusDays(80), "anna", today.minusDays(70));
    complete(late, "makeActionPlan", "anna", Map.of("goals", "Praktik inom handel, körkortsteori",
        "activities", "Coachsamtal varje vecka; AF ordnar praktikplats", "madeOn", today.minusDays(60).toString()));
    // Started 100 days ago: plan made, first meeting held, proposal due within 6 months.
    String active = started("NYIVARDEN", "19840221-9599", "Fatima", "Ali", "WOMAN", today.minusDays(105), "erik",
        today.minusDays(100));
    complete(active, "makeActionPlan", "erik", Map.of("goals", "Undersköterskeutbildning",
        "activities", "Språkstöd, studiebesök", "madeOn", today.minusDays(92).toString()));
    complete(active, "holdMeeting", "erik", Map.of("heldOn", today.minusDays(45).toString(), "personPresent", true,
        "partiesPresent", List.of("AF", "SOC"), "summary", "Planen följs; praktik på vårdboende från maj."));
    // Exited seven months ago: the follow-up is due.
    String exited = started("C2", "20030514-4677", "Elin", "Sandberg", "WOMAN", today.minusDays(330), "anna",
        today.minusDays(320));
    Map<String, Object> exit = new HashMap<>(Map.of("exitedOn", today.minusDays(212).toString(), "outcome", "WORK",
        "incomeSource", "SALARY", "extentPercent", 75, "receivingParty", "EMPLOYER",
        "nextStep", "Anställd med lönebidrag; arbetsgivaren har kontaktperson hos AF."));
    exit.put("surveyQualityOfLife", "4");
    complete(exited, "exitParticipation", "anna", exit);
    // Not the target group: closed.
    String rejected = referral("SAMVERKAN", "19911207-5131", "Oskar", "Berg", "MAN", today.minusDays(12));
    complete(rejected, "decideIntake", "bengt", Map.of("decision", "NOT_TARGET_GROUP",
        "reason", "Behovet gäller enbart studievägledning.", "decidedOn", today.minusDays(5).toString()));
    log.info("Demo data loaded: users anna, erik (coaches), bengt (beredningsgrupp), maria (chef), rita (remittent), "
        + "pia (praktiksamordnare), admin; password \"{}\"", PASSWORD);
  }

  private void users() {
    group(Groups.REFERRERS, "Remittenter");
    group(Groups.WORKING_GROUP, "Beredningsgrupp");
    group(Groups.COACHES, "Coacher");
    group(Groups.PLACEMENT_COORDINATORS, "Praktiksamordnare");
    group(Groups.MANAGERS, "Projektledare och chefer");
    user("anna", "Anna", "Lind", Groups.COACHES);
    user("erik", "Erik", "Berg", Groups.COACHES);
    user("bengt", "Bengt", "Åkesson", Groups.WORKING_GROUP);
    user("maria", "Maria", "Olsson", Groups.MANAGERS);
    user("rita", "Rita", "Persson", Groups.REFERRERS);
    user("pia", "Pia", "Holmberg", Groups.PLACEMENT_COORDINATORS);
  }

  private void group(String id, String name) {
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
  }

  private void user(String id, String first, String last, String groupId) {
    User user = identityService.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(id + "@stegvis.example");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, groupId);
  }

  private String referral(String project, String number, String first, String last, String gender, LocalDate on) {
    Map<String, Object> form = new HashMap<>();
    form.putAll(Map.of("projectCode", project, "identityNumber", number, "firstName", first, "lastName", last,
        "gender", gender, "party", "SOC", "referrerName", "Rita Persson", "referrerEmail", "rita@stegvis.example",
        "reason", "Långvarigt försörjningsstöd, behöver samordnat stöd mot arbete."));
    form.putAll(Map.of("incomeSource", "SOCIAL_ASSISTANCE", "timeInSupport", "Y2", "educationLevel",
        "UPPER_SECONDARY", "referredOn", on.toString()));
    CaseFile caseFile = transactions.execute(status -> referrals.registerAndStart(
        ReferralRequest.read(new FormValues(form, codes, calendar.today()), null), "rita"));
    return caseFile.getProcessInstanceId();
  }

  private String accepted(String project, String number, String first, String last, String gender, LocalDate on,
      String coach) {
    String instance = referral(project, number, first, last, gender, on);
    complete(instance, "decideIntake", "bengt", Map.of("decision", "ACCEPTED", "coach", coach,
        "decidedOn", on.plusDays(4).toString()));
    return instance;
  }

  private String started(String project, String number, String first, String last, String gender, LocalDate on,
      String coach, LocalDate start) {
    String instance = accepted(project, number, first, last, gender, on, coach);
    Map<String, Object> form = new HashMap<>(Map.of("outcome", "STARTED", "firstMeetingOn", start.toString(),
        "mappingSummary", "Kartläggning av arbetslivserfarenhet, hälsa och intressen.",
        "agreementSignedOn", start.toString(), "startedOn", start.toString(),
        "consentParties", List.of("SOC", "AF", "FK", "REGION"), "consentCategories",
        List.of("SOCIAL_ECONOMIC", "WORK_HISTORY", "LABOUR_MARKET"), "consentDirections", List.of("OBTAIN", "DISCLOSE"),
        "consentPurpose", "Samordnad rehabilitering mot arbete", "consentGivenOn", start.toString()));
    complete(instance, "startParticipation", coach, form);
    return instance;
  }

  private void complete(String instance, String taskKey, String userId, Map<String, Object> form) {
    String taskId = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
        .singleResult().getId();
    identityService.setAuthenticatedUserId(userId);
    try {
      taskService.complete(taskId, form);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
