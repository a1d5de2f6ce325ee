package se.stegvis.timeline;

/** What a timeline event is, with the Swedish name the filter shows. */
public enum TimelineKind {
  STEP("Steg"),
  JOURNAL("Journal"),
  CONSENT("Samtycke"),
  PLACEMENT("Praktik"),
  ATTACHMENT("Bilaga"),
  NOTIFICATION("Meddelande"),
  DEADLINE("Tidsfrist"),
  SURVEY("Enkät"),
  DISCLOSURE("Utlämnande");

  private final String label;

  TimelineKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
