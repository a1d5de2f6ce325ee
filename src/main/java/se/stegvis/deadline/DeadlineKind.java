package se.stegvis.deadline;

/**
 * The deadlines of the way of working, with the Swedish names managers and coaches know them by.
 * Their periods live in the models only ({@link DeadlinePeriod}); {@link DeadlineLabels} adds them.
 */
public enum DeadlineKind {
  INTAKE_DECISION("Beslut om insats"),
  PLAN("Handlingsplan"),
  MEETING("Flerpartssamtal"),
  PROPOSAL("Förslag till åtgärd"),
  PLACEMENT_MATCH("Matchning till praktikplats"),
  PLACEMENT_FIRST_VISIT("Besök på praktikplatsen"),
  PLACEMENT_WORK_PLAN("Arbetsplan för praktiken"),
  PLACEMENT_VISIT("Uppföljningsbesök på praktikplats"),
  FOLLOW_UP("Uppföljning");

  private final String stepName;

  DeadlineKind(String stepName) {
    this.stepName = stepName;
  }

  /** The step's name without its period. */
  public String stepName() {
    return stepName;
  }
}
