package se.stegvis.caseload;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import se.stegvis.casefile.CasePhase;
import se.stegvis.problems.FormRejectedException;

/**
 * How a list of cases is sorted (the columns of "Mina deltagare"): names in Swedish order (å, ä, ö
 * last), phases in the order of the process, empty values last in either direction, and the name
 * and case number to settle ties.
 */
enum CaseListOrder {
  NAME("name", CaseSummary::name),
  CASE_NUMBER("caseNumber", CaseSummary::caseNumber),
  PROJECT("project", CaseSummary::projectName),
  PHASE("phase", s -> CasePhase.valueOf(s.phase()).ordinal()),
  COACH("coach", CaseSummary::coachName),
  NEXT_DUE("nextDue", CaseSummary::dueInDays),
  DAYS_IN_SUPPORT("daysInSupport", CaseSummary::daysInSupport);

  static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  private final String parameter;
  private final Function<CaseSummary, Object> key;

  CaseListOrder(String parameter, Function<CaseSummary, Object> key) {
    this.parameter = parameter;
    this.key = key;
  }

  /** Sorted by this column, ascending or not; then by name and case number. */
  Comparator<CaseSummary> comparator(boolean ascending) {
    // A collation key per distinct text, made once per sort: thousands of rows compare cheaply.
    Collator collator = Collator.getInstance(SWEDISH);
    Map<String, CollationKey> keys = new HashMap<>();
    Function<Object, Object> sortable = value -> value instanceof String text
        ? keys.computeIfAbsent(text, collator::getCollationKey) : value;
    Comparator<CaseSummary> byName = column(NAME.key, true, sortable).thenComparing(CaseSummary::caseNumber);
    return this == NAME ? column(key, ascending, sortable).thenComparing(CaseSummary::caseNumber)
        : column(key, ascending, sortable).thenComparing(byName);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<CaseSummary> column(Function<CaseSummary, Object> key, boolean ascending,
      Function<Object, Object> sortable) {
    return (a, b) -> {
      Object x = key.apply(a);
      Object y = key.apply(b);
      if (x == null || y == null) {
        return x == null ? (y == null ? 0 : 1) : -1; // empty last, whichever the direction
      }
      int order = ((Comparable) sortable.apply(x)).compareTo(sortable.apply(y));
      return ascending ? order : -order;
    };
  }

  /** The request parameter ({@code name}, {@code caseNumber}, …); null or blank is {@code fallback}. */
  static CaseListOrder parse(String value, CaseListOrder fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return Arrays.stream(values()).filter(o -> o.parameter.equals(value.strip())).findFirst()
        .orElseThrow(() -> new FormRejectedException("Sortering: ange " + Arrays.stream(values())
            .map(o -> o.parameter).reduce((a, b) -> a + ", " + b).orElseThrow() + "."));
  }

  /** The request parameter {@code order}: asc (the default) or desc. */
  static boolean ascending(String order) {
    if (order == null || order.isBlank() || order.strip().equals("asc")) {
      return true;
    }
    if (order.strip().equals("desc")) {
      return false;
    }
    throw new FormRejectedException("Ordning: ange asc (stigande) eller desc (fallande).");
  }
}
