package se.stegvis.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.transaction.support.TransactionTemplate;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.DeadlineCalendar;
import se.stegvis.form.FormValues;
import se.stegvis.identity.Groups;
import se.stegvis.referral.ReferralRequest;
import se.stegvis.referral.ReferralService;

/**
 * Base for tests that drive the case process: the real application on an in-memory database,
 * the engine clock moved by the test, due timers executed explicitly (no job executor, no sleeps),
 * and flow-node coverage recorded per model.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class CaseProcessTest {

  protected static final String COACH = "cora";
  protected static final String WORKING_GROUP_MEMBER = "berit";

  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected ProjectRepository projects;
  @Autowired protected ReferralService referrals;
  @Autowired protected ReferenceCodes codes;
  @Autowired protected TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /** Sets the engine clock to a moment of a Swedish calendar day. */
  protected void clockAt(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day, time, DeadlineCalendar.ZONE).toInstant()));
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
  protected Map<String, Object> referralForm(String identityNumber, LocalDate referredOn) {
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

  /** Registers a referral the way the API does and returns its case. */
  protected CaseFile refer(Map<String, Object> form) {
    ensureProjectAndStaff();
    return transactions.execute(s -> referrals.registerAndStart(
        ReferralRequest.read(new FormValues(form, codes, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
            DeadlineCalendar.ZONE)), null), "test"));
  }

  protected ProcessInstance instance(CaseFile caseFile) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(caseFile.getProcessInstanceId())
        .singleResult();
  }

  protected Task task(CaseFile caseFile, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(caseFile.getProcessInstanceId())
        .taskDefinitionKey(taskKey).singleResult();
  }

  /** Completes a task as the given user with the form values, through the same listeners as Tasklist. */
  protected void complete(CaseFile caseFile, String taskKey, String userId, Map<String, Object> form) {
    Task task = task(caseFile, taskKey);
    if (task == null) {
      throw new AssertionError("No open task " + taskKey + " in case " + caseFile.getCaseNumber());
    }
    identityService.setAuthenticatedUserId(userId);
    try {
      taskService.complete(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
