package se.stegvis.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A deadline's period is read from the model, the one place it is written. */
@DisplayName("Tidsfristernas längd läses ur modellerna")
class DeadlinePeriodTest {

  private static BpmnModelInstance model(String file) {
    return Bpmn.readModelFromFile(new File("processes/" + file));
  }

  @Test
  @DisplayName("varje tidsfrist i de levererade modellerna, i ord")
  void everyShippedDeadlineInWords() {
    Map<String, String> words = Stream.of("participant-case.bpmn", "work-placement.bpmn")
        .flatMap(file -> DeadlinePeriod.of(model(file)).stream())
        .collect(Collectors.toMap(DeadlinePeriod::kind, DeadlinePeriod::words));
    assertThat(words).containsOnly(
        Map.entry("INTAKE_DECISION", "14 dagar"),
        Map.entry("PLAN", "14 dagar"),
        Map.entry("MEETING", "varannan månad"),
        Map.entry("PROPOSAL", "6 månader"),
        Map.entry("FOLLOW_UP", "6–12 månader efter avslut"),
        Map.entry("PLACEMENT_MATCH", "14 dagar"),
        Map.entry("PLACEMENT_FIRST_VISIT", "14 dagar efter matchning"),
        Map.entry("PLACEMENT_WORK_PLAN", "28 dagar efter matchning"),
        Map.entry("PLACEMENT_VISIT", "var fjärde vecka"));
    assertThat(DeadlineKind.values()).extracting(Enum::name).containsExactlyInAnyOrderElementsOf(words.keySet());
  }

  @Test
  @DisplayName("de levererade modellernas förfallodatum och eskaleringstimrar stämmer överens")
  void shippedModelsAgree() {
    assertThat(DeadlinePeriod.disagreements(model("participant-case.bpmn"))).isEmpty();
    assertThat(DeadlinePeriod.disagreements(model("work-placement.bpmn"))).isEmpty();
  }

  @Test
  @DisplayName("en eskaleringstimer som anger en annan tid än förfallodatumet hittas, och steget namnges")
  void timerThatDisagreesIsFound() {
    for (String file : new String[] {"participant-case.bpmn", "work-placement.bpmn"}) {
      var model = model(file);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        var timers = model.getModelElementsByType(BoundaryEvent.class).stream()
            .filter(b -> b.getAttachedTo() == task)
            .flatMap(b -> b.getChildElementsByType(TimerEventDefinition.class).stream()).toList();
        if (timers.isEmpty() || task.getCamundaDueDate() == null) {
          continue;
        }
        String due = task.getCamundaDueDate();
        task.setCamundaDueDate(due.replaceFirst("'P(\\d+)", "'P9$1"));
        assertThat(DeadlinePeriod.disagreements(model)).as(task.getName())
            .singleElement().asString().contains(task.getName()).contains("eskaleringstimern");
        task.setCamundaDueDate(due);
      }
    }
  }

  @Test
  @DisplayName("ett steg med tidsfristtyp men utan förfallodatum hittas")
  void kindWithoutDueDateIsFound() {
    var model = model("participant-case.bpmn");
    UserTask plan = model.getModelElementById("makeActionPlan");
    plan.setCamundaDueDate(null);
    assertThat(DeadlinePeriod.disagreements(model)).anySatisfy(p -> assertThat(p).contains(plan.getName())
        .contains("inget förfallodatum"));
  }
}
