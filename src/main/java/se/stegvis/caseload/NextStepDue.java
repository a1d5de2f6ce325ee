package se.stegvis.caseload;

import java.util.function.Predicate;

import se.stegvis.problems.FormRejectedException;

/** The next-step filter of a list: every case, those due within a week ("förfaller inom 7 dagar"), or the late ones. */
enum NextStepDue {
  ALL("", s -> true),
  WEEK("week", s -> s.dueInDays() != null && s.dueInDays() >= 0 && s.dueInDays() <= NextStepDue.WEEK_DAYS),
  LATE("late", s -> s.dueInDays() != null && s.dueInDays() < 0);

  /** "Förfaller inom 7 dagar": due today or within this many days. */
  static final int WEEK_DAYS = 7;

  private final String parameter;
  final Predicate<CaseSummary> matches;

  NextStepDue(String parameter, Predicate<CaseSummary> matches) {
    this.parameter = parameter;
    this.matches = matches;
  }

  /** The request parameter {@code due}: week, late, or none for every case. */
  static NextStepDue parse(String value) {
    String wanted = value == null ? "" : value.strip();
    for (NextStepDue due : values()) {
      if (due.parameter.equals(wanted)) {
        return due;
      }
    }
    throw new FormRejectedException("Nästa steg: ange week (förfaller inom 7 dagar) eller late (försenade).");
  }
}
