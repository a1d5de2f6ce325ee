package se.stegvis.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.Project;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.CaseProcessTest;

@DisplayName("Försenade steg: chefens vy över missade tidsfrister")
@AlsoOnPostgres
class OverdueStepsTest extends CaseProcessTest {

  /** A project of this test only, with a manager group of its own: no other test class adds cases to it. */
  static final String FJALLET = "FJALLET";
  static final String FJALLET_MANAGERS = "chef-fjallet";

  @Autowired OverdueSteps overdueSteps;
  @Autowired CaseAccess access;

  @Test
  @DisplayName("handlingsplan saknas dag 15 efter start: försenad en dag; dag 13: förfaller inom 7 dagar")
  void planOverdueFromDayFifteen() {
    LocalDate start = LocalDate.of(2027, 3, 1);
    CaseFile late = activeCase(start);
    CaseFile fresh = activeCase(start.plusDays(2));
    clockAt(start.plusDays(15), MORNING);

    as("admin", Groups.ADMINISTRATORS);
    assertThat(find(allOverdue(null, null), late, "PLAN")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(1L))
        .satisfies(s -> assertThat(s.kindLabel()).isEqualTo("Handlingsplan (14 dagar)"))
        .satisfies(s -> assertThat(s.taskName()).isEqualTo("Upprätta handlingsplan"))
        .satisfies(s -> assertThat(s.processInstanceId()).isEqualTo(late.getProcessInstanceId()));
    assertThat(find(allOverdue(null, null), fresh, "PLAN")).isEmpty();
    var view = overdueSteps.view(null, null, 0, 1);
    assertThat(view.dueSoonTotal()).isGreaterThanOrEqualTo(view.dueSoon().size());
    assertThat(find(view.dueSoon(), fresh, "PLAN")).get()
        .satisfies(s -> assertThat(s.daysLeft()).isEqualTo(1L))
        .satisfies(s -> assertThat(s.taskName()).isEqualTo("Upprätta handlingsplan"));
    assertThat(view.dueSoon()).isSortedAccordingTo(Comparator.comparing(OverdueSteps.Step::dueDate));
  }

