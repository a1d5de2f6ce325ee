package se.stegvis.staff;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stegvis.identity.Groups;
import se.stegvis.time.EngineClock;


/**
 * Each member of staff's title (befattning: "Arbetskonsulent", "Coach", "Enhetschef"), kept by
 * Stegvis beside the engine's users (table {@code staff_title}), and how a user signs: name and
 * title, "Anna Lind, Arbetskonsulent". Without a title set, the role's title stands in
 * ({@link #roleTitle}), as before titles existed.
 */
@Service
public class StaffTitles {

  public static final int MAX_TITLE = 100;

  /** A role's title, most specific first: what a user without a title of her own signs with. */
  private static final List<Map.Entry<String, String>> ROLE_TITLES = List.of(
      Map.entry(Groups.MANAGERS, "Projektledare"),
      Map.entry(Groups.PLACEMENT_COORDINATORS, "Praktiksamordnare"),
      Map.entry(Groups.COACHES, "Coach"),
      Map.entry(Groups.ADMINISTRATORS, "Administratör"));

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final EngineClock clock;

  StaffTitles(JdbcTemplate jdbc, IdentityService identityService, EngineClock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The user's own title, when an administrator has set one. */
  public Optional<String> of(String userId) {
    return jdbc.queryForList("select title from staff_title where user_id = ?", String.class, userId).stream()
        .findFirst();
  }

  /** The title a user signs with now: her own, else her role's; null for a role without one. */
  public String signingTitle(String userId, Set<String> groups) {
    return of(userId).orElseGet(() -> ROLE_TITLES.stream().filter(t -> groups.contains(t.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(null));
  }

  /** Sets the user's title, or removes it when blank. */
  @Transactional
  public void set(String userId, String title, String changedBy) {
    jdbc.update("delete from staff_title where user_id = ?", userId);
    if (title != null && !title.isBlank()) {
      jdbc.update("insert into staff_title (user_id, title, changed_at, changed_by) values (?, ?, ?, ?)", userId,
          title.strip(), Timestamp.from(clock.now()), changedBy);
    }
  }

  /** Users' names as the record shows them ("Anna Lind"); the user id for a user unknown or without a name. */
  public Map<String, String> names(Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    List<String> ids = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
    if (!ids.isEmpty()) {
      for (User user : identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
            + (user.getLastName() == null ? "" : user.getLastName())).strip();
        if (!name.isEmpty()) {
          names.put(user.getId(), name);
        }
      }
    }
    ids.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }

  /** How a user signs now, name and title: "Anna Lind, Arbetskonsulent" (the name alone without a title). */
  public String signature(String userId) {
    String name = names(List.of(userId)).get(userId);
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId()).toList();
    return joined(name, signingTitle(userId, Set.copyOf(groups)));
  }

  /** "name, title", or the name alone. */
  public static String joined(String name, String title) {
    return title == null || title.isBlank() ? name : name + ", " + title;
  }
}
