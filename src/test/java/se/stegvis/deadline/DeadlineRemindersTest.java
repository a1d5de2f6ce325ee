package se.stegvis.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;
import se.stegvis.support.CaseProcessTest;

/** Reminders by e-mail through an in-process SMTP server, each sent once. */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
@DisplayName("Påminnelser: före tidsfristen till den som har steget, efter den till chefen")
class DeadlineRemindersTest extends CaseProcessTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Autowired DeadlineReminders reminders;

  @Test
  @DisplayName("tre dagar före: beredningsgruppen påminns en gång; missad: chefen får besked en gång")
  void remindOnceThenTellTheManagerOnce() throws Exception {
    ensureProjectAndStaff();
    email(WORKING_GROUP_MEMBER, "berit@stegvis.example");
    if (identityService.createUserQuery().userId("mona").count() == 0) {
      identityService.saveUser(identityService.newUser("mona"));
      if (identityService.createGroupQuery().groupId(Groups.MANAGERS).count() == 0) {
        identityService.saveGroup(identityService.newGroup(Groups.MANAGERS));
      }
      identityService.createMembership("mona", Groups.MANAGERS);
    }
    email("mona", "mona@stegvis.example");
    LocalDate referred = LocalDate.of(2028, 5, 2);
    CaseFile caseFile = referOn(referred);

    clockAt(referred.plusDays(10), MORNING);
    reminders.send();
    assertThat(smtp.getReceivedMessages()).isEmpty();

    clockAt(referred.plusDays(12), LocalTime.of(0, 0, 1));
    reminders.send();
    reminders.send();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(recipient(received[0])).isEqualTo("berit@stegvis.example");
    assertThat(received[0].getSubject()).isEqualTo("Påminnelse: Besluta om insats i " + caseFile.getCaseNumber());
    assertThat((String) received[0].getContent()).contains(referred.plusDays(14).toString())
        .doesNotContain("Testsson").doesNotContain("Ingegerd");

    clockAt(referred.plusDays(15), LocalTime.of(0, 0, 1));
    fireDueTimers(caseFile);
    reminders.send();
    reminders.send();
    received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(recipient(received[1])).isEqualTo("mona@stegvis.example");
    assertThat(received[1].getSubject()).startsWith("Försenat steg: Beslut om insats (14 dagar)");
    assertThat(Arrays.stream(received).map(DeadlineRemindersTest::recipient)).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("påminnelsen räknas i kalenderdagar i svensk tid: tre dagar före förfallodagen även över omställningen till vintertid")
  void remindersAreCalendarDaysAcrossTheOctoberClockChange() throws Exception {
    ensureProjectAndStaff();
    email(WORKING_GROUP_MEMBER, "berit@stegvis.example");
    // Summer time ends on Sunday 29 October 2028: due on Tuesday 31 October, reminded on Saturday 28 October.
    LocalDate referred = LocalDate.of(2028, 10, 17);
    CaseFile caseFile = referOn(referred);
    var task = task(caseFile, "decideIntake");
    assertThat(swedish(task.getDueDate())).isEqualTo(endOf(LocalDate.of(2028, 10, 31)));
    assertThat(swedish(task.getFollowUpDate())).as("Tasklist's follow-up date: the reminder day from midnight")
        .isEqualTo(LocalDate.of(2028, 10, 28).atStartOfDay());

    clockAt(LocalDate.of(2028, 10, 27), LocalTime.of(23, 59));
    reminders.send();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    clockAt(LocalDate.of(2028, 10, 28), LocalTime.of(0, 0, 1));
    reminders.send();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  private void email(String userId, String address) {
    var user = identityService.createUserQuery().userId(userId).singleResult();
    user.setEmail(address);
    identityService.saveUser(user);
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
