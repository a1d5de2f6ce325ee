package se.stegvis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

@DisplayName("Medlemskapshistorik: loggranskningen bedömer varje läsning efter medlemskapen när den skedde")
@AlsoOnPostgres
class MembershipHistoryTest extends ApiTest {

  @Autowired MembershipHistory memberships;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String teamNorth = "teamnorr" + suffix;
  private final String teamSouth = "teamsyd" + suffix;
  /** A day after the history began (at this context's migration), so the history knows it. */
  private final LocalDate day = LocalDate.now().plusDays(1);

  @BeforeEach
  void twoTeams() {
    team(teamNorth);
    team(teamSouth);
  }

  private void team(String id) {
    var group = identityService.newGroup(id);
    group.setName(id);
    group.setType(Groups.TEAM_TYPE);
    identityService.saveGroup(group);
  }

  @AfterEach
  void noTeamsLeft() {
    identityService.deleteGroup(teamNorth);
    identityService.deleteGroup(teamSouth);
  }

  @Test
  @DisplayName("en coach läser en teamkamrats ärende och byter sedan team: läsningen listas inte som utanför teamet")
  void aTeammatesReadStaysInsideAfterSheChangesTeam() throws Exception {
    CaseFile c = activeCase(day.minusDays(3));
    clockAt(day, LocalTime.of(8, 0));
    identityService.createMembership(COACH, teamNorth);
    identityService.createMembership(OTHER_COACH, teamNorth);
    clockAt(day, MORNING);
    assertThat(get("/api/cases/" + c.getCaseNumber() + "/consents", OTHER_COACH).statusCode()).isEqualTo(200);
    AuditEntry unrecorded = asBeforeFlyway11(lastRead(c, OTHER_COACH));

    clockAt(day, LocalTime.of(10, 0));
    identityService.deleteMembership(OTHER_COACH, teamNorth);
    identityService.createMembership(OTHER_COACH, teamSouth);

    assertThat(AuditReview.inside(unrecorded, Groups.MANAGERS, memberships.today()))
        .as("judged by today's teams, the read would look like one from outside").isFalse();
    assertThat(outside(c)).as("neither the read nor its copy without a recorded relation")
        .noneMatch(e -> e.path("userId").asText().equals(OTHER_COACH));
  }

  @Test
  @DisplayName("en läsning utanför teamet listas kvar när läsaren senare går med i teamet")
  void anOutsideReadStaysListedAfterTheReaderJoinsTheTeam() throws Exception {
    CaseFile c = activeCase(day.minusDays(3));
    clockAt(day, LocalTime.of(8, 0));
    identityService.createMembership(COACH, teamNorth);
    clockAt(day, MORNING);
    assertThat(get("/api/cases/" + c.getCaseNumber() + "/consents", ADMIN).statusCode()).isEqualTo(200);
    AuditEntry unrecorded = asBeforeFlyway11(lastRead(c, ADMIN));

    clockAt(day, LocalTime.of(10, 0));
    identityService.createMembership(ADMIN, teamNorth);

    assertThat(AuditReview.inside(unrecorded, Groups.MANAGERS, memberships.today()))
        .as("judged by today's teams, the read would disappear from the list").isTrue();
    List<String> admins = new ArrayList<>();
    outside(c).stream().filter(e -> e.path("userId").asText().equals(ADMIN) && e.path("action").asText().equals("READ"))
        .forEach(e -> admins.add(e.path("readerRelation").asText("-") + " " + e.path("judgedBy").asText()));
    assertThat(admins).as("the read by its recorded relation, its copy by the history at its time")
        .containsExactlyInAnyOrder("NONE RECORDED", "- HISTORY");
  }

  @Test
  @DisplayName("en läsning äldre än historiken bedöms efter dagens medlemskap och märks så")
  void aReadOlderThanTheHistoryIsJudgedByTodayAndMarked() throws Exception {
    CaseFile c = activeCase(day.minusDays(3));
    clockAt(day, MORNING);
    assertThat(get("/api/cases/" + c.getCaseNumber() + "/consents", ADMIN).statusCode()).isEqualTo(200);
    Instant before = memberships.began().minus(400, ChronoUnit.DAYS);
    long read = lastRead(c, ADMIN);
    jdbc.update("""
        insert into audit_entry (occurred_at, user_id, case_id, case_number, project_id, case_coach, action, resource,
          client_address, client)
        select ?, user_id, case_id, case_number, project_id, case_coach, action, resource, client_address, client
        from audit_entry where id = ?""", Timestamp.from(before), read);
    LocalDate then = LocalDate.ofInstant(before, se.stegvis.time.EngineClock.ZONE);

    var listed = ok(get("/api/audit/outside-team?from=" + then + "&to=" + then, MANAGER));
    List<String> ofCase = new ArrayList<>();
    listed.forEach(e -> {
      if (e.path("caseNumber").asText().equals(c.getCaseNumber())) {
        ofCase.add(e.path("userId").asText() + " " + e.path("judgedBy").asText());
      }
    });
    assertThat(ofCase).containsExactly(ADMIN + " TODAY");
  }

