package se.stegvis.deadline;

import java.util.Arrays;

/** The deadlines of the way of working, with the Swedish names managers and coaches know them by. */
public enum DeadlineKind {
  INTAKE_DECISION("Beslut om insats (14 dagar)"),
  PLAN("Handlingsplan (14 dagar)"),
  MEETING("Flerpartssamtal (varannan månad)"),
  PROPOSAL("Förslag till åtgärd (6 månader)"),
  PLACEMENT_MATCH("Matchning till praktikplats (14 dagar)"),
  PLACEMENT_FIRST_VISIT("Besök på praktikplatsen (14 dagar efter matchning)"),
  PLACEMENT_WORK_PLAN("Arbetsplan för praktiken (28 dagar efter matchning)"),
  PLACEMENT_VISIT("Uppföljningsbesök på praktikplats (var fjärde vecka)"),
  FOLLOW_UP("Uppföljning (6–12 månader efter avslut)");

  private final String label;

  DeadlineKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label of a kind as stored; a step added in Modeler without a known kind shows its own key. */
  public static String labelOf(String kind) {
    return Arrays.stream(values()).filter(k -> k.name().equals(kind)).findFirst().map(DeadlineKind::label)
        .orElse(kind);
  }
}
