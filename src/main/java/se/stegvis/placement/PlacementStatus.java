package se.stegvis.placement;

import java.util.EnumSet;
import java.util.Set;

/** Where a placement stands, from the coach's request to its outcome. */
public enum PlacementStatus {
  REQUESTED("Begärd, matchning pågår"),
  MATCHED("Matchad, besök hos arbetsplatsen återstår"),
  VISITED("Arbetsplatsen besökt, arbetsplan återstår"),
  ACTIVE("Pågår enligt arbetsplan"),
  ENDED("Avslutad"),
  WITHDRAWN("Återkallad utan praktik");

  /** The statuses that hold one of a workplace's places. */
  public static final Set<PlacementStatus> OCCUPYING = EnumSet.of(MATCHED, VISITED, ACTIVE);
  /** The statuses of a placement still under way: a case has at most one. */
  public static final Set<PlacementStatus> OPEN = EnumSet.of(REQUESTED, MATCHED, VISITED, ACTIVE);

  private final String label;

  PlacementStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
