package se.stegvis.caseload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.identity.IdentityNumber;
import se.stegvis.identity.InvalidIdentityNumberException;
import se.stegvis.identity.SearchNames;
import se.stegvis.time.EngineClock;

/**
 * Finds a person's cases by name (any case, without diacritics: "asa ostlund" finds "Åsa
 * Östlund"), by personnummer or samordningsnummer in any common form, or by case number, among the
 * cases the user may see ({@link CaseAccess#searchableIn}). Every search is logged: the search
 * itself (what was sought, how many answered) and a read of each case that answered. The first
 * {@value #MAX_HITS} by name answer, filtered by their next step and sorted as asked.
 */
@Service
class CaseSearch {

  /** At most this many hits: a search finds a person, it does not list a caseload. */
  static final int MAX_HITS = 50;

  /** Digits of a personnummer or samordningsnummer: YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDDNNNN. */
  private static final Pattern IDENTITY = Pattern.compile("\\d{6}(\\d{2})?[-+]?\\d{4}");
  /** A case number: project code, year, serial (C2-2026-0042). */
  private static final Pattern CASE_NUMBER = Pattern.compile("[\\p{L}\\d]+-\\d{4}-\\d{1,6}");

  private final EntityManager entityManager;
  private final CaseAccess access;
  private final CaseSummaries summaries;
  private final AuditLog audit;
  private final EngineClock clock;

  CaseSearch(EntityManager entityManager, CaseAccess access, CaseSummaries summaries, AuditLog audit,
      EngineClock clock) {
    this.entityManager = entityManager;
    this.access = access;
    this.summaries = summaries;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<CaseSummary> search(String query, CaseStatus status, NextStepDue due, CaseListOrder order,
      boolean ascending) {
    String sought = query == null ? "" : query.strip();
    if (sought.length() < 2) {
      throw new FormRejectedException("Sök: skriv minst två tecken av ett namn, ett personnummer eller ett ärendenummer.");
    }
    if (sought.length() > 100) {
      throw new FormRejectedException("Sök: skriv högst 100 tecken.");
    }
    var viewer = access.viewer();
    var visible = access.searchableIn(viewer, "c", "p", "pa");
    StringBuilder jpql = new StringBuilder(CaseFacts.SELECT).append("c.phase in :phases and ")
        .append(visible.jpql()).append(" and ");
    List<Object[]> parameters = new ArrayList<>();
    String compact = sought.replace(" ", "");
    if (IDENTITY.matcher(compact).matches()) {
      jpql.append("pa.identityNumber = :identity");
      parameters.add(new Object[] {"identity", identity(compact)});
    } else if (CASE_NUMBER.matcher(compact).matches()) {
      jpql.append("c.caseNumber = :caseNumber");
      parameters.add(new Object[] {"caseNumber", compact.toUpperCase(Locale.ROOT)});
    } else {
      String[] words = SearchNames.normalise(sought).split(" ");
      for (int i = 0; i < words.length; i++) {
        jpql.append(i == 0 ? "" : " and ").append("pa.searchName like :word").append(i).append(" escape '!'");
        parameters.add(new Object[] {"word" + i, "%" + words[i].replaceAll("([!%_])", "!$1") + "%"});
      }
    }
    jpql.append(" order by pa.searchName, c.caseNumber");
    var q = entityManager.createQuery(jpql.toString(), CaseFacts.class).setParameter("phases", status.phases())
        .setMaxResults(MAX_HITS);
    visible.bind(q);
    parameters.forEach(p -> q.setParameter((String) p[0], p[1]));
    List<CaseFacts> found = q.getResultList();
    Map<String, Long> ids = found.stream().collect(Collectors.toMap(CaseFacts::caseNumber, CaseFacts::id));
    List<CaseSummary> hits = summaries.of(found).stream().filter(due.matches).sorted(order.comparator(ascending))
        .toList();
    audit.searched(sought, status.parameter(), hits.size());
    audit.read(hits.stream().map(h -> ids.get(h.caseNumber())).toList(), "Sökträff (namn, ärendenummer, nästa steg)");
    return hits;
  }

  private String identity(String text) {
    try {
      return IdentityNumber.parse(text, clock.today()).value();
    } catch (InvalidIdentityNumberException e) {
      throw new FormRejectedException("Sök: " + e.getMessage());
    }
  }
}
