package se.stegvis.referral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.Notification.Recipient;
import se.stegvis.casefile.Notifications;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.identity.Groups;

/**
 * A referral for a person who already has an open case in the project is refused, and the referrer
 * learns only that a referral is open (finding 5 of issue 16). Those who handle the case are told
 * instead, in the case's notifications (and by e-mail where mail is configured and they have an
 * address): the working group, which meets the referrer; for a participant with protected identity,
 * whom the working group may not know of, the case's coach and its project's managers. The notice
 * names the case, the day, the referring party and the referrer's own contact details, never the
 * participant.
 *
 * <p>In a transaction of its own: the refused registration rolls back, the notice stays.
 */
@Service
class DuplicateReferralNotice {

  private final CaseFileRepository caseFiles;
  private final Notifications notifications;
  private final IdentityService identityService;
  private final ReferenceCodes codes;

  DuplicateReferralNotice(CaseFileRepository caseFiles, Notifications notifications, IdentityService identityService,
      ReferenceCodes codes) {
    this.caseFiles = caseFiles;
    this.notifications = notifications;
    this.identityService = identityService;
    this.codes = codes;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void tell(Long caseId, ReferralRequest request, String userId, Referral.Channel channel) {
    var caseFile = caseFiles.findById(caseId).orElseThrow();
    String subject = "Ny remiss för en person med öppet ärende (" + caseFile.getCaseNumber() + ")";
    String referrer = String.join(", ", nonBlank(request.referrerName(), request.referrerEmail(),
        request.referrerPhone()));
    String body = "En ny remiss till " + caseFile.getProject().getName() + " för personen i ärende "
        + caseFile.getCaseNumber() + " kom in " + request.referredOn() + " från "
        + codes.label(CodeSet.PARTY, request.party()) + " (" + referrer + "; användare " + (userId == null ? "okänd" : userId) + ", via "
        + (channel == Referral.Channel.API ? "API" : "Tasklist") + "). Den registrerades inte, eftersom ärendet är "
        + "öppet. Remittenten fick bara veta att en remiss för personen redan är öppen och att kontakta "
        + "beredningsgruppen. Ta kontakt med remittenten om de nya uppgifterna.";
    for (var recipient : recipients(caseFile.getParticipant().isProtectedIdentity(), caseFile.getCoach(),
        caseFile.getProject().getManagerGroup()).values()) {
      notifications.notify(caseFile.getId(), recipient.role(), recipient.user().getEmail(), subject, body);
    }
  }

  private record Told(User user, Recipient role) {
  }

  /** Each user once, by id, with the role they are told in. */
  private Map<String, Told> recipients(boolean protectedIdentity, String coach, String managerGroup) {
    Map<String, Told> told = new LinkedHashMap<>();
    if (!protectedIdentity) {
      identityService.createUserQuery().memberOfGroup(Groups.WORKING_GROUP).list()
          .forEach(u -> told.putIfAbsent(u.getId(), new Told(u, Recipient.WORKING_GROUP)));
      return told;
    }
    if (coach != null) {
      identityService.createUserQuery().userId(coach).list()
          .forEach(u -> told.putIfAbsent(u.getId(), new Told(u, Recipient.COACH)));
    }
    identityService.createUserQuery().memberOfGroup(managerGroup).list()
        .forEach(u -> told.putIfAbsent(u.getId(), new Told(u, Recipient.MANAGER)));
    return told;
  }

  private static List<String> nonBlank(String... values) {
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        kept.add(value);
      }
    }
    return kept;
  }
}
