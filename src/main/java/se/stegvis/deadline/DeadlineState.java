package se.stegvis.deadline;

public enum DeadlineState {
  /** The step is undone and its case goes on; past its due day it is overdue (and escalated). */
  OPEN("Öppen"),
  /** Done in time: the day the step happened is on or before the due day, whenever it was registered. */
  MET("Klar i tid"),
  /** The case ended after the due day with the step undone. Stays missed. */
  MISSED("Missad"),
  /** Done, but the day it happened is after the due day. */
  MET_LATE("Klar, sent"),
  /** The case ended on or before the due day with the step undone, for example when the person left. */
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
