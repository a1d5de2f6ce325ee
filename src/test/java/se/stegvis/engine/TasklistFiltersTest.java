package se.stegvis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;
import se.stegvis.support.CaseProcessTest;

@DisplayName("Tasklist-filter: rätt uppgifter för coach och beredningsgrupp")
class TasklistFiltersTest extends CaseProcessTest {

  @Autowired FilterService filterService;

  @Test
  @DisplayName("filtren finns efter start och ger coachen och beredningsgruppen deras uppgifter")
  void filtersReturnTheRightTasks() {
    LocalDate start = LocalDate.of(2028, 2, 1);
    CaseFile active = activeCase(start);
    CaseFile referred = referOn(start.plusDays(1));
    clockAt(start.plusDays(10), MORNING);

    identityService.setAuthentication(COACH, List.of(Groups.COACHES));
    // The inbox: what is due within 14 days, not every step of the case and not the exit.
    assertThat(names(tasks("Mina uppgifter"), active)).containsExactly("Upprätta handlingsplan");
    assertThat(names(tasks("Förfaller inom 7 dagar"), active)).containsExactly("Upprätta handlingsplan");
    assertThat(names(tasks("Försenade"), active)).isEmpty();
    assertThat(tasks("Remisser att bedöma")).noneMatch(t -> t.getProcessInstanceId().equals(referred.getProcessInstanceId()));

    clockAt(start.plusDays(16), MORNING);
    assertThat(names(tasks("Försenade"), active)).containsExactly("Upprätta handlingsplan");
    clockAt(start.plusDays(50), MORNING); // the first multi-party meeting is due two months after start
    assertThat(names(tasks("Mina uppgifter"), active)).containsExactly("Upprätta handlingsplan", "Håll flerpartssamtal");
    assertThat(tasks("Alla uppgifter").stream().filter(t -> active.getProcessInstanceId().equals(t.getProcessInstanceId()))
        .map(Task::getName)).contains("Avsluta deltagande");
    var inbox = filterService.createFilterQuery().filterName("Mina uppgifter").singleResult();
    var all = filterService.createFilterQuery().filterName("Alla uppgifter").singleResult();
    assertThat((Integer) inbox.getProperties().get("priority")).isLessThan((Integer) all.getProperties().get("priority"));
    identityService.setAuthentication(COACH, List.of(Groups.COACHES));

    identityService.setAuthentication(WORKING_GROUP_MEMBER, List.of(Groups.WORKING_GROUP));
    assertThat(tasks("Remisser att bedöma")).anyMatch(t -> t.getProcessInstanceId().equals(referred.getProcessInstanceId()));
    assertThat(tasks("Min grupps uppgifter")).anyMatch(t -> t.getProcessInstanceId().equals(referred.getProcessInstanceId()));
    assertThat(names(tasks("Mina uppgifter"), active)).isEmpty();

    var filter = filterService.createFilterQuery().filterName("Mina uppgifter").singleResult();
    assertThat(filter.getProperties().get("variables").toString()).contains("caseNumber");
    identityService.clearAuthentication(); // the coach's case is not the working group's to read
    assertThat(runtimeService.getVariable(active.getProcessInstanceId(), "caseNumber")).isEqualTo(active.getCaseNumber());
  }

  private List<Task> tasks(String filterName) {
    var filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    assertThat(filter).as(filterName).isNotNull();
    return filterService.list(filter.getId());
  }

  private static List<String> names(List<Task> tasks, CaseFile caseFile) {
    return tasks.stream().filter(t -> caseFile.getProcessInstanceId().equals(t.getProcessInstanceId()))
        .map(Task::getName).toList();
  }
}
