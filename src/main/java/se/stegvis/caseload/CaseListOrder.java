package se.stegvis.caseload;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    Comparator<CaseSummary> byName = column(NAME.key, true).thenComparing(CaseSummary::caseNumber);
    if (this == NAME) {
      return column(key, ascending).thenComparing(CaseSummary::caseNumber);
    }
    // Two coaches of the same name stay apart, as in the counts per coach.
    Comparator<String> coachIds = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
    return this == COACH
        ? column(key, ascending).thenComparing(CaseSummary::coach, Comparator.nullsLast(coachIds)).thenComparing(byName)
        : column(key, ascending).thenComparing(byName);
  }

  /**
   * The Swedish collation key of a text, kept: a name's key never changes, and a manager's list of
   * thousands is sorted again on every page (making the keys is what costs; comparing them does not).
   * At most {@link #KEPT_KEYS} are kept, then the keeping starts over.
   */
  static CollationKey swedishKey(String text) {
    if (KEYS.size() > KEPT_KEYS) {
      KEYS.clear();
    }
    return KEYS.computeIfAbsent(text, COLLATOR::getCollationKey);
  }

  private static final Collator COLLATOR = Collator.getInstance(SWEDISH);
  private static final int KEPT_KEYS = 500_000;
  private static final Map<String, CollationKey> KEYS = new ConcurrentHashMap<>();

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<CaseSummary> column(Function<CaseSummary, Object> key, boolean ascending) {
    return (a, b) -> {
      Object x = key.apply(a);
      Object y = key.apply(b);
      if (x == null || y == null) {
        return x == null ? (y == null ? 0 : 1) : -1; // empty last, whichever the direction
      }
      int order = x instanceof String text ? swedishKey(text).compareTo(swedishKey((String) y))
          : ((Comparable) x).compareTo(y);
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
