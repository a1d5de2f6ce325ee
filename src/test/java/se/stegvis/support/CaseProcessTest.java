package se.stegvis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.transaction.support.TransactionTemplate;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.Deadline;
import se.stegvis.deadline.DeadlineRepository;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.form.FormValues;
import se.stegvis.identity.Groups;
import se.stegvis.referral.ReferralRequest;
import se.stegvis.referral.ReferralService;
import se.stegvis.time.EngineClock;

/**
 * Base for tests that drive the case process: the real application on an in-memory database,
 * the engine clock moved by the test, due timers executed explicitly (no job executor, no sleeps),
 * and flow-node coverage recorded per model.
 *
 * <p>Every test class that extends this one without further configuration shares one Spring
 * context (and one H2 database), so tests create their own cases and assert on those only.
 * Those marked {@link AlsoOnPostgres} run again in the PostgreSQL execution, where they likewise
 * share one context on one fresh PostgreSQL database.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class CaseProcessTest {

  protected static final String COACH = "cora";
  protected static final String WORKING_GROUP_MEMBER = "berit";
  protected static final LocalTime MORNING = LocalTime.of(9, 0);

  /** Tables of case data, each with a case_id column. */
  protected static final List<String> CASE_TABLES = List.of("referral", "consent", "action_plan", "meeting",
      "proposed_action", "case_exit", "follow_up", "survey_answer", "notification", "deadline", "placement",
      "journal_entry", "case_draft", "attachment", "disclosure");

  /** Form fields that carry personal data or free text: none of their values may reach the engine. */
  private static final Set<String> PERSONAL_FIELDS = Set.of("identityNumber", "firstName", "lastName", "phone",
      "email", "referrerName", "referrerEmail", "referrerPhone", "reason", "otherMeasure", "mappingSummary",
      "declineReason", "consentPurpose", "goals", "activities", "summary", "proposal", "nextStep", "note",
      "visitNotes", "workTasks", "withdrawReason", "endNote");
  private static final Set<String> SENT_PERSONAL_DATA = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger PEOPLE = new AtomicInteger();
  private static final AtomicInteger TEXTS = new AtomicInteger();

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected FormService formService;
  @Autowired protected HistoryService historyService;
  @Autowired protected RepositoryService repositoryService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected ProjectRepository projects;
  @Autowired protected CaseFileRepository caseFiles;
  @Autowired protected DeadlineRepository deadlineRepository;
  @Autowired protected ReferralService referrals;
  @Autowired protected ReferenceCodes codes;
  @Autowired protected TransactionTemplate transactions;
  @Autowired protected JdbcTemplate jdbc;

  /** camunda-bpm-assert on this context's engine (an H2 and a PostgreSQL engine may both be alive). */
  @BeforeEach
  void assertionsOnThisEngine() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    BpmnAwareTests.reset();
  }

  /** Sets the engine clock to a moment of a Swedish calendar day. */
  protected void clockAt(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day, time, EngineClock.ZONE).toInstant()));
  }

  /** Executes every timer that is due at the current engine time, as the job executor would. */
  protected int fireDueTimers() {
    int fired = 0;
    List<Job> due;
    while (!(due = managementService.createJobQuery().timers().executable()
        .list()).isEmpty()) {
      for (Job job : due) {
        managementService.executeJob(job.getId());
        fired++;
      }
    }
    return fired;
  }

  /**
   * Executes the due timers of one case only: other test classes share the engine, and their
   * cases' timers are theirs to fire.
   */
  protected int fireDueTimers(CaseFile caseFile) {
    int fired = 0;
    List<Job> due;
    while (!(due = managementService.createJobQuery().processInstanceId(caseFile.getProcessInstanceId())
        .timers().executable().list()).isEmpty()) {
      for (Job job : due) {
        managementService.executeJob(job.getId());
        fired++;
      }
    }
    return fired;
  }

  /** Users, groups and a project, once per database. */
  protected void ensureProjectAndStaff() {
    if (identityService.createUserQuery().userId(COACH).count() == 0) {
      group(Groups.COACHES);
      group(Groups.WORKING_GROUP);
      var coach = identityService.newUser(COACH);
      coach.setFirstName("Cora");
      coach.setLastName("Coach");
      identityService.saveUser(coach);
      identityService.createMembership(COACH, Groups.COACHES);
      identityService.saveUser(identityService.newUser(WORKING_GROUP_MEMBER));
      identityService.createMembership(WORKING_GROUP_MEMBER, Groups.WORKING_GROUP);
    }
    if (projects.findByCode("C2").isEmpty()) {
      projects.save(new Project("C2", "C2 – Lycksele", 80, Groups.MANAGERS));
    }
  }

  private void group(String id) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      identityService.saveGroup(identityService.newGroup(id));
    }
  }

  /** A complete, valid referral form; tests change single fields. */
  public static Map<String, Object> referralForm(String identityNumber, LocalDate referredOn) {
    Map<String, Object> form = new HashMap<>();
    form.put("projectCode", "C2");
    form.put("identityNumber", identityNumber);
    form.put("firstName", "Testa");
    form.put("lastName", "Testsson");
    form.put("gender", "WOMAN");
    form.put("party", "AF");
    form.put("referrerName", "Remi Ttent");
    form.put("referrerEmail", "remi@af.example");
    form.put("reason", "Behöver samordnat stöd");
    form.put("incomeSource", "SOCIAL_ASSISTANCE");
    form.put("timeInSupport", "Y3");
    form.put("educationLevel", "UPPER_SECONDARY");
    form.put("referredOn", referredOn.toString());
    return form;
  }

  /**
   * A referral of a new person (distinct personnummer, names, referrer and reason), so that the
   * engine tables can be searched for exactly these values afterwards.
   */
  protected Map<String, Object> newPersonReferral(LocalDate referredOn) {
    int n = PEOPLE.incrementAndGet();
    Map<String, Object> form = referralForm(newPersonnummer(n), referredOn);
    form.put("firstName", "Ingegerd" + letters(n));
    form.put("lastName", "Wästberg" + letters(n));
    form.put("phone", "070-77" + "%05d".formatted(n));
    form.put("email", "ingegerd" + n + "@deltagare.example");
    form.put("referrerName", "Remittent Rask" + letters(n));
    form.put("referrerEmail", "rask" + n + "@af.example");
    form.put("referrerPhone", "010-48" + "%05d".formatted(n));
    form.put("reason", text("Skäl till remissen: långvarigt försörjningsstöd"));
    return form;
  }

  /** Registers a referral the way the API does and returns its case. */
  protected CaseFile refer(Map<String, Object> form) {
    ensureProjectAndStaff();
    rememberPersonalData(form);
    return transactions.execute(s -> referrals.registerAndStart(
        ReferralRequest.read(new FormValues(form, codes, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
            EngineClock.ZONE))), "test"));
  }

  /** A new person referred through the API on the given day (engine clock at 09:00 that day). */
  protected CaseFile referOn(LocalDate referredOn) {
    clockAt(referredOn, MORNING);
    return refer(newPersonReferral(referredOn));
  }

  /** A new person referred 10 days before, accepted 7 days before, whose participation starts on the day. */
  protected CaseFile activeCase(LocalDate startedOn) {
    CaseFile caseFile = referOn(startedOn.minusDays(10));
    completeOn(startedOn.minusDays(7), caseFile, "decideIntake", WORKING_GROUP_MEMBER,
        acceptance(startedOn.minusDays(7)));
    completeOn(startedOn, caseFile, "startParticipation", COACH, participationStart(startedOn));
    return caseFile;
  }

  /** A case whose participation started 30 days before and ended on the day with the outcome. */
  protected CaseFile exitedCase(LocalDate exitedOn, String outcome) {
    CaseFile caseFile = activeCase(exitedOn.minusDays(30));
    completeOn(exitedOn.minusDays(25), caseFile, "makeActionPlan", COACH, actionPlan(exitedOn.minusDays(25)));
    completeOn(exitedOn, caseFile, "exitParticipation", COACH, exit(exitedOn, outcome));
    return caseFile;
  }

  /** Registers a referral the way Tasklist does: the start form "Ny remiss" submitted to the engine by a referrer. */
  protected CaseFile referViaTasklist(Map<String, Object> form, String userId) {
    ensureProjectAndStaff();
    rememberPersonalData(form);
    var definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ProcessVariables.PROCESS_KEY).latestVersion().singleResult();
    identityService.setAuthentication(userId, List.of(Groups.REFERRERS));
    ProcessInstance instance;
    try {
      instance = formService.submitStartForm(definition.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
    // Read back as the test, not the referrer: a referrer reads nothing of the case in the engine.
    Long caseId = (Long) runtimeService.getVariable(instance.getId(), ProcessVariables.CASE_ID);
    return caseFiles.findById(caseId).orElseThrow();
  }

  protected ProcessInstance instance(CaseFile caseFile) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(caseFile.getProcessInstanceId())
        .singleResult();
  }

  /** The case as now stored. */
  protected CaseFile reload(CaseFile caseFile) {
    return caseFiles.findById(caseFile.getId()).orElseThrow();
  }

  protected Task task(CaseFile caseFile, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(caseFile.getProcessInstanceId())
        .taskDefinitionKey(taskKey).singleResult();
  }

  /** Completes a task as the given user with the form values, through the same listeners as Tasklist. */
  protected void complete(CaseFile caseFile, String taskKey, String userId, Map<String, Object> form) {
    complete(task(caseFile, taskKey), caseFile, taskKey, userId, form);
  }

  /** Completes the given task (of the case's process or of a process it called) as the user. */
  protected void complete(Task task, CaseFile caseFile, String taskKey, String userId, Map<String, Object> form) {
    if (task == null) {
      throw new AssertionError("No open task " + taskKey + " in case " + caseFile.getCaseNumber());
    }
    rememberPersonalData(form);
    Groups.actAs(identityService, userId);
    try {
      taskService.complete(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completes a task on the given day (engine clock at 09:00) as the user. */
  protected void completeOn(LocalDate day, CaseFile caseFile, String taskKey, String userId,
      Map<String, Object> form) {
    clockAt(day, MORNING);
    complete(caseFile, taskKey, userId, form);
  }

  /** Submits a task's form exactly as Tasklist does (engine REST "submit-form"). */
  protected void submitViaTasklist(CaseFile caseFile, String taskKey, String userId, Map<String, Object> form) {
    Task task = task(caseFile, taskKey);
    if (task == null) {
      throw new AssertionError("No open task " + taskKey + " in case " + caseFile.getCaseNumber());
    }
    rememberPersonalData(form);
    Groups.actAs(identityService, userId);
    try {
      formService.submitTaskForm(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  // ---- Valid forms; tests change single fields. Free texts are distinct per call. ----

  protected Map<String, Object> acceptance(LocalDate decidedOn) {
    return form("decision", "ACCEPTED", "coach", COACH, "decidedOn", decidedOn.toString());
  }

  protected Map<String, Object> participationStart(LocalDate startedOn) {
    return form("outcome", "STARTED", "firstMeetingOn", startedOn.toString(),
        "mappingSummary", text("Kartläggning: vill arbeta inom vården, behöver körkort"),
        "agreementSignedOn", startedOn.toString(), "startedOn", startedOn.toString(),
        "consentParties", List.of("AF", "SOC"), "consentCategories", List.of("HEALTH", "WORK_HISTORY"),
        "consentDirections", List.of("OBTAIN"), "consentPurpose", text("Samordning av stöd till arbete"),
        "consentGivenOn", startedOn.toString());
  }

  protected Map<String, Object> actionPlan(LocalDate madeOn) {
    return form("goals", text("Mål: arbete som undersköterska"), "activities", text("Praktik via AF, körkort"),
        "madeOn", madeOn.toString());
  }

  protected Map<String, Object> meeting(LocalDate heldOn) {
    return form("heldOn", heldOn.toString(), "personPresent", true, "partiesPresent", List.of("AF", "SOC"),
        "summary", text("Samtalsanteckning: praktiken går bra"));
  }

  protected Map<String, Object> proposal(LocalDate presentedAtMeetingOn, LocalDate documentedOn) {
    return form("proposal", text("Förslag: lönebidragsanställning"), "agreedWithPerson", true,
        "presentedAtMeetingOn", presentedAtMeetingOn.toString(), "documentedOn", documentedOn.toString());
  }

  protected Map<String, Object> exit(LocalDate exitedOn, String outcome) {
    Map<String, Object> form = form("exitedOn", exitedOn.toString(), "outcome", outcome,
        "incomeSource", "SALARY", "receivingParty", "EMPLOYER", "nextStep", text("Överlämning till arbetsgivaren"));
    if (Set.of("WORK", "STUDIES", "WORK_AND_STUDIES").contains(outcome)) {
      form.put("extentPercent", 75);
    }
    return form;
  }

  protected Map<String, Object> followUp(LocalDate followedUpOn) {
    return form("followedUpOn", followedUpOn.toString(), "reached", true, "status", "WORK",
        "incomeSource", "SALARY", "note", text("Uppföljning: trivs på jobbet"));
  }

  /** A mutable form from key/value pairs. */
  protected static Map<String, Object> form(Object... keysAndValues) {
    Map<String, Object> form = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      form.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return form;
  }

  /** A free text that occurs nowhere else. */
  protected static String text(String prefix) {
    return prefix + " (nr " + TEXTS.incrementAndGet() + ")";
  }

  /** A valid personnummer YYYYMMDD-NNNC for test person n: a different birth day for every n. */
  public static String newPersonnummer(int n) {
    return personnummer(LocalDate.of(1975, 1, 1).plusDays(n * 5L), 200 + n % 700);
  }

  /**
   * The valid personnummer YYYYMMDD-NNNC of a birth day and a three-digit serial number, the check
   * digit computed here by the Luhn rule (weights 2,1,2,… over YYMMDDNNN), independently of the
   * production code.
   */
  public static String personnummer(LocalDate birth, int serial) {
    String date = birth.format(DateTimeFormatter.BASIC_ISO_DATE);
    String nine = date.substring(2) + "%03d".formatted(serial);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int product = Character.digit(nine.charAt(i), 10) * (i % 2 == 0 ? 2 : 1);
      sum += product / 10 + product % 10;
    }
    return date + "-" + nine.substring(6) + (10 - sum % 10) % 10;
  }

  private static String letters(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = n; i > 0; i /= 26) {
      s.append((char) ('a' + (i - 1) % 26));
    }
    return s.toString();
  }

  // ---- Deadlines ----

  protected List<Deadline> deadlines(CaseFile caseFile) {
    return deadlineRepository.findByCaseIdOrderByDueAt(caseFile.getId());
  }

  protected Deadline deadline(CaseFile caseFile, String kind, int sequence) {
    return deadlines(caseFile).stream().filter(d -> d.getKind().equals(kind) && d.getSequence() == sequence)
        .findFirst().orElseThrow(() -> new AssertionError("No deadline " + kind + " #" + sequence));
  }

  /** A due date as Swedish wall-clock time. */
  protected static LocalDateTime swedish(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), EngineClock.ZONE);
  }

  /** The last second of a Swedish calendar day. */
  protected static LocalDateTime endOf(LocalDate day) {
    return day.atTime(23, 59, 59);
  }

  // ---- Refused forms ----

  /**
   * Completing the task with the form is refused with the Swedish messages, and nothing changes:
   * the same task stays open, no case row is written or changed, and the engine's variables,
   * tasks, timers and history are as before.
   */
  protected void assertRefused(CaseFile caseFile, String taskKey, String userId, Map<String, Object> form,
      String... messages) {
    Task before = task(caseFile, taskKey);
    assertThat(before).as("open task %s", taskKey).isNotNull();
    DatabaseSnapshot rows = DatabaseSnapshot.ofCase(jdbc, caseFile);
    var refusal = assertThatThrownBy(() -> complete(caseFile, taskKey, userId, form))
        .isInstanceOf(FormRejectedException.class);
    for (String message : messages) {
      refusal.hasMessageContaining(message);
    }
    assertThat(task(caseFile, taskKey)).as("task %s still open", taskKey)
        .isNotNull().extracting(Task::getId).isEqualTo(before.getId());
    assertThat(DatabaseSnapshot.ofCase(jdbc, caseFile)).as("nothing stored or changed").isEqualTo(rows);
  }

  // ---- No personal data in the engine ----

  private static void rememberPersonalData(Map<String, ?> form) {
    form.forEach((key, value) -> {
      if (PERSONAL_FIELDS.contains(key) && value instanceof String text && text.strip().length() >= 4) {
        SENT_PERSONAL_DATA.addAll(variants(key, text.strip()));
      }
    });
  }

  /** A personnummer in every spelling: 12 or 10 digits, with or without hyphen. */
  private static List<String> variants(String key, String value) {
    String digits = value.replaceAll("[^0-9]", "");
    if (!"identityNumber".equals(key) || digits.length() != 12) {
      return List.of(value);
    }
    String ten = digits.substring(2);
    return List.of(value, digits, digits.substring(0, 8) + "-" + digits.substring(8), ten,
        ten.substring(0, 6) + "-" + ten.substring(6));
  }

  /**
   * After a case's run: no personal data in its engine rows, and only allow-listed variables.
   * See {@link #assertNoPersonalDataInEngine} and {@link #assertOnlyAllowedVariables}.
   */
  protected void assertEngineHoldsNoCaseData(Collection<String> processInstanceIds) {
    assertNoPersonalDataInEngine(processInstanceIds);
    assertOnlyAllowedVariables(processInstanceIds);
  }

  /**
   * Searches every engine table (ACT_RU_*, ACT_HI_* — variables, details, tasks' names and
   * descriptions, comments, the user operation log, incidents, job logs — and ACT_GE_BYTEARRAY,
   * every column, byte arrays decoded) for each personnummer (with or without century and
   * hyphen), name, address and free text any test has sent in a form so far. Searches the rows of
   * the given process instances (by instance or root instance) and rows of no process instance, so
   * that one leak fails one test; {@code null} searches every row. Not searched: the deployed
   * models and forms (byte arrays of a deployment), values that are exactly an element id of a
   * deployed model (see {@link #modelIdentifiers}) and the engine's own user accounts (ACT_ID_*).
   */
  protected void assertNoPersonalDataInEngine(Collection<String> processInstanceIds) {
    assertNotInEngine(Set.copyOf(SENT_PERSONAL_DATA), processInstanceIds);
  }

  /** None of the texts in any engine row of the given process instances (or of none); see above. */
  protected void assertNotInEngine(Set<String> secrets, Collection<String> processInstanceIds) {
    assertThat(secrets).as("personal data sent by the tests").isNotEmpty();
    List<String> leaks = new ArrayList<>();
    int values = 0;
    Set<String> modelIds = modelIdentifiers();
    for (String table : engineTables()) {
      for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
        if (!searched(table, row, processInstanceIds)) {
          continue;
        }
        for (var column : row.entrySet()) {
          Object value = column.getValue();
          if (value == null) {
            continue;
          }
          values++;
          if (modelIds.contains(value.toString())) {
            // An id copied from a deployed model (e.g. ACT_ID_ "firstVisitOverdue" holds "tOVErdue" for
            // a participant named Tove): the models are not case data, see above.
            continue;
          }
          String where = table + "." + column.getKey().toUpperCase(Locale.ROOT) + " of " + row.get("TYPE_") + " "
              + row.get("NAME_");
          if (value instanceof byte[] bytes) {
            leaks.addAll(find(secrets, new String(bytes, StandardCharsets.UTF_8), where));
            leaks.addAll(find(secrets, new String(bytes, StandardCharsets.ISO_8859_1), where));
          } else {
            leaks.addAll(find(secrets, value.toString(), where));
          }
        }
      }
    }
    assertThat(values).as("engine values searched").isPositive();
    assertThat(leaks).as("personal data in the engine's tables").isEmpty();
  }

  /**
   * The ids of every element of every deployed BPMN model (processes, activities, events, flows):
   * the engine copies them into its rows (ACT_ID_, TASK_DEF_KEY_, PROC_DEF_KEY_ …). A value equal
   * to one of them comes from the model, never from a case; a value that merely contains one is
   * still searched.
   */
  private Set<String> modelIdentifiers() {
    Set<String> ids = new java.util.HashSet<>();
    for (var definition : repositoryService.createProcessDefinitionQuery().list()) {
      repositoryService.getBpmnModelInstance(definition.getId())
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BaseElement.class).stream()
          .map(org.camunda.bpm.model.bpmn.instance.BaseElement::getId).filter(java.util.Objects::nonNull)
          .forEach(ids::add);
    }
    return ids;
  }

  /** The engine's runtime, history and byte-array tables, as the database names them. */
  private List<String> engineTables() {
    List<String> tables = jdbc.queryForList("""
        select table_name from information_schema.tables
        where lower(table_schema) = 'public' and table_type = 'BASE TABLE'
          and (upper(table_name) like 'ACT_RU_%' or upper(table_name) like 'ACT_HI_%'
            or upper(table_name) = 'ACT_GE_BYTEARRAY')""", String.class);
    assertThat(tables).as("engine tables").hasSizeGreaterThan(20);
    return tables;
  }

  /** JdbcTemplate's rows look columns up case-insensitively (H2 names them in upper, PostgreSQL in lower case). */
  private static boolean searched(String table, Map<String, Object> row, Collection<String> processInstanceIds) {
    if (table.equalsIgnoreCase("ACT_GE_BYTEARRAY") && row.get("DEPLOYMENT_ID_") != null) {
      return false;
    }
    if (processInstanceIds == null) {
      return true;
    }
    List<Object> instances = java.util.stream.Stream.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_")
        .map(row::get).filter(java.util.Objects::nonNull).toList();
    return instances.isEmpty() || instances.stream().anyMatch(i -> processInstanceIds.contains(i.toString()));
  }

  /** The variables of the process instances, at runtime and in history, are all on the allow-list. */
  protected void assertOnlyAllowedVariables(Collection<String> processInstanceIds) {
    Set<String> names = new TreeSet<>();
    for (String pi : processInstanceIds) {
      for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
        names.addAll(jdbc.queryForList("select distinct NAME_ from " + table + " where PROC_INST_ID_ = ?",
            String.class, pi));
      }
    }
    assertThat(names).as("variable names in the engine").contains(ProcessVariables.CASE_ID)
        .isSubsetOf(ProcessVariables.ALLOWED);
  }

  protected void assertEngineHoldsNoCaseData(CaseFile... caseFiles) {
    assertEngineHoldsNoCaseData(java.util.Arrays.stream(caseFiles).map(CaseFile::getProcessInstanceId).toList());
  }

  private static List<String> find(Set<String> secrets, String text, String where) {
    String haystack = text.toLowerCase(Locale.ROOT);
    return secrets.stream().filter(s -> haystack.contains(s.toLowerCase(Locale.ROOT)))
        .map(s -> where + " contains \"" + s + "\"").toList();
  }
}
