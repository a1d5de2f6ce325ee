package se.stegvis.consent;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

@Service
public class Consents {

  private final ConsentRepository repository;

  Consents(ConsentRepository repository) {
    this.repository = repository;
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

  public void withdrawAll(Long caseId, LocalDate on) {
    repository.findByCaseId(caseId).stream().filter(Consent::isActive).forEach(c -> c.withdraw(on));
  }
}
