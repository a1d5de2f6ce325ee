package se.stegvis.casefile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import se.stegvis.time.EngineClock;


/**
 * Records every notification in the case and e-mails it when mail is configured
 * ({@code spring.mail.host}) and an address is known. A failed e-mail leaves the record unsent.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final NotificationRepository repository;
  private final ObjectProvider<JavaMailSender> mail;
  private final EngineClock clock;

  Notifications(NotificationRepository repository, ObjectProvider<JavaMailSender> mail, EngineClock clock) {
    this.repository = repository;
    this.mail = mail;
    this.clock = clock;
  }

  public Notification notify(Long caseId, Notification.Recipient recipient, String address, String subject,
      String body) {
    var notification = repository.save(new Notification(caseId, recipient, address, subject, body, clock.now()));
    JavaMailSender sender = mail.getIfAvailable();
    if (sender != null && address != null) {
      var message = new SimpleMailMessage();
      message.setTo(address);
      message.setSubject(subject);
      message.setText(body);
      try {
        sender.send(message);
        notification.sent(clock.now());
      } catch (MailException e) {
        log.warn("Notification {} for case {} not e-mailed: {}", notification.getSubject(), caseId, e.getMessage());
      }
    }
    return notification;
  }
}