  @Test
  @DisplayName("varje slags tidsfrist syns med rätt antal dagar försenad")
  void everyKindWithItsDaysOverdue() {
    LocalDate day = LocalDate.of(2027, 6, 1);
    CaseFile intake = referOn(day);
    clockAt(day.plusDays(20), MORNING);
    as("admin", Groups.ADMINISTRATORS);
    assertThat(find(allOverdue(null, null), intake, "INTAKE_DECISION")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(6L));

    CaseFile active = activeCase(day);
    clockAt(day.plusMonths(2).plusDays(3), MORNING);
    fireDueTimers(active);
    as("admin", Groups.ADMINISTRATORS);
    var overdue = allOverdue(null, null);
    assertThat(find(overdue, active, "MEETING")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(3L))
        .satisfies(s -> assertThat(s.state()).isEqualTo("OVERDUE"));
    assertThat(find(overdue, active, "PLAN")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(
            ChronoUnit.DAYS.between(day.plusDays(14), day.plusMonths(2).plusDays(3))));
    clockAt(day.plusMonths(6).plusDays(2), MORNING);
    assertThat(find(allOverdue(null, null), active, "PROPOSAL")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(2L));

    CaseFile exited = exitedCase(day, "WORK");
    clockAt(day.plusMonths(6), MORNING);
    fireDueTimers(exited);
    clockAt(day.plusMonths(12).plusDays(5), MORNING);
    as("admin", Groups.ADMINISTRATORS);
    assertThat(find(allOverdue(null, null), exited, "FOLLOW_UP")).get()
        .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(5L));
  }

  @Test
  @DisplayName("sidor: mest försenade först, sida 1 fortsätter där sida 0 slutar, summorna ändras inte av sidan")
  void pagesInOrderWithTheSameTotals() {
    LocalDate day = LocalDate.of(2028, 2, 1);
    List<CaseFile> cases = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cases.add(fjalletCase(day.plusDays(i)));
    }
    clockAt(day.plusDays(30), MORNING);
    as("fia", FJALLET_MANAGERS);

    var four = overdueSteps.view(FJALLET, null, 0, 4);
    var first = overdueSteps.view(FJALLET, null, 0, 2);
    var second = overdueSteps.view(FJALLET, null, 1, 2);
    var beyond = overdueSteps.view(FJALLET, null, 50, 2);

    assertThat(four.overdueTotal()).isGreaterThanOrEqualTo(5);
    assertThat(List.of(first, second, beyond)).allSatisfy(v -> {
      assertThat(v.overdueTotal()).isEqualTo(four.overdueTotal());
      assertThat(v.byKind()).isEqualTo(four.byKind());
      assertThat(v.byCoach()).isEqualTo(four.byCoach());
      assertThat(v.byProject()).isEqualTo(four.byProject());
      assertThat(v.dueSoonTotal()).isEqualTo(four.dueSoonTotal());
    });
    assertThat(first.overdue()).hasSize(2).isEqualTo(four.overdue().subList(0, 2));
    assertThat(second.overdue()).hasSize(2).isEqualTo(four.overdue().subList(2, 4));
    assertThat(second.page()).isEqualTo(1);
    assertThat(second.size()).isEqualTo(2);
    assertThat(beyond.overdue()).isEmpty();
    // Referred a day apart: the earliest referral's intake decision is the most overdue (the same
    // day: the older case first). Older cases of the project, from other tests, come before them.
    List<OverdueSteps.Step> all = allOverdue(FJALLET, null);
    assertThat(all).isSortedAccordingTo(Comparator.comparing(OverdueSteps.Step::dueDate)
        .thenComparing(OverdueSteps.Step::caseId));
    assertThat(all).isSortedAccordingTo(Comparator.comparing(OverdueSteps.Step::daysOverdue).reversed());
    Set<String> ours = cases.stream().map(CaseFile::getCaseNumber).collect(Collectors.toSet());
    assertThat(all.stream().filter(s -> ours.contains(s.caseNumber())).toList())
        .extracting(OverdueSteps.Step::caseNumber, OverdueSteps.Step::daysOverdue)
        .containsExactly(cases.stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.getCaseNumber(),
            16L - cases.indexOf(c))).toArray(org.assertj.core.groups.Tuple[]::new));
    assertThat(all.subList(0, 4)).isEqualTo(four.overdue());
  }

  @Test
  @DisplayName("summorna per tidsfrist, coach och projekt är desamma som en handräkning av de synliga stegen")
  void totalsEqualAHandCount() {
    LocalDate day = LocalDate.of(2028, 5, 2);
    fjalletCase(day);
    fjalletCase(day.plusDays(3));
    activeCase(day.minusDays(20));
    clockAt(day.plusDays(40), MORNING);

    for (var viewer : List.of(new CaseAccess.Viewer("admin", List.of(Groups.ADMINISTRATORS)),
        new CaseAccess.Viewer("maria", List.of(Groups.MANAGERS)),
        new CaseAccess.Viewer("fia", List.of(FJALLET_MANAGERS)),
        new CaseAccess.Viewer(COACH, List.of(Groups.COACHES)))) {
      as(viewer.userId(), viewer.groups().toArray(String[]::new));
      List<Late> byHand = lateStepsByHand(viewer);
      var view = overdueSteps.view(null, null, 0, 3);
      List<OverdueSteps.Step> paged = allOverdue(null, null);
      String who = viewer.toString();

      assertThat(view.overdueTotal()).as(who).isEqualTo(byHand.size()).isEqualTo(paged.size());
      assertThat(paged.stream().map(s -> s.caseId() + "/" + s.kind() + "/" + s.sequence()).collect(Collectors.toSet()))
          .as(who).isEqualTo(byHand.stream().map(l -> l.caseId() + "/" + l.kind() + "/" + l.sequence())
              .collect(Collectors.toSet()));
      assertThat(counts(view.byKind(), OverdueSteps.KindCount::kind, OverdueSteps.KindCount::count)).as(who)
          .isEqualTo(tally(byHand, Late::kind));
      assertThat(counts(view.byCoach(), OverdueSteps.CoachCount::coach, OverdueSteps.CoachCount::count)).as(who)
          .isEqualTo(tally(byHand, l -> l.coach() == null ? "" : l.coach()));
      assertThat(counts(view.byProject(), OverdueSteps.ProjectCount::code, OverdueSteps.ProjectCount::count)).as(who)
          .isEqualTo(tally(byHand, Late::project));
      assertThat(view.byKind()).as(who).isSortedAccordingTo(
          Comparator.comparing(OverdueSteps.KindCount::count).reversed());

      // A filter narrows the totals to its selection, the same as counting that selection by hand.
      var c2 = overdueSteps.view("C2", COACH, 0, 3);
      assertThat(c2.overdueTotal()).as(who).isEqualTo(
          byHand.stream().filter(l -> l.project().equals("C2") && COACH.equals(l.coach())).count());
      assertThat(allOverdue("C2", COACH)).as(who).allMatch(s -> s.projectCode().equals("C2") && COACH.equals(s.coach()));
    }
  }

  @Test
  @DisplayName("chefen ser bara sina insatsers ärenden, coachen bara sina egna")
  void eachViewerSeesOwnCases() {
    ensureProjectAndStaff();
    LocalDate day = LocalDate.of(2027, 9, 1);
    CaseFile c2 = referOn(day);
    CaseFile fjallet = fjalletCase(day);
    CaseFile coached = activeCase(day);
    clockAt(day.plusDays(40), MORNING);

    as("maria", Groups.MANAGERS);
    var manager = allOverdue(null, null);
    assertThat(find(manager, c2, "INTAKE_DECISION")).isPresent();
    assertThat(manager).noneMatch(s -> s.projectCode().equals(FJALLET));
    assertThat(overdueSteps.view(null, null, 0, 50).projects()).extracting(OverdueSteps.ProjectOption::code)
        .contains("C2").doesNotContain(FJALLET);
    assertThat(overdueSteps.view(FJALLET, null, 0, 50).overdueTotal()).as("another project's filter").isZero();

    as("fia", FJALLET_MANAGERS);
    var own = overdueSteps.view(null, null, 0, 50);
    assertThat(own.projects()).extracting(OverdueSteps.ProjectOption::code).containsExactly(FJALLET);
    assertThat(own.byProject()).extracting(OverdueSteps.ProjectCount::code).containsExactly(FJALLET);
    assertThat(allOverdue(null, null)).allMatch(s -> s.projectCode().equals(FJALLET))
        .anyMatch(s -> s.caseNumber().equals(fjallet.getCaseNumber()));

    as("mats", "chef-annan-insats");
    var nothing = overdueSteps.view(null, null, 0, 50);
    assertThat(nothing.overdueTotal()).isZero();
    assertThat(nothing.overdue()).isEmpty();
    assertThat(nothing.dueSoonTotal()).isZero();
    assertThat(nothing.byKind()).isEmpty();
    assertThat(nothing.projects()).isEmpty();
    assertThat(nothing.coaches()).isEmpty();

    as(COACH, Groups.COACHES);
    var coach = allOverdue(null, null);
    assertThat(coach).allMatch(s -> COACH.equals(s.coach()))
        .anyMatch(s -> s.caseNumber().equals(coached.getCaseNumber()));
    assertThat(overdueSteps.view(null, null, 0, 50).coaches()).extracting(OverdueSteps.CoachOption::id)
        .containsExactly(COACH);

    as("otto", Groups.COACHES);
    assertThat(overdueSteps.view(null, null, 0, 50).overdueTotal()).isZero();

    as("maria", Groups.MANAGERS);
    assertThat(overdueSteps.view("C2", "nobody", 0, 50).overdue()).isEmpty();
    assertThat(overdueSteps.view("C2", "nobody", 0, 50).overdueTotal()).isZero();
    assertThat(allOverdue("C2", COACH)).isNotEmpty()
        .allMatch(s -> COACH.equals(s.coach()) && s.projectCode().equals("C2"));
  }

  @Test
  @DisplayName("sida under 0 eller storlek utanför 1–200 avvisas på svenska")
  void badPageOrSizeIsRefused() {
    as("admin", Groups.ADMINISTRATORS);
    for (int[] bad : new int[][] {{-1, 50}, {0, 0}, {0, -5}, {0, OverdueSteps.MAX_PAGE_SIZE + 1}}) {
      assertThatThrownBy(() -> overdueSteps.view(null, null, bad[0], bad[1]))
          .isInstanceOf(FormRejectedException.class).hasMessageContaining(bad[0] < 0 ? "Sidan" : "Antalet per sida");
    }
    assertThat(overdueSteps.view(null, null, 0, OverdueSteps.MAX_PAGE_SIZE).size())
        .isEqualTo(OverdueSteps.MAX_PAGE_SIZE);
  }

  /** A new person referred to FJALLET on the day (no coach yet), its intake decision due 14 days later. */
  private CaseFile fjalletCase(LocalDate referredOn) {
    ensureProjectAndStaff();
    if (projects.findByCode(FJALLET).isEmpty()) {
      projects.save(new Project(FJALLET, "Fjället", 20, FJALLET_MANAGERS));
    }
    clockAt(referredOn, MORNING);
    var form = newPersonReferral(referredOn);
    form.put("projectCode", FJALLET);
    return refer(form);
  }

  private void as(String userId, String... groups) {
    identityService.setAuthentication(userId, List.of(groups));
  }

  /** Every overdue step of the selection, page by page (200 a page), as the viewer set by {@link #as}. */
  private List<OverdueSteps.Step> allOverdue(String project, String coach) {
    List<OverdueSteps.Step> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      var view = overdueSteps.view(project, coach, page, OverdueSteps.MAX_PAGE_SIZE);
      all.addAll(view.overdue());
      if (view.overdue().isEmpty() || all.size() >= view.overdueTotal()) {
        assertThat(all).as("every page together").hasSize((int) view.overdueTotal());
        assertThat(new HashSet<>(all)).as("no step on two pages").hasSize(all.size());
        return all;
      }
    }
  }

  record Late(Long caseId, String kind, int sequence, String project, String coach) {
  }

  /**
   * The overdue steps the viewer may see, counted the slow way: every deadline read as an entity
   * and every case judged by {@link CaseAccess#canSee}, as the view did before it counted in SQL.
   */
  private List<Late> lateStepsByHand(CaseAccess.Viewer viewer) {
    var now = ClockUtil.getCurrentTime().toInstant();
    return transactions.execute(s -> deadlineRepository.findAll().stream()
        .filter(d -> d.getState() == DeadlineState.OPEN && d.getDueAt().isBefore(now))
        .map(d -> Map.entry(d, caseFiles.findById(d.getCaseId()).orElseThrow()))
        .filter(e -> access.canSee(viewer, e.getValue()))
        .map(e -> new Late(e.getValue().getId(), e.getKey().getKind(), e.getKey().getSequence(),
            e.getValue().getProject().getCode(), e.getValue().getCoach()))
        .toList());
  }

  private static Map<String, Long> tally(List<Late> steps, Function<Late, String> key) {
    return steps.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static <T> Map<String, Long> counts(List<T> counts, Function<T, String> key, Function<T, Long> count) {
    Map<String, Long> byKey = new TreeMap<>();
    counts.forEach(c -> byKey.put(key.apply(c), count.apply(c)));
    assertThat(byKey).as("one count per key").hasSize(counts.size());
    return byKey;
  }

  private static Optional<OverdueSteps.Step> find(List<OverdueSteps.Step> steps, CaseFile caseFile, String kind) {
    return steps.stream().filter(s -> s.caseNumber().equals(caseFile.getCaseNumber()) && s.kind().equals(kind))
        .findFirst();
  }
}
