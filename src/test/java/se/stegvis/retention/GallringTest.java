package se.stegvis.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CasePhase;
import se.stegvis.casefile.Project;
import se.stegvis.identity.Groups;
import se.stegvis.placement.PlacementRequests;
import se.stegvis.report.ReportPeriod;
import se.stegvis.report.Reports;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Gallring: utgångna ärenden raderas med motorhistorik, statistiken består, torrkörningen raderar inget")
@AlsoOnPostgres
class GallringTest extends ApiTest {

  static final String PROJECT = "GALLR";
  static final LocalDate GALLRING_DAY = LocalDate.of(2026, 1, 15);

  @Autowired Gallring gallring;
  @Autowired RetentionPolicy policy;
  @Autowired Reports reports;
  @Autowired PlacementRequests placementRequests;

  @Test
  @DisplayName("fem år efter sista anteckningen, vid utgången av följande kalenderår")
  void theRetentionRule() {
    assertThat(policy.years()).isEqualTo(5);
    assertThat(policy.deletableFrom(LocalDate.of(2020, 3, 10))).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(policy.deletableFrom(LocalDate.of(2019, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(policy.keptForResearch(LocalDate.of(1980, 4, 15))).as("nothing kept unless configured").isFalse();
  }

  @Test
  @DisplayName("motorns historiktid (historyTimeToLive) räcker minst tills ärendet gallras")
  void engineHistoryOutlivesTheRetentionPeriod() {
    long longest = 0;
    for (LocalDate d = LocalDate.of(2019, 1, 1); d.isBefore(LocalDate.of(2031, 1, 1)); d = d.plusDays(1)) {
      longest = Math.max(longest, ChronoUnit.DAYS.between(d, policy.deletableFrom(d)));
    }
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions).extracting(ProcessDefinition::getKey).contains("participant-case", "work-placement");
    for (ProcessDefinition definition : definitions) {
      assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull()
          .isGreaterThanOrEqualTo((int) longest);
    }
  }

  @Test
  @DisplayName("klockan förbi fristen: utgångna ärenden och deras historik borta, statistiken oförändrad")
  void expiredCasesGoAndTheStatisticsStay() throws Exception {
    if (projects.findByCode(PROJECT).isEmpty()) {
      projects.save(new Project(PROJECT, "Gallringsprojektet", 10, Groups.MANAGERS));
    }
    CaseFile followedUp = followedUpCaseWithPlacement(LocalDate.of(2019, 1, 10));
    CaseFile notTargetGroup = notTargetGroup(LocalDate.of(2019, 5, 2));
    CaseFile recent = notTargetGroup(LocalDate.of(2020, 2, 1));
    CaseFile open = referIn(LocalDate.of(2019, 6, 3));
    List<String> engineInstances = List.of(followedUp.getProcessInstanceId(), notTargetGroup.getProcessInstanceId());
    assertThat(historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(
        followedUp.getProcessInstanceId()).count()).as("the case and its placement").isEqualTo(2);
    var period = new ReportPeriod(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31));
    identityService.setAuthentication(ADMIN, List.of(Groups.ADMINISTRATORS));
    var participantsBefore = reports.participants(PROJECT, period);
    var referralsBefore = reports.referrals(PROJECT, period);
    var nationalBefore = reports.nationalFollowUp(PROJECT, period);
    identityService.clearAuthentication();

    clockAt(GALLRING_DAY, MORNING);
    assertThat(get("/api/retention/dry-run", MANAGER).statusCode()).isEqualTo(403);
    assertThat(get("/api/retention/dry-run", COACH).statusCode()).isEqualTo(403);
    var dryRun = ok(get("/api/retention/dry-run", ADMIN));
    assertThat(dryRun.path("retentionYears").asInt()).isEqualTo(5);
    List<String> listed = dryRun.path("cases").findValuesAsText("caseNumber");
    assertThat(listed).contains(followedUp.getCaseNumber(), notTargetGroup.getCaseNumber())
        .doesNotContain(recent.getCaseNumber(), open.getCaseNumber());
    assertThat(dryRun.path("cases").findValuesAsText("projectCode")).as("only this test's old cases")
        .containsOnly(PROJECT);
    assertThat(gallring.dryRun(GALLRING_DAY.minusDays(15))).as("a day before the end of 2025")
        .extracting(Gallring.ExpiredCase::caseNumber).doesNotContain(followedUp.getCaseNumber());
    assertThat(caseFiles.findById(followedUp.getId())).as("the dry run deletes nothing").isPresent();
    assertThat(historyRows(engineInstances)).containsKeys("ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_VARINST");

    var deleted = gallring.run(GALLRING_DAY);
    assertThat(deleted).extracting(Gallring.ExpiredCase::caseNumber).containsExactlyElementsOf(listed);

    for (CaseFile gone : List.of(followedUp, notTargetGroup)) {
      assertThat(caseFiles.findById(gone.getId())).isEmpty();
      for (String table : CASE_TABLES) {
        assertThat(jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Long.class,
            gone.getId())).as(table).isZero();
      }
      assertThat(jdbc.queryForObject("select count(*) from participant where id = ?", Long.class,
          gone.getParticipant().getId())).isZero();
    }
    assertThat(historyRows(engineInstances)).as("engine history of the case and its placement").isEmpty();
    assertThat(caseFiles.findById(recent.getId())).isPresent();
    assertThat(caseFiles.findById(open.getId())).isPresent();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(recent.getProcessInstanceId())
        .count()).isOne();
    assertThat(jdbc.queryForObject("select count(*) from statistics_case s join project p on p.id = s.project_id "
        + "where p.code = ?", Long.class, PROJECT)).isEqualTo(2);

