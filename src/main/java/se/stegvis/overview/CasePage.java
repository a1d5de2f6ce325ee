package se.stegvis.overview;

import java.time.LocalDate;
import java.util.List;

/**
 * The case page (arende.html): the case at a glance ({@link CaseOverview}, with the referral's
 * reason), who referred, the person's age at referral, and the open tasks of the case and its placements, each with the
 * link that opens it in Tasklist. The exit ("Avsluta deltagande") is among them while participation
 * runs; {@code exitTaskId} names it so the page can offer it as an action.
 */
public record CasePage(CaseOverview overview, String referrerName, Integer ageAtReferral,
    List<OpenTask> tasks, String exitTaskId) {

  public record OpenTask(String id, String key, String name, String assignee, LocalDate due, Integer dueInDays,
      boolean mine, String tasklistUrl) {
  }
}
