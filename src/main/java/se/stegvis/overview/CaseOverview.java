package se.stegvis.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

import se.stegvis.placement.PlacementView;

/** One case at a glance, for the coach's "Ärende" tab in Tasklist. Labels are Swedish. */
public record CaseOverview(String caseNumber, String phase, String phaseLabel, Project project, Person coach,
    Participant participant, Referral referral, LocalDate startedOn, LocalDate exitedOn, List<Deadline> deadlines,
    Plan plan, List<Meeting> meetings, Proposal proposal, List<PlacementView> placements,
    List<Notification> notifications) {

  public record Project(String code, String name) {
  }

  public record Person(String id, String name) {
  }

  /** {@code ageAtReferral}: whole years on the referral day, as the reports and the national follow-up count it. */
  public record Participant(String name, String identityNumber, String gender, Integer ageAtReferral) {
    static Integer age(LocalDate birthDate, LocalDate on) {
      return birthDate == null || on == null ? null : Period.between(birthDate, on).getYears();
    }
  }

  public record Referral(String party, LocalDate referredOn, String reason, String decision, LocalDate decidedOn) {
  }

  /**
   * {@code stepOn} the day the step happened (as entered in its form), {@code registeredOn} the day
   * it was registered; {@code overdue} an open step past its due day.
   */
  public record Deadline(String kind, String label, int sequence, LocalDate dueDate, String state,
      String stateLabel, boolean overdue, LocalDate stepOn, LocalDate registeredOn) {
  }

  public record Plan(LocalDate madeOn, String goals, String activities) {
  }

  public record Meeting(int sequence, LocalDate heldOn, boolean personPresent, List<String> parties) {
    static List<String> codes(String commaSeparated) {
      return commaSeparated == null || commaSeparated.isBlank() ? List.of()
          : Arrays.asList(commaSeparated.split(","));
    }
  }

  public record Proposal(LocalDate documentedOn, String proposal) {
  }

  public record Notification(Instant createdAt, String recipient, String subject, boolean sent) {
  }
}
