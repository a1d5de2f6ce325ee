package se.stegvis.placement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseFile;
import se.stegvis.identity.Groups;
import se.stegvis.support.CaseProcessTest;

/**
 * Base of the placement tests: a coordinator, workplaces registered through the registry, placements
 * requested the way the API does, and the placement process's tasks (in the process the case
 * calls) completed on given days with the engine clock.
 */
abstract class PlacementTest extends CaseProcessTest {

  static final String COORDINATOR = "pelle";
  private static final AtomicInteger AREAS = new AtomicInteger();
  private static final AtomicInteger WORKPLACES = new AtomicInteger();

  @Autowired WorkplaceRegistry registry;
  @Autowired WorkplaceMatching matching;
  @Autowired PlacementRequests requests;
  @Autowired PlacementRepository placements;
  @Autowired PlacementVisitRepository visits;
  @Autowired WorkplaceRepository workplaceRepository;

  /** A place name no other test uses, so matches in it are this test's own. */
  static String newArea() {
    return "Testby " + AREAS.incrementAndGet();
  }

  void ensureCoordinator() {
    if (identityService.createGroupQuery().groupId(Groups.PLACEMENT_COORDINATORS).count() == 0) {
      identityService.saveGroup(identityService.newGroup(Groups.PLACEMENT_COORDINATORS));
    }
    if (identityService.createUserQuery().userId(COORDINATOR).count() == 0) {
      identityService.saveUser(identityService.newUser(COORDINATOR));
      identityService.createMembership(COORDINATOR, Groups.PLACEMENT_COORDINATORS);
    }
  }

  /** A valid registry entry of a private employer; tests change single fields. */
  static Map<String, Object> workplaceEntry(String sector, String area, int capacity, boolean introduced) {
    int n = WORKPLACES.incrementAndGet();
    Map<String, Object> entry = form("organisationNumber", organisationNumber(556000 + n % 1000, 1000 + n),
        "employerName", "Arbetsgivare " + n + " AB", "employerKind", "PRIVATE", "name", "Arbetsplats " + n,
        "streetAddress", "Storgatan " + n, "postalCode", "71130", "area", area, "sector", sector,
        "contactName", "Kim Kontakt", "contactPhone", "0581-811 00", "contactEmail", "kontakt" + n + "@foretag.example",
        "supervisorName", "Hanna Handledare", "supervisorPhone", "070-123 45 67", "capacity", capacity);
    if (introduced) {
      entry.put("introducedOn", "2025-11-03");
    }
    return entry;
  }

  /** NNNNNN-NNNN with the right check digit, from six and four digits (check digit replaced). */
  static String organisationNumber(int first6, int last4) {
    String nine = "%06d".formatted(first6) + "%04d".formatted(last4).substring(0, 3);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int product = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      sum += product > 9 ? product - 9 : product;
    }
    return nine.substring(0, 6) + "-" + nine.substring(6) + (10 - sum % 10) % 10;
  }

  WorkplaceView workplace(String sector, String area, int capacity, boolean introduced) {
    return registry.register(workplaceEntry(sector, area, capacity, introduced), COORDINATOR);
  }

  /** The coach asks for a placement on the day (engine clock 09:00), as the API does. */
  Placement requestOn(LocalDate day, CaseFile caseFile, String sector, String area) {
    ensureCoordinator();
    clockAt(day, MORNING);
    return transactions.execute(s -> requests.request(reload(caseFile),
        form("sectorWish", sector, "areaWish", area), COACH));
  }

  Placement current(CaseFile caseFile) {
    List<Placement> all = placements.findByCaseIdOrderBySequence(caseFile.getId());
    return all.get(all.size() - 1);
  }

  Task placementTask(CaseFile caseFile, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseFile.getCaseNumber())
        .processDefinitionKey("work-placement").taskDefinitionKey(taskKey).singleResult();
  }

  void completePlacementOn(LocalDate day, CaseFile caseFile, String taskKey, String userId, Map<String, Object> form) {
    clockAt(day, MORNING);
    complete(placementTask(caseFile, taskKey), caseFile, taskKey, userId, form);
  }

  /** Executes the due timers of the case's current placement process. */
  int firePlacementTimers(CaseFile caseFile) {
    String instance = current(caseFile).getProcessInstanceId();
    int fired = 0;
    List<Job> due;
    while (!(due = managementService.createJobQuery().processInstanceId(instance).timers().executable().list())
        .isEmpty()) {
      for (Job job : due) {
        managementService.executeJob(job.getId());
        fired++;
      }
    }
    return fired;
  }

  // ---- Valid forms of the placement steps; tests change single fields ----

  static Map<String, Object> match(Long workplaceId, LocalDate on) {
    return form("matchDecision", "MATCH", "workplaceId", String.valueOf(workplaceId), "matchedOn", on.toString());
  }

  static Map<String, Object> visit(LocalDate on, boolean suitable, boolean introductionGiven) {
    return form("visitedOn", on.toString(), "supervisorMet", true, "introductionGiven", introductionGiven,
        "visitNotes", text("Besök: handledaren visade arbetsplatsen"), "workplaceSuitable", suitable ? "YES" : "NO");
  }

  static Map<String, Object> workPlan(LocalDate agreedOn, LocalDate start, LocalDate end) {
    return form("goals", text("Mål: pröva arbete i vården"), "workTasks", text("Uppgifter: servering och städ"),
        "hoursPerWeek", 20, "plannedStart", start.toString(), "plannedEnd", end.toString(),
        "agreedOn", agreedOn.toString(), "agreedWithEmployer", true, "agreedWithParticipant", true);
  }

  static Map<String, Object> followUpContinues(LocalDate on) {
    return form("visitedOn", on.toString(), "attendanceAsPlanned", true,
        "visitNotes", text("Uppföljning: det går bra"), "continuePlacement", "CONTINUE");
  }

  static Map<String, Object> followUpEnds(LocalDate on, String outcome) {
    return form("visitedOn", on.toString(), "attendanceAsPlanned", true,
        "visitNotes", text("Uppföljning: praktiken avslutas"), "continuePlacement", "END",
        "endedOn", on.toString(), "outcome", outcome);
  }
}