  @Test
  @DisplayName("medlemskap via motorns REST-API och IdentityService hamnar i historiken, med vem och varför")
  void everyDoorLandsInTheHistory() throws Exception {
    String member = "medl" + suffix;
    var user = identityService.newUser(member);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    clockAt(day, LocalTime.of(8, 0));
    assertThat(send("PUT", "/engine-rest/group/" + teamSouth + "/members/" + member, null, ADMIN).statusCode())
        .isEqualTo(204);
    clockAt(day, LocalTime.of(9, 0));
    assertThat(send("DELETE", "/engine-rest/group/" + teamSouth + "/members/" + member, null, ADMIN).statusCode())
        .isEqualTo(204);
    assertThat(send("PUT", "/engine-rest/group/" + teamSouth + "/members/" + member, null, COACH).statusCode())
        .as("a coach may not add members").isEqualTo(403);
    clockAt(day, LocalTime.of(10, 0));
    identityService.createMembership(member, teamNorth);
    identityService.createMembership(member, Groups.COACHES);
    clockAt(day, LocalTime.of(11, 0));
    var north = identityService.createGroupQuery().groupId(teamNorth).singleResult();
    north.setType("ARBETSLAG");
    identityService.saveGroup(north);

    String coaches = Groups.COACHES + " " + identityService.createGroupQuery().groupId(Groups.COACHES).singleResult()
        .getType();
    assertThat(get("/api/audit/users/" + member + "/memberships", COACH).statusCode()).isEqualTo(403);
    JsonNode history = ok(get("/api/audit/users/" + member + "/memberships", MANAGER));
    assertThat(history.path("userId").asText()).isEqualTo(member);
    assertThat(periods(history)).containsExactly(
        teamSouth + " TEAM 08:00 ADDED adam – 09:00 REMOVED adam",
        teamNorth + " TEAM 10:00 ADDED system – 11:00 GROUP_TYPE system",
        coaches + " 10:00 ADDED system – ",
        teamNorth + " ARBETSLAG 11:00 GROUP_TYPE system – ");

    clockAt(day, LocalTime.of(12, 0));
    identityService.deleteUser(member);
    assertThat(periods(ok(get("/api/audit/users/" + member + "/memberships", ADMIN)))).containsExactly(
        teamSouth + " TEAM 08:00 ADDED adam – 09:00 REMOVED adam",
        teamNorth + " TEAM 10:00 ADDED system – 11:00 GROUP_TYPE system",
        coaches + " 10:00 ADDED system – 12:00 USER_DELETED system",
        teamNorth + " ARBETSLAG 11:00 GROUP_TYPE system – 12:00 USER_DELETED system");
  }

  @Test
  @DisplayName("när en grupp tas bort slutar dess medlemskap i historiken")
  void aDeletedGroupsMembershipsEnd() {
    identityService.createMembership(COACH, teamSouth);
    identityService.deleteGroup(teamSouth);
    team(teamSouth);
    var last = memberships.of(COACH).stream().filter(p -> p.groupId().equals(teamSouth)).toList();
    assertThat(last).hasSize(1);
    assertThat(last.get(0).endCause()).isEqualTo("GROUP_DELETED");
    assertThat(last.get(0).validTo()).isNotNull();
  }

  @Test
  @DisplayName("historiken går bara att lägga till i: UPDATE och DELETE nekas av databasen")
  void theHistoryIsAppendOnly() {
    identityService.createMembership(OTHER_COACH, teamSouth);
    long rows = jdbc.queryForObject("select count(*) from membership_change", Long.class);
    assertThat(rows).isPositive();
    assertThatThrownBy(() -> jdbc.update("update membership_change set group_id = 'chef' where user_id = ?",
        OTHER_COACH)).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from membership_change where user_id = ?", OTHER_COACH))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("update membership_history_start set started_at = ?",
        Timestamp.from(Instant.parse("2000-01-01T00:00:00Z"))))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from membership_history_start"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThat(jdbc.queryForObject("select count(*) from membership_change", Long.class)).isEqualTo(rows);
  }

  /** The period as "group type from cause by – to cause by", times of the day in Swedish time. */
  private static List<String> periods(JsonNode history) {
    List<String> periods = new ArrayList<>();
    history.path("periods").forEach(p -> periods.add(p.path("groupId").asText() + " "
        + (p.path("groupType").isNull() ? "null" : p.path("groupType").asText()) + " " + time(p.path("validFrom"))
        + " " + p.path("startCause").asText() + " " + p.path("startedBy").asText() + " – "
        + (p.path("validTo").isNull() ? ""
            : time(p.path("validTo")) + " " + p.path("endCause").asText() + " " + p.path("endedBy").asText())));
    return periods;
  }

  private static String time(JsonNode instant) {
    return Instant.parse(instant.asText()).atZone(se.stegvis.time.EngineClock.ZONE).toLocalTime().toString();
  }

  private long lastRead(CaseFile c, String user) {
    return jdbc.queryForObject("select max(id) from audit_entry where case_id = ? and user_id = ? and action = 'READ'",
        Long.class, c.getId(), user);
  }

  /** The read logged again as an entry from before Flyway 11 would be: no recorded relation. */
  private AuditEntry asBeforeFlyway11(long read) {
    jdbc.update("""
        insert into audit_entry (occurred_at, user_id, case_id, case_number, project_id, case_coach, action, resource,
          client_address, client)
        select occurred_at, user_id, case_id, case_number, project_id, case_coach, action, resource, client_address,
          client from audit_entry where id = ?""", read);
    return jdbc.queryForObject("select * from audit_entry where id = (select max(id) from audit_entry)",
        (rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("user_id"), rs.getString("case_number"), rs.getLong("project_id"), rs.getString("case_coach"),
            rs.getString("action"), rs.getString("resource"), null, null, null, null, null, null));
  }

  /** The manager's list of accesses outside the team on the day, of the case. */
  private List<JsonNode> outside(CaseFile c) throws Exception {
    List<JsonNode> ofCase = new ArrayList<>();
    ok(get("/api/audit/outside-team?from=" + day + "&to=" + day, MANAGER)).forEach(e -> {
      if (e.path("caseNumber").asText().equals(c.getCaseNumber())) {
        ofCase.add(e);
      }
    });
    return ofCase;
  }
}
