package se.stegvis.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every handler mapping of the application's API ({@code /api}) with the {@link Action} it
 * performs: one row each. {@code system/ApiAccess} refuses a call the matrix does not allow before
 * the handler runs, and refuses every mapping without a row (403), so a new endpoint is closed until
 * it is declared here; {@code AccessDoorsTest} fails the build for such a mapping and calls every row
 * as every role.
 *
 * <p>A per-case action on a path with {@code {caseNumber}} is checked against that case (404 when
 * the user may not read it, 403 when they may read it but not do this). A per-case action on a path
 * without one (a task id, a placement id) is checked here by role only; the handler finds the case
 * and asks {@code CaseAccess.can} for the same action.
 */
public final class ApiEndpoints {

  public record Endpoint(String method, String pattern, Action action) {
    public String key() {
      return method + " " + pattern;
    }
  }

  /** To declare an endpoint: one line, method, the mapping's pattern exactly as Spring prints it, action. */
  public static final List<Endpoint> ALL = List.of(
      row("GET", "/api/cases", Action.READ_CASE_LISTS),
      row("GET", "/api/caseload", Action.READ_CASE_LISTS),
      row("GET", "/api/cases/{caseNumber}", Action.READ_CASE),
      row("GET", "/api/cases/by-task/{taskId}", Action.READ_CASE),
      row("GET", "/api/cases/by-task/{taskId}/card", Action.READ_CASE),
      row("GET", "/api/referrals/mine", Action.REGISTER_REFERRAL),
      row("GET", "/api/cases/{caseNumber}/participant", Action.READ_PARTICIPANT),
      row("PUT", "/api/cases/{caseNumber}/participant/protected-identity", Action.PROTECT_IDENTITY),
      row("GET", "/api/cases/{caseNumber}/journal", Action.READ_CASE),
      row("POST", "/api/cases/{caseNumber}/journal", Action.WRITE_CASE),
      row("POST", "/api/cases/{caseNumber}/journal/{id}/corrections", Action.WRITE_CASE),
      // A signed entry is never changed or removed: 405 for everyone who may read the case.
      row("PUT", "/api/cases/{caseNumber}/journal/{id}", Action.READ_CASE),
      row("DELETE", "/api/cases/{caseNumber}/journal/{id}", Action.READ_CASE),
      // A user's own draft: of a journal entry for the case's writers, of a task form for its readers (DraftController).
      row("GET", "/api/cases/{caseNumber}/drafts/{kind}", Action.READ_CASE),
      row("PUT", "/api/cases/{caseNumber}/drafts/{kind}", Action.READ_CASE),
      row("DELETE", "/api/cases/{caseNumber}/drafts/{kind}", Action.READ_CASE),
      row("GET", "/api/cases/{caseNumber}/timeline", Action.READ_CASE),
      row("GET", "/api/cases/{caseNumber}/attachments", Action.READ_CASE),
      row("POST", "/api/cases/{caseNumber}/attachments", Action.WRITE_CASE),
      row("GET", "/api/cases/{caseNumber}/attachments/{id}", Action.READ_CASE),
      row("GET", "/api/cases/{caseNumber}/extracts", Action.READ_CASE),
      row("POST", "/api/cases/{caseNumber}/extracts", Action.WRITE_CASE),
      row("GET", "/api/cases/{caseNumber}/extracts/{id}", Action.READ_CASE),
      row("GET", "/api/cases/{caseNumber}/extracts/{id}/pdf", Action.READ_CASE),
      row("GET", "/api/cases/{caseNumber}/consents", Action.READ_CASE),
      row("POST", "/api/cases/{caseNumber}/consents", Action.WRITE_CASE),
      row("POST", "/api/cases/{caseNumber}/consents/{id}/withdrawal", Action.WRITE_CASE),
      row("GET", "/api/cases/{caseNumber}/placements", Action.READ_CASE),
      row("POST", "/api/cases/{caseNumber}/placements", Action.REQUEST_PLACEMENT),
      row("GET", "/api/placements/{id}/matches", Action.READ_CASE),
      // The working group's decision history reaches past its read of the case (AccessMatrix).
      row("GET", "/api/cases/{caseNumber}/decision", Action.READ_DECISION),
      row("GET", "/api/decisions", Action.READ_CASE_LISTS),
      row("POST", "/api/referrals", Action.REGISTER_REFERRAL),
      row("GET", "/api/deadlines/overdue", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/participants", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/referrals", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/waiting-times", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/deadlines", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/national-follow-up", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/placements", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/documentation-lag", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/steering-group", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/participant-export", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/steering-group.xlsx", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/participant-export.xlsx", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/participant-export.csv", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/steering-group/{table}.csv", Action.READ_CASE_LISTS),
      row("GET", "/api/reports/projects", Action.READ_CASE_LISTS),
      row("GET", "/api/workplaces", Action.USE_WORKPLACE_REGISTRY),
      row("GET", "/api/workplaces/codes", Action.USE_WORKPLACE_REGISTRY),
      row("GET", "/api/workplaces/{id}", Action.USE_WORKPLACE_REGISTRY),
      row("POST", "/api/workplaces", Action.MANAGE_WORKPLACES),
      row("PUT", "/api/workplaces/{id}", Action.MANAGE_WORKPLACES),
      row("GET", "/api/audit/cases/{caseNumber}", Action.REVIEW_LOG),
      row("GET", "/api/audit/users/{userId}", Action.REVIEW_LOG),
      // Which groups and teams a user was in when: the memberships the log review judges reads by.
      row("GET", "/api/audit/users/{userId}/memberships", Action.REVIEW_LOG),
      row("GET", "/api/audit/entries", Action.REVIEW_LOG),
      row("GET", "/api/audit/outside-team", Action.REVIEW_LOG),
      row("GET", "/api/retention/dry-run", Action.ADMINISTER),
      row("POST", "/api/admin/migrations/plan", Action.ADMINISTER),
      row("POST", "/api/admin/migrations", Action.ADMINISTER),
      // A user's title (befattning), shown with the name in the journal, the timeline and extracts.
      row("GET", "/api/admin/users/{userId}/title", Action.ADMINISTER),
      row("PUT", "/api/admin/users/{userId}/title", Action.ADMINISTER));

  private static final Map<String, Endpoint> BY_KEY = ALL.stream()
      .collect(Collectors.toMap(Endpoint::key, Function.identity()));

  private ApiEndpoints() {
  }

  private static Endpoint row(String method, String pattern, Action action) {
    return new Endpoint(method, pattern, action);
  }

  public static Optional<Endpoint> find(String method, String pattern) {
    return Optional.ofNullable(BY_KEY.get(method + " " + pattern));
  }
}
