package se.stegvis.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectGoal;
import se.stegvis.casefile.ProjectGoal.Metric;
import se.stegvis.casefile.ProjectGoalRepository;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.identity.Groups;
import se.stegvis.staff.StaffTitles;
import se.stegvis.placement.PlacementRequests;
import se.stegvis.placement.WorkplaceRegistry;
import se.stegvis.referral.ReferralRequest;
import se.stegvis.referral.ReferralService;
import se.stegvis.time.EngineClock;

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
  private final EngineClock clock;
  private final TransactionTemplate transactions;
  private final RuntimeService runtimeService;
  private final CaseFileRepository caseFiles;
  private final WorkplaceRegistry workplaces;
  private final PlacementRequests placementRequests;
  private final StaffTitles staffTitles;

  DemoData(IdentityService identityService, TaskService taskService,
      ProjectRepository projects, ProjectGoalRepository goals, ReferralService referrals, ReferenceCodes codes,
      EngineClock clock, TransactionTemplate transactions, RuntimeService runtimeService,
      CaseFileRepository caseFiles, WorkplaceRegistry workplaces, PlacementRequests placementRequests,
      StaffTitles staffTitles) {
    this.staffTitles = staffTitles;
    this.runtimeService = runtimeService;
    this.caseFiles = caseFiles;
    this.workplaces = workplaces;
    this.placementRequests = placementRequests;
    this.identityService = identityService;
    this.taskService = taskService;
    this.projects = projects;
    this.goals = goals;
    this.referrals = referrals;
    this.codes = codes;
    this.clock = clock;
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
    var samverkan = new Project("SAMVERKAN", "Samverkanshuset Strömsund", 40, Groups.MANAGERS);
    var nyIVarden = new Project("NYIVARDEN", "Ny i vården Östersund", 30, Groups.MANAGERS);
    projects.saveAll(List.of(c2, samverkan, nyIVarden));
    goals.saveAll(List.of(
        new ProjectGoal(samverkan, "40 deltagare per år", Metric.PARTICIPANTS_PER_YEAR, new BigDecimal("40")),
        new ProjectGoal(nyIVarden, "30 deltagare per år", Metric.PARTICIPANTS_PER_YEAR, new BigDecimal("30")),
        new ProjectGoal(nyIVarden, "60 % till praktik, arbete eller studier",
            Metric.SHARE_TO_WORK_STUDIES_OR_PLACEMENT, new BigDecimal("60")),
        new ProjectGoal(c2, "80 deltagare per år", Metric.PARTICIPANTS_PER_YEAR, new BigDecimal("80")),
        new ProjectGoal(c2, "70 % till praktik, arbete eller studier", Metric.SHARE_TO_WORK_STUDIES_OR_PLACEMENT,
            new BigDecimal("70")),
        new ProjectGoal(c2, "50 % egen försörjning inom 12 månader", Metric.SHARE_SELF_SUFFICIENT_WITHIN_12_MONTHS,
            new BigDecimal("50"))));
    LocalDate today = clock.today();
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
    placements(today, late, active);
    log.info("Demo data loaded: users anna, erik (coaches), bengt (beredningsgrupp), maria (chef), rita (remittent), "
        + "pia (praktiksamordnare), admin; password \"{}\"", PASSWORD);
  }

  /**
   * Workplaces in the three projects' areas, and placements in every phase: waiting for matching,
   * matched and waiting for the visit, visited and waiting for the work plan, under way with a
   * follow-up visit overdue, ended with employment, and ended early.
   */
  private void placements(LocalDate today, String planMade, String active) {
    long care = workplace("212000-2411", "Lycksele kommun", "MUNICIPAL", "Vård- och omsorgsboendet Björken",
        "Björkvägen 4", "921 31", "Lycksele", "CARE", 2, today.minusDays(200));
    long retail = workplace("556712-4309", "Lappland Livs AB", "PRIVATE", "Livsbutiken Centrum", "Storgatan 18",
        "921 30", "Lycksele", "RETAIL", 1, today.minusDays(120));
    workplace("769612-3459", "Återbruket i Lycksele ekonomisk förening", "NONPROFIT", "Återbruket", "Industrivägen 9",
        "921 32", "Lycksele", "REUSE", 3, null);
    workplace("232100-0180", "Region Jämtland Härjedalen", "REGION", "Östersunds sjukhus, kök och restaurang",
        "Lasarettsvägen 1", "831 83", "Östersund", "HOSPITALITY", 2, today.minusDays(300));
    long storage = workplace("556834-1183", "Strömsunds Lager & Logistik AB", "PRIVATE", "Lagret Näset",
        "Näsvägen 22", "833 35", "Strömsund", "LOGISTICS", 2, today.minusDays(90));
    workplace("802451-7727", "IK Stjärnan Krokom", "NONPROFIT", "Krokomsporten, kansli och arena",
        "Sportvägen 3", "835 31", "Krokom", "CULTURE", 1, null);
    long careOstersund = workplace("212000-2510", "Östersunds kommun", "MUNICIPAL", "Hemtjänsten Odenslund",
        "Odensalavägen 12", "831 52", "Östersund", "CARE", 3, today.minusDays(400));

    // Waiting for the coordinator's matching: Noah (C2, plan made) asked two days ago.
    requestPlacement(planMade, "RETAIL", "Lycksele", today.minusDays(2));
    // Under way since 80 days, first follow-up visit made, the second one is overdue: Fatima (Ny i vården).
    requestPlacement(active, "CARE", "Östersund", today.minusDays(90));
    match(active, careOstersund, today.minusDays(88));
    visit(active, today.minusDays(85), "Handledaren visade hemtjänstens rutiner.");
    completePlacement(active, "agreeWorkPlan", workPlan(today.minusDays(84), today.minusDays(80), today.plusDays(40)));
    followUpVisit(active, today.minusDays(52), "Trivs, vill gå upp till 30 timmar.");

    // Sofia (C2): a first placement ended early, a second one matched and waiting for the visit.
    String sofia = started("C2", "19970418-2386", "Sofia", "Lindqvist", "WOMAN", today.minusDays(160), "anna",
        today.minusDays(150));
    complete(sofia, "makeActionPlan", "anna", Map.of("goals", "Arbete inom lager eller handel",
        "activities", "Praktik, körkortsteori", "madeOn", today.minusDays(143).toString()));
    requestPlacement(sofia, "LOGISTICS", "Strömsund", today.minusDays(140));
    match(sofia, storage, today.minusDays(137));
    visit(sofia, today.minusDays(133), "Truckkort krävs inte för uppgifterna.");
    completePlacement(sofia, "agreeWorkPlan", workPlan(today.minusDays(130), today.minusDays(126), today.minusDays(40)));
    completePlacement(sofia, "followUpVisit", Map.of("visitedOn", today.minusDays(100).toString(),
        "attendanceAsPlanned", false, "visitNotes", "Ryggbesvär, praktiken avbryts.", "continuePlacement", "END",
        "endedOn", today.minusDays(100).toString(), "outcome", "ENDED_EARLY", "endReason", "HEALTH"));
    requestPlacement(sofia, "RETAIL", "Lycksele", today.minusDays(10));
    match(sofia, retail, today.minusDays(6));

    // Oscar (C2): placement visited, the work plan is being drawn up.
    String oscar = started("C2", "19930707-1192", "Oscar", "Nyström", "MAN", today.minusDays(60), "anna",
        today.minusDays(50));
    complete(oscar, "makeActionPlan", "anna", Map.of("goals", "Undersköterska på sikt",
        "activities", "Praktik i äldreomsorgen, svenska för vårdpersonal", "madeOn", today.minusDays(40).toString()));
    requestPlacement(oscar, "CARE", "Lycksele", today.minusDays(12));
    match(oscar, care, today.minusDays(9));
    visit(oscar, today.minusDays(3), "Introduktion gavs tidigare i år.");

    // Ahmed (Samverkanshuset): placement ended with a subsidised job.
    String ahmed = started("SAMVERKAN", "19860129-4476", "Ahmed", "Yusuf", "MAN", today.minusDays(220), "erik",
        today.minusDays(210));
    complete(ahmed, "makeActionPlan", "erik", Map.of("goals", "Anställning inom logistik",
        "activities", "Praktik på lager, truckutbildning", "madeOn", today.minusDays(200).toString()));
    requestPlacement(ahmed, "LOGISTICS", "Strömsund", today.minusDays(200));
    match(ahmed, storage, today.minusDays(196));
    visit(ahmed, today.minusDays(192), "Bra stämning i arbetslaget.");
    completePlacement(ahmed, "agreeWorkPlan", workPlan(today.minusDays(190), today.minusDays(186), today.minusDays(60)));
    for (int n = 1; n <= 3; n++) {
      followUpVisit(ahmed, today.minusDays(186 - 28L * n), "Följer arbetsplanen.");
    }
    completePlacement(ahmed, "followUpVisit", Map.of("visitedOn", today.minusDays(70).toString(),
        "attendanceAsPlanned", true, "visitNotes", "Arbetsgivaren erbjuder anställning med lönebidrag.",
        "continuePlacement", "END", "endedOn", today.minusDays(70).toString(), "outcome", "EMPLOYMENT",
        "employmentType", "SUBSIDISED"));

    // Maja (C2): started last week, no placement yet; her coach can ask for one from the case panel.
    String maja = started("C2", "20000615-3423", "Maja", "Eriksson", "WOMAN", today.minusDays(14), "anna",
        today.minusDays(7));
    complete(maja, "makeActionPlan", "anna", Map.of("goals", "Arbete inom handel", "activities", "Praktik i butik",
        "madeOn", today.minusDays(3).toString()));

    // Åsa (C2): found by "asa ostlund" too; her first multi-party meeting is due within the inbox's 14 days.
    String asa = started("C2", "19920817-2487", "Åsa", "Östlund", "WOMAN", today.minusDays(58), "anna",
        today.minusDays(50));
    complete(asa, "makeActionPlan", "anna", Map.of("goals", "Arbete inom vård och omsorg",
        "activities", "Coachsamtal varannan vecka; studiebesök på äldreboende", "madeOn", today.minusDays(40).toString()));
  }

  private long workplace(String organisationNumber, String employer, String kind, String name, String street,
      String postalCode, String area, String sector, int capacity, LocalDate introducedOn) {
    Map<String, Object> entry = new HashMap<>(Map.of("organisationNumber", organisationNumber, "employerName", employer,
        "employerKind", kind, "name", name, "streetAddress", street, "postalCode", postalCode, "area", area,
        "sector", sector, "capacity", capacity, "contactName", "Kontaktperson " + name));
    entry.putAll(Map.of("contactPhone", "0950-160 00", "contactEmail", "praktik@" + area.toLowerCase()
        .replace("ö", "o").replace("ä", "a").replace("å", "a") + ".example", "supervisorName", "Handledare " + area));
    if (introducedOn != null) {
      entry.put("introducedOn", introducedOn.toString());
    }
    return workplaces.register(entry, "pia").id();
  }

  private void match(String caseInstance, long workplaceId, LocalDate on) {
    completePlacement(caseInstance, "matchWorkplace", Map.of("matchDecision", "MATCH",
        "workplaceId", String.valueOf(workplaceId), "matchedOn", on.toString()));
  }

  /** A visit to a workplace that has had the introduction and suits. */
  private void visit(String caseInstance, LocalDate on, String notes) {
    completePlacement(caseInstance, "visitWorkplace", Map.of("visitedOn", on.toString(), "supervisorMet", true,
        "introductionGiven", false, "visitNotes", notes, "workplaceSuitable", "YES"));
  }

  private void followUpVisit(String caseInstance, LocalDate on, String notes) {
    completePlacement(caseInstance, "followUpVisit", Map.of("visitedOn", on.toString(), "attendanceAsPlanned", true,
        "visitNotes", notes, "continuePlacement", "CONTINUE"));
  }

  private static Map<String, Object> workPlan(LocalDate agreedOn, LocalDate start, LocalDate end) {
    return Map.of("goals", "Pröva yrket och få referenser", "workTasks", "Uppgifter enligt handledarens plan",
        "hoursPerWeek", 25, "plannedStart", start.toString(), "plannedEnd", end.toString(),
        "agreedOn", agreedOn.toString(), "agreedWithEmployer", true, "agreedWithParticipant", true);
  }

  private void requestPlacement(String instance, String sector, String area, LocalDate on) {
    transactions.executeWithoutResult(status -> placementRequests.request(
        caseFiles.findByProcessInstanceId(instance).orElseThrow(),
        Map.of("sectorWish", sector, "areaWish", area, "requestedOn", on.toString()), "anna"));
  }

  /** Completes the task of the placement process the case has called, as the coordinator pia. */
  private void completePlacement(String caseInstance, String taskKey, Map<String, Object> form) {
    String placementInstance = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseInstance)
        .singleResult().getId();
    complete(placementInstance, taskKey, "pia", form);
  }

  private void users() {
    // The role groups themselves exist already (RoleAuthorizations creates them).
    user("anna", "Anna", "Lind", Groups.COACHES, "Arbetskonsulent");
    user("erik", "Erik", "Berg", Groups.COACHES, "Coach");
    user("bengt", "Bengt", "Åkesson", Groups.WORKING_GROUP, "Socialsekreterare");
    user("maria", "Maria", "Olsson", Groups.MANAGERS, "Enhetschef");
    user("rita", "Rita", "Persson", Groups.REFERRERS, "Arbetsförmedlare");
    user("pia", "Pia", "Holmberg", Groups.PLACEMENT_COORDINATORS, "Praktiksamordnare");
    // The administrator comes from camunda.bpm.admin-user; her title is set here.
    if (identityService.createUserQuery().userId("admin").count() > 0) {
      staffTitles.set("admin", "Systemförvaltare", "demo");
    }
  }

  private void user(String id, String first, String last, String groupId, String title) {
    User user = identityService.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(id + "@stegvis.example");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, groupId);
    staffTitles.set(id, title, "demo");
  }

  private String referral(String project, String number, String first, String last, String gender, LocalDate on) {
    Map<String, Object> form = new HashMap<>();
    form.putAll(Map.of("projectCode", project, "identityNumber", number, "firstName", first, "lastName", last,
        "gender", gender, "party", "SOC", "referrerName", "Rita Persson", "referrerEmail", "rita@stegvis.example",
        "reason", "Långvarigt försörjningsstöd, behöver samordnat stöd mot arbete."));
    form.putAll(Map.of("incomeSource", "SOCIAL_ASSISTANCE", "timeInSupport", "Y2", "educationLevel",
        "UPPER_SECONDARY", "referredOn", on.toString()));
    CaseFile caseFile = transactions.execute(status -> referrals.registerAndStart(
        ReferralRequest.read(new FormValues(form, codes, clock.today())), "rita"));
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
    Groups.actAs(identityService, userId);
    try {
      taskService.complete(taskId, form);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
