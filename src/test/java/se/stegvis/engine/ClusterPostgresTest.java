package se.stegvis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import se.stegvis.StegvisApplication;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.casefile.ProjectRepository;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.FormValues;
import se.stegvis.identity.Groups;
import se.stegvis.referral.ReferralRequest;
import se.stegvis.referral.ReferralService;
import se.stegvis.support.CaseProcessTest;
import se.stegvis.support.EnabledIfPostgres;
import se.stegvis.support.PostgresTestDatabase;
import se.stegvis.time.EngineClock;

/**
 * Two Stegvis nodes on one PostgreSQL database, both job executors running, as in a cluster
 * behind a load balancer. Both nodes live in this JVM and so share the engine clock, which the
 * test moves forward (with {@link ClockUtil#offset}, so time keeps running for lock expiry).
 */
@EnabledIfPostgres
class ClusterPostgresTest {

  private static final int CASES = 300;
  private static final LocalDate REFERRED_ON = LocalDate.of(2031, 3, 3);
  private static final String PASSWORD = "Blåbärssoppa-i-Lycksele-2026";
  private static final String DECIDER = "berit";

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("two nodes: a task made on A is completed through B, 300 deadlines due at once escalate exactly once"
      + " each, and stopping B mid-burst loses none")
  void twoNodesShareOneDatabase() {
    String url = PostgresTestDatabase.createDatabase("stegvis_cluster");
    ClockUtil.setCurrentTime(at(REFERRED_ON, LocalTime.of(9, 0)));
    try (var nodeA = start(url, "node-a"); var nodeB = start(url, "node-b")) {
      staffAndProject(nodeA);

      CaseFile decidedOnB = refer(nodeA, 0);
      String taskId = nodeA.getBean(TaskService.class).createTaskQuery()
          .processInstanceId(decidedOnB.getProcessInstanceId()).taskDefinitionKey("decideIntake").singleResult().getId();
      var response = submitIntakeDecision(nodeB, taskId);
      assertThat(response.statusCode()).as("submit-form on node B: %s", response.body()).isEqualTo(204);
      assertThat(nodeA.getBean(TaskService.class).createTaskQuery()
          .processInstanceId(decidedOnB.getProcessInstanceId()).taskDefinitionKey("startParticipation").count())
          .as("node A sees the next step of the task completed on node B").isEqualTo(1);

      long referring = System.nanoTime();
      List<String> instances = new ArrayList<>();
      for (int n = 1; n <= CASES; n++) {
        instances.add(refer(n % 2 == 0 ? nodeA : nodeB, n).getProcessInstanceId());
      }
      JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
      assertThat(escalatedIntakeDeadlines(jdbc)).isZero();

      long burst = System.nanoTime();
      // Every intake deadline falls due at once: the end of day 14 after the referral.
      ClockUtil.offset(at(REFERRED_ON.plusDays(15), LocalTime.of(9, 0)).getTime() - System.currentTimeMillis());
      await("node B escalating its share").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
          .until(() -> escalatedBy(jdbc, "node-b") >= 20);
      nodeB.close();

      try {
        await("node A escalating the rest, including jobs node B held when it stopped")
            .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
            .until(() -> escalatedIntakeDeadlines(jdbc) == CASES);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(escalatedIntakeDeadlines(jdbc) + " of " + CASES + " escalated; jobs due and left: "
            + dueJobs(jdbc) + "; incidents: " + jdbc.queryForList("select incident_msg_ from act_ru_incident"), e);
      }
      long done = System.nanoTime();

      assertThat(jdbc.queryForObject("""
          select count(*) from act_hi_actinst where act_id_ = 'intakeDecisionOverdue' and proc_inst_id_ = any(?)
          """, Long.class, (Object) instances.toArray(String[]::new)))
          .as("each deadline's timer fired exactly once").isEqualTo(CASES);
      assertThat(jdbc.queryForObject("""
          select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = 'intakeDecisionOverdue'
          group by proc_inst_id_ having count(*) > 1) twice
          """, Long.class)).isZero();
      assertThat(jdbc.queryForObject("select count(*) from act_ru_job where handler_type_ = 'timer-transition'"
          + " and duedate_ <= ?", Long.class, ClockUtil.getCurrentTime())).as("no due timer left").isZero();
      assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).isZero();
      Map<String, Long> byState = new java.util.TreeMap<>();
      jdbc.query("select state, count(*) from deadline where kind = 'INTAKE_DECISION' group by state",
          row -> {
            byState.put(row.getString(1), row.getLong(2));
          });
      assertThat(byState).as("an escalation decides no state: the 300 stay open, the one decided on B is met")
          .isEqualTo(Map.of("OPEN", (long) CASES, "MET", 1L));
      Map<String, Long> byNode = new java.util.TreeMap<>();
      jdbc.query("select hostname_, count(*) from act_hi_job_log where job_state_ = 2"
          + " and act_id_ = 'intakeDecisionOverdue' group by hostname_",
          row -> {
            byNode.put(row.getString(1), row.getLong(2));
          });
      assertThat(byNode).as("both job executors worked: %s", byNode).containsOnlyKeys("node-a", "node-b");
      assertThat(byNode.values().stream().mapToLong(Long::longValue).sum())
          .as("successful timer jobs in all: one per deadline").isEqualTo(CASES);
      System.out.printf("Cluster: %d referrals over two nodes in %.1f s; %d deadlines escalated exactly once in"
          + " %.1f s, node B stopped mid-burst; by node %s%n", CASES, (burst - referring) / 1e9, CASES,
          (done - burst) / 1e9, byNode);
    }
  }

  private static ConfigurableApplicationContext start(String url, String node) {
    return new SpringApplicationBuilder(StegvisApplication.class)
        .profiles("postgres")
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresTestDatabase.USER,
            "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
            "--camunda.bpm.admin-user.password=" + PASSWORD, "--server.port=0",
            "--camunda.bpm.generic-properties.properties.hostname=" + node,
            // A node that stops holding jobs frees them after the lock time: 10 s instead of 5 minutes.
            "--camunda.bpm.job-execution.lock-time-in-millis=10000",
            "--camunda.bpm.job-execution.max-wait=1000",
            "--stegvis.reminders.initial-delay=P3650D");
  }

  private static void staffAndProject(ConfigurableApplicationContext node) {
    IdentityService identity = node.getBean(IdentityService.class);
    // The role groups themselves are made at start-up (RoleAuthorizations).
    assertThat(identity.createGroupQuery().groupIdIn(Groups.WORKING_GROUP, Groups.COACHES).count()).isEqualTo(2);
    var decider = identity.newUser(DECIDER);
    decider.setPassword(PASSWORD);
    identity.saveUser(decider);
    identity.createMembership(DECIDER, Groups.WORKING_GROUP);
    identity.saveUser(identity.newUser("cora"));
    identity.createMembership("cora", Groups.COACHES);
    node.getBean(ProjectRepository.class).save(new Project("C2", "C2 – Lycksele", 80, Groups.MANAGERS));
  }

  private static CaseFile refer(ConfigurableApplicationContext node, int person) {
    var form = CaseProcessTest.referralForm(CaseProcessTest.newPersonnummer(person), REFERRED_ON);
    var codes = node.getBean(ReferenceCodes.class);
    return node.getBean(TransactionTemplate.class).execute(s -> node.getBean(ReferralService.class)
        .registerAndStart(ReferralRequest.read(new FormValues(form, codes, REFERRED_ON)), "test"));
  }

  private static HttpResponse<String> submitIntakeDecision(ConfigurableApplicationContext node, String taskId) {
    int port = ((WebServerApplicationContext) node).getWebServer().getPort();
    String body = """
        {"variables": {"decision": {"value": "ACCEPTED"}, "coach": {"value": "cora"},
                       "decidedOn": {"value": "%s"}}}""".formatted(REFERRED_ON);
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId
            + "/submit-form"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((DECIDER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Escalated by its timer: still OPEN (the decision can still be made), escalated_at set. */
  private static long escalatedIntakeDeadlines(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from deadline where kind = 'INTAKE_DECISION' and state = 'OPEN'"
        + " and escalated_at is not null", Long.class);
  }

  private static List<Map<String, Object>> dueJobs(JdbcTemplate jdbc) {
    return jdbc.queryForList("select id_, process_instance_id_, lock_owner_, lock_exp_time_, retries_, duedate_,"
        + " suspension_state_, exception_msg_ from act_ru_job where duedate_ <= ? order by duedate_ limit 20",
        ClockUtil.getCurrentTime());
  }

  private static long escalatedBy(JdbcTemplate jdbc, String node) {
    return jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = ?",
        Long.class, node);
  }

  private static Date at(LocalDate day, LocalTime time) {
    return Date.from(ZonedDateTime.of(day, time, EngineClock.ZONE).toInstant());
  }
}