    identityService.setAuthentication(ADMIN, List.of(Groups.ADMINISTRATORS));
    assertThat(reports.participants(PROJECT, period)).isEqualTo(participantsBefore);
    assertThat(reports.referrals(PROJECT, period)).isEqualTo(referralsBefore);
    assertThat(reports.nationalFollowUp(PROJECT, period)).isEqualTo(nationalBefore);
    identityService.clearAuthentication();
    assertThat(gallring.dryRun(GALLRING_DAY)).as("nothing left to delete").isEmpty();
  }

  private CaseFile referIn(LocalDate referredOn) {
    clockAt(referredOn, MORNING);
    Map<String, Object> referral = newPersonReferral(referredOn);
    referral.put("projectCode", PROJECT);
    return refer(referral);
  }

  private CaseFile notTargetGroup(LocalDate referredOn) {
    CaseFile c = referIn(referredOn);
    completeOn(referredOn.plusDays(2), c, "decideIntake", WORKING_GROUP_MEMBER, form("decision", "NOT_TARGET_GROUP",
        "reason", text("Inte målgruppen"), "decidedOn", referredOn.plusDays(2).toString()));
    return reload(c);
  }

  private CaseFile followedUpCaseWithPlacement(LocalDate referredOn) throws Exception {
    CaseFile c = referIn(referredOn);
    LocalDate started = referredOn.plusDays(10);
    completeOn(referredOn.plusDays(3), c, "decideIntake", WORKING_GROUP_MEMBER, acceptance(referredOn.plusDays(3)));
    completeOn(started, c, "startParticipation", COACH, participationStart(started));
    clockAt(started.plusDays(2), MORNING);
    transactions.executeWithoutResult(s -> placementRequests.request(reload(c), Map.of("sectorWish", "CARE"), COACH));
    var called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getProcessInstanceId())
        .singleResult();
    Groups.actAs(identityService, COORDINATOR);
    try {
      taskService.complete(taskService.createTaskQuery().processInstanceId(called.getId()).singleResult().getId(),
          Map.of("matchDecision", "WITHDRAW", "withdrawReason", "Deltagaren vill vänta"));
    } finally {
      identityService.clearAuthentication();
    }
    completeOn(started.plusDays(5), c, "makeActionPlan", COACH, actionPlan(started.plusDays(5)));
    caseRecordWritten(c, started.plusDays(6));
    LocalDate exited = started.plusDays(40);
    completeOn(exited, c, "exitParticipation", COACH, exit(exited, "WORK"));
    clockAt(exited.plusMonths(6).plusDays(1), MORNING);
    fireDueTimers(reload(c));
    completeOn(exited.plusMonths(6).plusDays(2), c, "followUp", COACH, followUp(exited.plusMonths(6).plusDays(2)));
    assertThat(reload(c).getPhase()).isEqualTo(CasePhase.CLOSED);
    return reload(c);
  }

  /** A journal entry and its correction, a draft, an attachment and an extract to AF, written on the day. */
  private void caseRecordWritten(CaseFile c, LocalDate day) throws Exception {
    clockAt(day, MORNING);
    String record = "/api/cases/" + c.getCaseNumber();
    long entry = ok(send("POST", record + "/journal", Map.of("text", "Samtal om praktiken", "occurredOn",
        day.toString()), COACH)).path("id").asLong();
    ok(send("POST", record + "/journal/" + entry + "/corrections", Map.of("text", "Samtal om praktik och körkort",
        "reason", "Körkortet saknades"), COACH));
    ok(send("PUT", record + "/drafts/journal", Map.of("content", "Halvskrivet"), COACH));
    jdbc.update("insert into attachment (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, "
        + "uploaded_at) values (?, 'intyg.pdf', 'application/pdf', 5, 'x', ?, ?, ?)", c.getId(), "%PDF-".getBytes(),
        COACH, java.sql.Timestamp.valueOf(day.atTime(MORNING)));
    ok(send("POST", record + "/consents", Map.of("party", "AF", "category", "LABOUR_MARKET", "direction", "DISCLOSE",
        "purpose", "Samordning", "givenOn", day.toString()), COACH));
    ok(send("POST", record + "/extracts", Map.of("party", "AF"), COACH));
    for (String table : List.of("journal_entry", "case_draft", "attachment", "disclosure")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Long.class, c.getId()))
          .as(table).isPositive();
    }
  }

  /** Rows of the instances (by their root, the case's instance) per engine history table, where there are any. */
  private Map<String, Long> historyRows(List<String> caseInstances) {
    Map<String, Long> rows = new java.util.TreeMap<>();
    for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
        "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_JOB_LOG",
        "ACT_HI_COMMENT")) {
      for (String id : caseInstances) {
        long count = jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?", Long.class,
            id);
        if (count > 0) {
          rows.merge(table, count, Long::sum);
        }
      }
    }
    return rows;
  }
}
