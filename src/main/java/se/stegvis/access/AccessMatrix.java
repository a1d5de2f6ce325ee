package se.stegvis.access;

import static se.stegvis.access.Relation.AWAITING_MY_DECISION;
import static se.stegvis.access.Relation.DECIDED_BY_MY_GROUP;
import static se.stegvis.access.Relation.MY_PROJECT;
import static se.stegvis.access.Relation.OWN_CASE;
import static se.stegvis.access.Relation.PLACEMENT;
import static se.stegvis.access.Relation.SAME_TEAM;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what, in one place: role × action × relation to the case. Every door consults it:
 * the application's API through {@link ApiEndpoints} (one declared row per handler mapping),
 * {@code casefile/CaseAccess} for the cases a user reaches, and the engine's grants
 * ({@code RoleAuthorizations}, {@code CaseAuthorizations}) say the same for Tasklist, Cockpit and
 * {@code /engine-rest}. docs/security.md shows this table ({@code AccessMatrixDocTest} keeps them equal).
 *
 * <p>A participant with protected identity narrows every per-case cell to the case's own coach and
 * its project's managers ({@link Relation#reachesProtectedIdentity()}).
 */
public final class AccessMatrix {

  /** For an action that is not about one case: the role may do it. */
  private static final Set<Relation> ALLOWED = EnumSet.allOf(Relation.class);
  private static final Set<Relation> NOTHING = EnumSet.noneOf(Relation.class);

  private static final Map<Action, Map<Role, Set<Relation>>> MATRIX = new EnumMap<>(Action.class);

  static {
    // Per case: the relations through which each role may do it.
    row(Action.READ_CASE, Map.of(
        Role.WORKING_GROUP, EnumSet.of(AWAITING_MY_DECISION),
        Role.COACH, EnumSet.of(OWN_CASE, SAME_TEAM),
        Role.PLACEMENT_COORDINATOR, EnumSet.of(PLACEMENT),
        Role.MANAGER, EnumSet.of(MY_PROJECT),
        Role.ADMINISTRATOR, ALLOWED));
    row(Action.READ_PARTICIPANT, Map.of(
        Role.WORKING_GROUP, EnumSet.of(AWAITING_MY_DECISION),
        Role.COACH, EnumSet.of(OWN_CASE, SAME_TEAM),
        Role.PLACEMENT_COORDINATOR, EnumSet.of(PLACEMENT),
        Role.MANAGER, EnumSet.of(MY_PROJECT),
        Role.ADMINISTRATOR, ALLOWED));
    row(Action.WRITE_CASE, Map.of(
        Role.WORKING_GROUP, EnumSet.of(AWAITING_MY_DECISION),
        Role.COACH, EnumSet.of(OWN_CASE, SAME_TEAM),
        Role.ADMINISTRATOR, ALLOWED));
    row(Action.PROTECT_IDENTITY, Map.of(
        Role.WORKING_GROUP, EnumSet.of(AWAITING_MY_DECISION),
        Role.COACH, EnumSet.of(OWN_CASE, SAME_TEAM),
        Role.MANAGER, EnumSet.of(MY_PROJECT),
        Role.ADMINISTRATOR, ALLOWED));
    row(Action.REQUEST_PLACEMENT, Map.of(
        Role.COACH, EnumSet.of(OWN_CASE, SAME_TEAM),
        Role.PLACEMENT_COORDINATOR, EnumSet.of(PLACEMENT),
        Role.ADMINISTRATOR, ALLOWED));
    // The exception to "the working group's read ends with its decision": its own decision history,
    // the referral as it read it and what it decided, also once the case has gone on (finding 9).
    row(Action.READ_DECISION, Map.of(
        Role.WORKING_GROUP, EnumSet.of(AWAITING_MY_DECISION, DECIDED_BY_MY_GROUP),
        Role.COACH, EnumSet.of(OWN_CASE, SAME_TEAM),
        Role.MANAGER, EnumSet.of(MY_PROJECT),
        Role.ADMINISTRATOR, ALLOWED));
    // Not about one case: the roles that may do it (lists and reports then hold only the cases
    // READ_CASE lets the user read).
    roles(Action.REGISTER_REFERRAL, Role.REFERRER, Role.WORKING_GROUP, Role.COACH, Role.ADMINISTRATOR);
    roles(Action.READ_CASE_LISTS, Role.WORKING_GROUP, Role.COACH, Role.PLACEMENT_COORDINATOR, Role.MANAGER,
        Role.ADMINISTRATOR);
    roles(Action.USE_WORKPLACE_REGISTRY, Role.WORKING_GROUP, Role.COACH, Role.PLACEMENT_COORDINATOR, Role.MANAGER,
        Role.ADMINISTRATOR);
    roles(Action.MANAGE_WORKPLACES, Role.PLACEMENT_COORDINATOR, Role.ADMINISTRATOR);
    roles(Action.REVIEW_LOG, Role.MANAGER, Role.ADMINISTRATOR);
    roles(Action.ADMINISTER, Role.ADMINISTRATOR);
  }

  private AccessMatrix() {
  }

  private static void row(Action action, Map<Role, Set<Relation>> cells) {
    Map<Role, Set<Relation>> row = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      row.put(role, Set.copyOf(cells.getOrDefault(role, NOTHING)));
    }
    MATRIX.put(action, row);
  }

  private static void roles(Action action, Role... roles) {
    Map<Role, Set<Relation>> cells = new EnumMap<>(Role.class);
    for (Role role : roles) {
      cells.put(role, ALLOWED);
    }
    row(action, cells);
  }

  /** The relations through which the role may do the action (all of them for a permitted action not about one case). */
  public static Set<Relation> relations(Role role, Action action) {
    return MATRIX.get(action).get(role);
  }

  /** Whether a user with these roles may do the action at all (on some case). */
  public static boolean allowsAny(Collection<Role> roles, Action action) {
    return roles.stream().anyMatch(role -> !relations(role, action).isEmpty());
  }

  /**
   * Whether a user with these roles and these relations to a case may do the action on it. With
   * protected identity only the relations that reach such a case count.
   */
  public static boolean allows(Collection<Role> roles, Action action, Collection<Relation> relations,
      boolean protectedIdentity) {
    Set<Relation> reaching = relations.stream().filter(r -> !protectedIdentity || r.reachesProtectedIdentity())
        .collect(Collectors.toSet());
    return roles.stream().anyMatch(role -> relations(role, action).stream().anyMatch(reaching::contains));
  }

  /** The matrix as a Markdown table, as docs/security.md shows it. */
  public static String markdown() {
    StringBuilder table = new StringBuilder("| Action | ");
    for (Role role : Role.values()) {
      table.append(role.label()).append(" (`").append(role.group()).append("`) | ");
    }
    table.setLength(table.length() - 1);
    table.append("\n| --- |").append(" --- |".repeat(Role.values().length)).append('\n');
    for (Action action : Action.values()) {
      table.append("| ").append(action.label()).append(" | ");
      for (Role role : Role.values()) {
        Set<Relation> cell = relations(role, action);
        String text = cell.isEmpty() ? "–"
            : cell.equals(ALLOWED) ? (action.perCase() ? "alla ärenden" : "ja")
            : EnumSet.copyOf(cell).stream().map(Relation::label).collect(Collectors.joining(", "));
        table.append(text).append(" | ");
      }
      table.setLength(table.length() - 1);
      table.append('\n');
    }
    return table.toString();
  }
}
