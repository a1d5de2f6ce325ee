package se.stegvis.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import se.stegvis.casefile.Notification;
import se.stegvis.casefile.NotificationRepository;
import se.stegvis.support.CaseProcessTest;

/** With mail configured, the decision reaches the referrer by e-mail too (in-process SMTP server). */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
class DecisionNotificationMailTest extends CaseProcessTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Autowired NotificationRepository notifications;

  @Test
  @DisplayName("beslut om remiss e-postas till remittenten och sparas i ärendet")
  void decisionIsMailedToReferrer() throws Exception {
    LocalDate day = LocalDate.of(2026, 3, 2);
    clockAt(day, LocalTime.of(9, 0));
    var caseFile = refer(referralForm("19640823-3234", day));
    complete(caseFile, "decideIntake", WORKING_GROUP_MEMBER,
        Map.of("decision", "OTHER_MEASURE_FIRST", "otherMeasure", "Arbetsträning via AF", "decidedOn", day.toString()));

    var received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("remi@af.example");
    assertThat(received[0].getSubject()).isEqualTo("Beslut om remiss " + caseFile.getCaseNumber());
    assertThat((String) received[0].getContent()).contains("Annan insats först").contains("Arbetsträning via AF");

    var recorded = notifications.findByCaseIdOrderByCreatedAt(caseFile.getId());
    assertThat(recorded).extracting(Notification::getRecipient)
        .containsExactlyInAnyOrder(Notification.Recipient.PERSON, Notification.Recipient.REFERRER);
    assertThat(recorded).filteredOn(n -> n.getRecipient() == Notification.Recipient.REFERRER)
        .allSatisfy(n -> assertThat(n.getSentAt()).isNotNull());
    assertThat(recorded).filteredOn(n -> n.getRecipient() == Notification.Recipient.PERSON)
        .as("no e-mail address for the person: recorded, not sent")
        .allSatisfy(n -> assertThat(n.getSentAt()).isNull());
  }

  @Test
  @DisplayName("beviljad remiss: remittenten läser att deltagaren får en coach, deltagaren att hennes coach hör av sig")
  void acceptedReferralIsToldToEachInTheirOwnTerms() throws Exception {
    LocalDate day = LocalDate.of(2026, 3, 2);
    clockAt(day, LocalTime.of(9, 0));
    var caseFile = refer(referralForm("19900101-1239", day));
    complete(caseFile, "decideIntake", WORKING_GROUP_MEMBER, acceptance(day));

    var received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat((String) received[0].getContent())
        .contains("Deltagaren får en coach som tar kontakt för ett första samtal.")
        .doesNotContain("dig");
    var recorded = notifications.findByCaseIdOrderByCreatedAt(caseFile.getId());
    assertThat(recorded).filteredOn(n -> n.getRecipient() == Notification.Recipient.PERSON).singleElement()
        .satisfies(n -> assertThat(n.getBody()).contains("om remissen till ")
            .contains("Din coach kontaktar dig inom kort för ett första samtal."));
  }
}
