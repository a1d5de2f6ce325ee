package se.stegvis.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A deadline as the model states it, the one place its period lives: the user task's due date
 * {@code ${deadlines.endOfDay(startDate, 'P14D')}} (with a third argument for a recurring step).
 * Labels are worded from it, so a period changed in Modeler changes what managers read, and
 * {@link #disagreements} finds a task whose escalation timer says another date than its due date.
 */
public record DeadlinePeriod(String kind, String taskName, String anchor, int amount, char unit, boolean recurring,
    Integer opensAfter) {

  /** {@code ${deadlines.endOfDay(anchor, 'P14D')}} or {@code ${deadlines.endOfDay(anchor, 'P2M', n)}}. */
  private static final Pattern DUE = Pattern.compile(
      "\\$\\{\\s*deadlines\\.endOfDay\\(\\s*(\\w+)\\s*,\\s*'P(\\d+)([DWMY])'\\s*(,\\s*\\w+\\s*)?\\)\\s*}");
  /** The timer that opens a window before the task: {@code ${deadlines.startOfDay(anchor, 'P6M')}}. */
  private static final Pattern OPENS = Pattern.compile(
      "\\$\\{\\s*deadlines\\.startOfDay\\(\\s*(\\w+)\\s*,\\s*'P(\\d+)([DWMY])'\\s*\\)\\s*}");

  /** What a period counts from, in the words of the way of working (nothing where it goes without saying). */
  private static final Map<String, String> ANCHORS = Map.of(
      "placementMatchDate", " efter matchning",
      "exitDate", " efter avslut");

  static final String KIND_PROPERTY = "deadlineKind";

  /** Every deadline task of a model: those with a {@code deadlineKind} property and a due date in this form. */
  public static List<DeadlinePeriod> of(BpmnModelInstance model) {
    List<DeadlinePeriod> periods = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String kind = kind(task);
      Matcher due = task.getCamundaDueDate() == null ? null : DUE.matcher(task.getCamundaDueDate());
      if (kind != null && due != null && due.matches()) {
        periods.add(new DeadlinePeriod(kind, task.getName(), due.group(1), Integer.parseInt(due.group(2)),
            due.group(3).charAt(0), due.group(4) != null, opensAfter(task, due.group(1), due.group(3).charAt(0))));
      }
    }
    return periods;
  }

  /**
   * Each deadline task whose escalation timer (a timer on its boundary) fires at another time than
   * its due date, or that has a kind but no due date: the step would be escalated on one day and
   * shown as due on another. In Swedish, naming the task.
   */
  public static List<String> disagreements(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String due = normalized(task.getCamundaDueDate());
      if (kind(task) != null && due == null) {
        problems.add("\"" + name(task) + "\" har en tidsfristtyp men inget förfallodatum.");
      }
      for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
        if (boundary.getAttachedTo() != task) {
          continue;
        }
        for (TimerEventDefinition timer : boundary.getChildElementsByType(TimerEventDefinition.class)) {
          String fires = timer.getTimeDate() == null ? null : normalized(timer.getTimeDate().getTextContent());
          if (due != null && fires != null && !fires.equals(due)) {
            problems.add("\"" + name(task) + "\": förfallodatumet (" + due + ") och eskaleringstimern (" + fires
                + ") anger olika tider. Ändra båda till samma uttryck.");
          }
        }
      }
    }
    return problems;
  }

  /** The period in words: "14 dagar", "6–12 månader efter avslut", "varannan månad". */
  public String words() {
    String anchorWords = ANCHORS.getOrDefault(anchor, "");
    if (recurring) {
      return every(amount) + " " + singular(unit) + anchorWords;
    }
    String from = opensAfter == null ? "" : opensAfter + "–";
    return from + amount + " " + (amount == 1 && opensAfter == null ? singular(unit) : plural(unit)) + anchorWords;
  }

  private static Integer opensAfter(UserTask task, String anchor, char unit) {
    return task.getIncoming().stream().map(flow -> flow.getSource())
        .filter(IntermediateCatchEvent.class::isInstance)
        .flatMap(event -> event.getChildElementsByType(TimerEventDefinition.class).stream())
        .map(timer -> timer.getTimeDate() == null ? null : OPENS.matcher(timer.getTimeDate().getTextContent().strip()))
        .filter(m -> m != null && m.matches() && m.group(1).equals(anchor) && m.group(3).charAt(0) == unit)
        .map(m -> Integer.parseInt(m.group(2))).findFirst().orElse(null);
  }

  static String kind(UserTask task) {
    return Optional.ofNullable(task.getExtensionElements())
        .flatMap(extensions -> extensions.getChildElementsByType(CamundaProperties.class).stream().findFirst())
        .flatMap(properties -> properties.getCamundaProperties().stream()
            .filter(p -> KIND_PROPERTY.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst())
        .orElse(null);
  }

  private static String name(UserTask task) {
    return task.getName() == null || task.getName().isBlank() ? task.getId() : task.getName();
  }

  private static String normalized(String expression) {
    return expression == null || expression.isBlank() ? null : expression.replaceAll("\\s+", "");
  }

  private static String every(int n) {
    return switch (n) {
      case 1 -> "varje";
      case 2 -> "varannan";
      case 3 -> "var tredje";
      case 4 -> "var fjärde";
      case 5 -> "var femte";
      case 6 -> "var sjätte";
      default -> "var " + n + ":e";
    };
  }

  private static String singular(char unit) {
    return switch (unit) {
      case 'D' -> "dag";
      case 'W' -> "vecka";
      case 'M' -> "månad";
      default -> "år";
    };
  }

  private static String plural(char unit) {
    return switch (unit) {
      case 'D' -> "dagar";
      case 'W' -> "veckor";
      case 'M' -> "månader";
      default -> "år";
    };
  }
}
