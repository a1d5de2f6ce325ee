package se.stegvis.casefile;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Readable case numbers, e.g. C2-2026-0007: project, year of referral, running number. */
@Service
public class CaseNumbers {

  private final CaseNumberCounterRepository counters;

  CaseNumbers(CaseNumberCounterRepository counters) {
    this.counters = counters;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next(Project project, int year) {
    CaseNumberCounter counter = counters.findWithLockByProjectIdAndYear(project.getId(), year)
        .orElseGet(() -> counters.saveAndFlush(new CaseNumberCounter(project.getId(), year)));
    return "%s-%d-%04d".formatted(project.getCode(), year, counter.next());
  }
}
