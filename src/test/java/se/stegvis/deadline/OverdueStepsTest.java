package se.stegvis.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.identity.Groups;
import se.stegvis.support.CaseProcessTest;

@DisplayName("Försenade steg: chefens vy över missade tidsfrister")
class OverdueStepsTest extends CaseProcessTest {

  @Autowired OverdueSteps overdueSteps;

  @Test
  @DisplayName("handlingsplan saknas dag 15 efter start: försenad en dag; dag 13: förfaller inom 7 dagar")
  void planOverdueFromDayFifteen() {
    LocalDate start = LocalDate.of(2027, 3, 1);
    CaseFile late = activeCase(start);
    CaseFile fresh = activeCase(start.plusDays(2));
    clockAt(start.plusDays(15), MORNING);

    var view = asAdministrator();
    assertThat(find(view.overdue(), late, "PLAN")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(1L))
        .satisfies(s -> assertThat(s.kindLabel()).isEqualTo("Handlingsplan (14 dagar)"))
        .satisfies(s -> assertThat(s.taskName()).isEqualTo("Upprätta handlingsplan"))
        .satisfies(s -> assertThat(s.processInstanceId()).isEqualTo(late.getProcessInstanceId()));
    assertThat(find(view.overdue(), fresh, "PLAN")).isEmpty();
    assertThat(find(view.dueSoon(), fresh, "PLAN")).get()
        .satisfies(s -> assertThat(s.daysLeft()).isEqualTo(1L));
  }

  @Test
  @DisplayName("varje slags tidsfrist syns med rätt antal dagar försenad")
  void everyKindWithItsDaysOverdue() {
    LocalDate day = LocalDate.of(2027, 6, 1);
    CaseFile intake = referOn(day);
    clockAt(day.plusDays(20), MORNING);
    assertThat(find(asAdministrator().overdue(), intake, "INTAKE_DECISION")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(6L));

    CaseFile active = activeCase(day);
    clockAt(day.plusMonths(2).plusDays(3), MORNING);
    fireDueTimers(active);
    var view = asAdministrator();
    assertThat(find(view.overdue(), active, "MEETING")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(3L))
        .satisfies(s -> assertThat(s.state()).isEqualTo("MISSED"));
    assertThat(find(view.overdue(), active, "PLAN")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(ChronoDays.between(day.plusDays(14), day.plusMonths(2).plusDays(3))));
    clockAt(day.plusMonths(6).plusDays(2), MORNING);
    assertThat(find(asAdministrator().overdue(), active, "PROPOSAL")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(2L));

    CaseFile exited = exitedCase(day, "WORK");
    clockAt(day.plusMonths(6), MORNING);
    fireDueTimers(exited);
    clockAt(day.plusMonths(12).plusDays(5), MORNING);
    assertThat(find(asAdministrator().overdue(), exited, "FOLLOW_UP")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(5L));
  }

  @Test
  @DisplayName("chefen ser bara sina insatsers ärenden, coachen bara sina egna")
  void eachViewerSeesOwnCases() {
    ensureProjectAndStaff();
    if (projects.findByCode("SAMVERKAN").isEmpty()) {
      projects.save(new Project("SAMVERKAN", "Samverkanshuset Strömsund", 40, "chef-samverkan"));
    }
    LocalDate day = LocalDate.of(2027, 9, 1);
    CaseFile c2 = referOn(day);
    var other = newPersonReferral(day);
    other.put("projectCode", "SAMVERKAN");
    CaseFile samverkan = refer(other);
    CaseFile coached = activeCase(day);
    clockAt(day.plusDays(40), MORNING);

    identityService.setAuthentication("maria", List.of(Groups.MANAGERS));
    var manager = overdueSteps.view(null, null);
    assertThat(find(manager.overdue(), c2, "INTAKE_DECISION")).isPresent();
    assertThat(manager.overdue()).noneMatch(s -> s.caseNumber().equals(samverkan.getCaseNumber()));
    assertThat(manager.projects()).extracting(OverdueSteps.ProjectOption::code).doesNotContain("SAMVERKAN");

    identityService.setAuthentication("sam", List.of("chef-samverkan"));
    assertThat(overdueSteps.view(null, null).overdue()).allMatch(s -> s.projectCode().equals("SAMVERKAN"))
        .anyMatch(s -> s.caseNumber().equals(samverkan.getCaseNumber()));

    identityService.setAuthentication(COACH, List.of(Groups.COACHES));
    var coach = overdueSteps.view(null, null);
    assertThat(coach.overdue()).allMatch(s -> COACH.equals(s.coach()))
        .anyMatch(s -> s.caseNumber().equals(coached.getCaseNumber()));

    identityService.setAuthentication("otto", List.of(Groups.COACHES));
    assertThat(overdueSteps.view(null, null).overdue()).isEmpty();

    identityService.setAuthentication("maria", List.of(Groups.MANAGERS));
    assertThat(overdueSteps.view("C2", "nobody").overdue()).isEmpty();
    assertThat(overdueSteps.view("C2", COACH).overdue()).allMatch(s -> COACH.equals(s.coach()) && s.projectCode().equals("C2"));
  }

  private OverdueSteps.View asAdministrator() {
    identityService.setAuthentication("admin", List.of(Groups.ADMINISTRATORS));
    try {
      return overdueSteps.view(null, null);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Optional<OverdueSteps.Step> find(List<OverdueSteps.Step> steps, CaseFile caseFile, String kind) {
    return steps.stream().filter(s -> s.caseNumber().equals(caseFile.getCaseNumber()) && s.kind().equals(kind))
        .findFirst();
  }

  private static final class ChronoDays {
    static long between(LocalDate a, LocalDate b) {
      return java.time.temporal.ChronoUnit.DAYS.between(a, b);
    }
  }
}
