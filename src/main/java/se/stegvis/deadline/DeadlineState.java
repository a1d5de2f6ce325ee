package se.stegvis.deadline;

public enum DeadlineState {
  /** The step is open and not yet late. */
  OPEN,
  /** Done in time. */
  MET,
  /** The deadline passed with the step undone; the step is still open. */
  MISSED,
  /** Done, but after the deadline. */
  MET_LATE,
  /** The step went away undone, for example when the person left the project. */
  CANCELLED
}
