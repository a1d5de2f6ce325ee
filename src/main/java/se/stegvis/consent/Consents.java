package se.stegvis.consent;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
public class Consents {

  /**
   * Published when a withdrawal leaves the case without any active consent: no basis for the joint
   * work remains ("avbrutet samarbete"), and the case is ended by whoever owns its process.
   */
  public record JointWorkEnded(Long caseId, LocalDate on) {
  }

  private final ConsentRepository repository;
  private final ApplicationEventPublisher events;

  Consents(ConsentRepository repository, ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
  }

  /** One consent per party × category × direction, as the person gave it. */
  public void give(Long caseId, List<String> parties, List<String> categories, List<String> directions,
      String purpose, LocalDate givenOn) {
    for (String party : parties) {
      for (String category : categories) {
        for (String direction : directions) {
          repository.save(new Consent(caseId, party, category, direction, purpose, givenOn));
        }
      }
    }
  }

  public Consent give(Long caseId, String party, String category, String direction, String purpose, LocalDate givenOn) {
    return repository.save(new Consent(caseId, party, category, direction, purpose, givenOn));
  }

  public List<Consent> ofCase(Long caseId) {
    return repository.findByCaseId(caseId).stream()
        .sorted(java.util.Comparator.comparing(Consent::getId)).toList();
  }

  /**
   * Withdraws one consent; if none remains active, the joint work ends ({@link JointWorkEnded}).
   * Returns whether it did.
   */
  public boolean withdraw(Consent consent, LocalDate on) {
    consent.withdraw(on);
    boolean ended = repository.findByCaseId(consent.getCaseId()).stream().noneMatch(Consent::isActive);
    if (ended) {
      events.publishEvent(new JointWorkEnded(consent.getCaseId(), on));
    }
    return ended;
  }

  /**
   * Whether information may no longer be shared with the party: it had consents, and every one of
   * them is withdrawn. (Before consents are recorded, the referral itself is the party's basis.)
   */
  public boolean sharingWithdrawn(Long caseId, String party) {
    var ofParty = repository.findByCaseId(caseId).stream().filter(c -> c.getParty().equals(party)).toList();
    return !ofParty.isEmpty() && ofParty.stream().noneMatch(Consent::isActive);
  }

  /** Withdraws every consent as part of an exit that records the withdrawal itself (no event). */
  public void withdrawAll(Long caseId, LocalDate on) {
    repository.findByCaseId(caseId).stream().filter(Consent::isActive).forEach(c -> c.withdraw(on));
  }
}
