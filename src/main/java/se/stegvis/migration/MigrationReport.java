package se.stegvis.migration;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to a dry run and to a migration: which cases move (or moved) from which version to
 * which, where they wait, how their deadlines change, and everything that stops the migration.
 * {@code canMigrate} is true when nothing stops it; a migration then moves every running case of
 * the source version, and otherwise none.
 *
 * @param dryRun     true for a dry run: nothing was changed
 * @param migrated   the number of cases that were moved (0 in a dry run and when refused)
 * @param activities per activity of the source version where cases are: how many, and to which activity
 *                   of the target version they move (null when they cannot)
 * @param planErrors instructions of the migration plan that the engine refuses
 * @param blockedCases running cases that cannot move, with the reasons
 * @param cases      the cases that move (dry run: would move), with their changed deadlines
 * @param problems   every reason that stops the migration, one sentence each (empty when it can run)
 */
public record MigrationReport(
    String processKey,
    Version source,
    Version target,
    boolean dryRun,
    boolean canMigrate,
    int runningCases,
    int movableCases,
    int migrated,
    List<ActivityMove> activities,
    List<PlanError> planErrors,
    List<BlockedCase> blockedCases,
    List<MovedCase> cases,
    List<String> problems) {

  /** One version of the process definition. */
  public record Version(int version, String processDefinitionId, String deploymentId) {
  }

  /** Cases waiting at one activity of the source version, and where they go. */
  public record ActivityMove(String sourceActivityId, String sourceActivityName, int cases,
      String targetActivityId, String targetActivityName) {
  }

  /** A migration instruction the engine does not accept. */
  public record PlanError(String sourceActivityId, String targetActivityId, List<String> messages) {
  }

  /** A running case that cannot move, and why. */
  public record BlockedCase(String caseNumber, String processInstanceId, List<String> reasons) {
  }

  /** A case that moves, where it waits, and the deadlines of its open steps that change. */
  public record MovedCase(String caseNumber, String processInstanceId, List<String> waitingAt,
      List<DeadlineChange> deadlines, List<String> notes) {
  }

  /**
   * An open step whose deadline the new version changes: due date before and after (Swedish time),
   * and the state of its {@code deadline} row before and after (null when it has none; OVERDUE for
   * an open step escalated by its timer).
   */
  public record DeadlineChange(String activityId, String taskName, OffsetDateTime dueBefore,
      OffsetDateTime dueAfter, String stateBefore, String stateAfter) {
  }
}
