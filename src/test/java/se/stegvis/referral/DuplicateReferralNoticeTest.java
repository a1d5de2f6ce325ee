package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Notification;
import se.stegvis.casefile.NotificationRepository;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

/**
 * Finding 5 of issue 16: a duplicate referral tells the referrer only that a referral for the
 * person is open, and tells the working group, in the existing case's notifications, who referred
 * and how to reach them; never the participant's identity. For a protected identity the working
 * group is not told of the case: its coach and managers are.
 */
@AlsoOnPostgres
@DisplayName("Dubblettremiss: remittenten får inget ärendenummer, beredningsgruppen får ett meddelande")
class DuplicateReferralNoticeTest extends ApiTest {

  @Autowired NotificationRepository notifications;

  private List<Notification> notices(CaseFile c, Notification.Recipient recipient) {
    return notifications.findByCaseIdOrderByCreatedAt(c.getId()).stream()
        .filter(n -> n.getRecipient() == recipient).toList();
  }

  private List<String> workingGroup() {
    return identityService.createUserQuery().memberOfGroup(Groups.WORKING_GROUP).list().stream()
        .map(u -> u.getId()).toList();
  }

  @Test
  @DisplayName("via API: 409 utan ärendenummer till remittenten, ett meddelande per medlem i beredningsgruppen")
  void theWorkingGroupIsToldThroughTheApi() throws Exception {
    Map<String, Object> referral = newPersonReferral(LocalDate.now());
    String caseNumber = ok(send("POST", "/api/referrals", referral, ADMIN)).path("caseNumber").asText();
    CaseFile existing = caseFiles.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(notices(existing, Notification.Recipient.WORKING_GROUP)).isEmpty();

    Map<String, Object> again = new LinkedHashMap<>(referral);
    again.put("referrerName", "Rut Remissdotter");
    again.put("referrerPhone", "010-111 22 33");
    var answer = send("POST", "/api/referrals", again, REFERRER);

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.body()).doesNotContain(caseNumber).doesNotContain("caseNumber");
    assertThat(json.readTree(answer.body()).path("detail").asText()).isEqualTo(DuplicateCaseException.MESSAGE);
    assertThat(ok(get("/api/referrals/mine", REFERRER)).toString()).doesNotContain(caseNumber);
    assertThat(get("/api/cases/" + caseNumber, REFERRER).statusCode()).isEqualTo(404);

    var told = notices(existing, Notification.Recipient.WORKING_GROUP);
    assertThat(told).hasSize(workingGroup().size()).isNotEmpty();
    for (Notification notice : told) {
      assertThat(notice.getSubject()).contains(caseNumber);
      assertThat(notice.getBody()).contains(caseNumber, "Rut Remissdotter", "010-111 22 33", REFERRER, "via API",
          LocalDate.now().toString()).doesNotContain((String) referral.get("identityNumber"),
          (String) referral.get("firstName"), (String) referral.get("lastName"), (String) referral.get("reason"));
    }
    assertThat(caseFiles.findAll().stream().filter(c -> c.getParticipant().getId()
        .equals(existing.getParticipant().getId())).count()).as("no second case").isEqualTo(1);
  }

  @Test
  @DisplayName("via Tasklists startformulär: 409 utan ärendenummer, beredningsgruppen får meddelandet")
  void theWorkingGroupIsToldThroughTheStartForm() throws Exception {
    Map<String, Object> referral = newPersonReferral(LocalDate.now());
    CaseFile existing = refer(referral);
    Map<String, Object> variables = new LinkedHashMap<>();
    referral.forEach((key, value) -> variables.put(key, Map.of("value", value)));

    var answer = send("POST", "/engine-rest/process-definition/key/participant-case/submit-form",
        Map.of("variables", variables), REFERRER);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(answer.body()).doesNotContain(existing.getCaseNumber());
    var told = notices(existing, Notification.Recipient.WORKING_GROUP);
    assertThat(told).hasSize(workingGroup().size()).isNotEmpty()
        .allMatch(n -> n.getBody().contains("via Tasklist") && n.getBody().contains(REFERRER));
  }

  @Test
  @DisplayName("skyddade personuppgifter: coachen och insatsens chefer får meddelandet, inte beredningsgruppen")
  void aProtectedIdentityIsToldToItsCoachAndManagersOnly() throws Exception {
    Map<String, Object> referral = newPersonReferral(LocalDate.now().minusDays(12));
    referral.put("protectedIdentity", true);
    clockAt(LocalDate.now().minusDays(12), MORNING);
    CaseFile existing = refer(referral);
    completeOn(LocalDate.now().minusDays(9), existing, "decideIntake", WORKING_GROUP_MEMBER,
        acceptance(LocalDate.now().minusDays(9)));
    clockAt(LocalDate.now(), MORNING);
    referral.put("referredOn", LocalDate.now().toString());

    var answer = send("POST", "/api/referrals", referral, REFERRER);

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(notices(existing, Notification.Recipient.WORKING_GROUP)).isEmpty();
    assertThat(notices(existing, Notification.Recipient.COACH)).hasSize(1);
    assertThat(notices(existing, Notification.Recipient.MANAGER)).isNotEmpty()
        .hasSize((int) identityService.createUserQuery().memberOfGroup(existing.getProject().getManagerGroup())
            .list().stream().filter(u -> !u.getId().equals(COACH)).count());
  }
}
