package se.stegvis.deadline;

public enum DeadlineState {
  /** The step is open and not yet late. */
  OPEN("Öppen"),
  /** Done in time. */
  MET("Klar i tid"),
  /** The deadline passed with the step undone; the step is still open. */
  MISSED("Försenad"),
  /** Done, but after the deadline. */
  MET_LATE("Klar, försenad"),
  /** The step went away undone, for example when the person left the project. */
  CANCELLED("Avbruten");

  private final String label;

  DeadlineState(String label) {
    this.label = label;
  }

  /** Swedish, for users. */
  public String label() {
    return label;
  }
}
