package se.stegvis.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.casefile.CaseFile;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.ApiTest;

/**
 * A task form's draft on the server ({@code /api/cases/{caseNumber}/drafts/task:<task id>}), as
 * Tasklist keeps it while a form is filled in (scripts/stegvis-keep-input.js): saved, read back,
 * replaced, each user's own; kept by whoever may read the case (the access matrix's READ_CASE),
 * refused to others as the matrix says; gone when the task is completed or deleted.
 */
@AlsoOnPostgres
@DisplayName("Uppgiftsformulärens utkast: sparas, läses, ersätts, är var och ens egna, försvinner när uppgiften är klar")
class TaskDraftsApiTest extends ApiTest {

  private static final String FORM = "{\"Mål\":\"Praktik inom handel\",\"Planen upprättad\":\"2026-03-02\","
      + "\"Deltagaren närvarade\":true,\"Närvarande parter\":[\"Arbetsförmedlingen\",\"Region\"],\"Coach\":\"Anna Lind\"}";

  @Test
  @DisplayName("sparas och läses tillbaka som det skrevs, ersätts av nästa, ett utkast per användare och uppgift")
  void savedReadBackAndReplaced() throws Exception {
    CaseFile c = activeCaseToday();
    String draft = taskDraft(c, "makeActionPlan");

    assertThat(ok(get(draft, COACH)).path("content").asText()).as("nothing yet").isEmpty();
    assertThat(ok(send("PUT", draft, Map.of("content", FORM), COACH)).path("content").asText()).isEqualTo(FORM);
    assertThat(ok(get(draft, COACH)).path("content").asText()).isEqualTo(FORM);

    String replaced = FORM.replace("Praktik inom handel", "Arbete inom vården");
    ok(send("PUT", draft, Map.of("content", replaced), COACH));
    assertThat(ok(get(draft, COACH)).path("content").asText()).isEqualTo(replaced);
    assertThat(rows(c, draft)).as("replaced, not added").isOne();

    // The manager of the project may read the case: her draft of the same form is her own.
    ok(send("PUT", draft, Map.of("content", "{\"Mål\":\"Chefens\"}"), MANAGER));
    assertThat(ok(get(draft, MANAGER)).path("content").asText()).isEqualTo("{\"Mål\":\"Chefens\"}");
    assertThat(ok(get(draft, COACH)).path("content").asText()).isEqualTo(replaced);
    assertThat(rows(c, draft)).isEqualTo(2);

    assertThat(send("DELETE", draft, null, COACH).statusCode()).isEqualTo(204);
    assertThat(ok(get(draft, COACH)).path("content").asText()).isEmpty();
    assertThat(ok(get(draft, MANAGER)).path("content").asText()).as("hers stays").isEqualTo("{\"Mål\":\"Chefens\"}");
  }

  @Test
  @DisplayName("behörighet: den som får läsa ärendet har utkast; annan coach, annan chef och remittent 404; utan inloggning 401")
  void accessAsTheMatrixSays() throws Exception {
    CaseFile c = activeCaseToday();
    String draft = taskDraft(c, "makeActionPlan");
    for (String reader : new String[] {COACH, MANAGER, ADMIN}) {
      assertThat(send("PUT", draft, Map.of("content", "{\"Mål\":\"" + reader + "\"}"), reader).statusCode()).as(reader)
          .isEqualTo(200);
      assertThat(ok(get(draft, reader)).path("content").asText()).isEqualTo("{\"Mål\":\"" + reader + "\"}");
    }
    for (String other : new String[] {OTHER_COACH, OTHER_MANAGER, REFERRER, COORDINATOR}) {
      assertThat(get(draft, other).statusCode()).as(other).isEqualTo(404);
      assertThat(send("PUT", draft, Map.of("content", "x"), other).statusCode()).as(other).isEqualTo(404);
      assertThat(send("DELETE", draft, null, other).statusCode()).as(other).isEqualTo(404);
    }
    assertThat(get(draft, null).statusCode()).isEqualTo(401);
    assertThat(rows(c, draft)).isEqualTo(3);
    var tooLong = send("PUT", draft, Map.of("content", "x".repeat(CaseDrafts.MAX_CONTENT + 1)), COACH);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(ok(get(draft, COACH)).path("content").asText()).isEqualTo("{\"Mål\":\"" + COACH + "\"}");
  }

  @Test
  @DisplayName("när uppgiften slutförs försvinner allas utkast av den; andra uppgifters och journalens utkast står kvar")
  void goneWhenTheTaskIsCompleted() throws Exception {
    CaseFile c = activeCaseToday();
    String plan = taskDraft(c, "makeActionPlan");
    String meeting = taskDraft(c, "holdMeeting");
    String journal = "/api/cases/" + c.getCaseNumber() + "/drafts/journal";
    ok(send("PUT", plan, Map.of("content", FORM), COACH));
    ok(send("PUT", plan, Map.of("content", FORM), MANAGER));
    ok(send("PUT", meeting, Map.of("content", "{\"Anteckningar\":\"Halvskrivet\"}"), COACH));
    ok(send("PUT", journal, Map.of("content", "{\"text\":\"Anteckning\"}"), COACH));

    complete(c, "makeActionPlan", COACH, actionPlan(LocalDate.now()));

    assertThat(rows(c, plan)).isZero();
    assertThat(ok(get(plan, COACH)).path("content").asText()).isEmpty();
    assertThat(ok(get(meeting, COACH)).path("content").asText()).isEqualTo("{\"Anteckningar\":\"Halvskrivet\"}");
    assertThat(ok(get(journal, COACH)).path("content").asText()).isEqualTo("{\"text\":\"Anteckning\"}");
  }

  @Test
  @DisplayName("när ärendet avslutas och dess öppna uppgifter tas bort, försvinner deras utkast")
  void goneWhenTheTaskIsDeleted() throws Exception {
    CaseFile c = activeCaseToday();
    String meeting = taskDraft(c, "holdMeeting");
    ok(send("PUT", meeting, Map.of("content", "{\"Anteckningar\":\"Halvskrivet\"}"), COACH));

    complete(c, "exitParticipation", COACH, exit(LocalDate.now(), "WORK"));

    assertThat(taskService.createTaskQuery().processInstanceId(c.getProcessInstanceId()).taskDefinitionKey("holdMeeting")
        .count()).isZero();
    assertThat(rows(c, meeting)).isZero();
  }

  private CaseFile activeCaseToday() {
    CaseFile c = activeCase(LocalDate.now().minusDays(3));
    clockAt(LocalDate.now(), MORNING);
    return c;
  }

  private String taskDraft(CaseFile c, String taskKey) {
    return "/api/cases/" + c.getCaseNumber() + "/drafts/task:" + task(c, taskKey).getId();
  }

  private int rows(CaseFile c, String draftPath) {
    String kind = draftPath.substring(draftPath.lastIndexOf('/') + 1);
    return jdbc.queryForObject("select count(*) from case_draft where case_id = ? and kind = ?", Integer.class,
        c.getId(), kind);
  }
}
