package se.stegvis.casefile;

import java.util.Map;
import java.util.Set;

/**
 * The only variables the case process keeps: ids, dates and flags. Everything else a form
 * submits is case data; it is moved into the application's tables and removed from the engine
 * in the same transaction, and never written to engine history. (While a task is open it may
 * also hold its form's prefill values as task variables: codes and dates, never personal data,
 * removed when the task completes and never written to history.)
 */
public final class ProcessVariables {

  public static final String PROCESS_KEY = "participant-case";

  public static final String CASE_ID = "caseId";
  /** The readable case number, also the business key: shown on Tasklist's task cards. */
  public static final String CASE_NUMBER = "caseNumber";
  public static final String REFERRAL_DATE = "referralDate";
  public static final String DECISION = "decision";
  public static final String COACH = "coach";
  public static final String COACH_OPTIONS = "coachOptions";
  public static final String PARTICIPATION_STARTED = "participationStarted";
  public static final String START_DATE = "startDate";
  public static final String EXIT_DATE = "exitDate";
  public static final String MEETING_NUMBER = "meetingNumber";

  /** The user task "Avsluta deltagande": an action of the case page, kept out of the Tasklist inbox. */
  public static final String EXIT_TASK = "exitParticipation";

  /** The placement process ("work-placement"), called from the case once per placement. */
  public static final String PLACEMENT_PROCESS_KEY = "work-placement";
  public static final String PLACEMENT_ID = "placementId";
  public static final String PLACEMENT_REQUEST_DATE = "placementRequestDate";
  public static final String PLACEMENT_COORDINATOR = "placementCoordinator";
  public static final String PLACEMENT_MATCHED = "placementMatched";
  public static final String PLACEMENT_MATCH_DATE = "placementMatchDate";
  public static final String WORKPLACE_SUITABLE = "workplaceSuitable";
  public static final String PLACEMENT_START = "placementStart";
  public static final String VISIT_NUMBER = "visitNumber";
  public static final String PLACEMENT_CONTINUES = "placementContinues";

  public static final Set<String> ALLOWED = Set.of(CASE_ID, CASE_NUMBER, REFERRAL_DATE, DECISION, COACH, COACH_OPTIONS,
      PARTICIPATION_STARTED, START_DATE, EXIT_DATE, MEETING_NUMBER, PLACEMENT_ID, PLACEMENT_REQUEST_DATE,
      PLACEMENT_COORDINATOR, PLACEMENT_MATCHED, PLACEMENT_MATCH_DATE, WORKPLACE_SUITABLE, PLACEMENT_START,
      VISIT_NUMBER, PLACEMENT_CONTINUES);

  /**
   * The Stegvis variables a form may submit, by the user task whose form has the field: there the
   * form validates them. Everywhere else they are set by Stegvis only, never from outside.
   */
  public static final Map<String, Set<String>> SUBMITTED_ON_TASK = Map.of(
      "decideIntake", Set.of(DECISION, COACH),
      "visitWorkplace", Set.of(WORKPLACE_SUITABLE));

  private ProcessVariables() {
  }

  public static boolean isAllowed(String name) {
    return ALLOWED.contains(name);
  }
}
