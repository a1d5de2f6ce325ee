package se.stegvis.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import se.stegvis.identity.Groups;

/** The roles of an insats, each a Camunda group: the rows of the {@link AccessMatrix}. */
public enum Role {
  REFERRER(Groups.REFERRERS, "Remittent"),
  WORKING_GROUP(Groups.WORKING_GROUP, "Beredningsgrupp"),
  COACH(Groups.COACHES, "Coach"),
  PLACEMENT_COORDINATOR(Groups.PLACEMENT_COORDINATORS, "Praktiksamordnare"),
  /** The group {@code chef}, and every project's manager group. */
  MANAGER(Groups.MANAGERS, "Chef"),
  ADMINISTRATOR(Groups.ADMINISTRATORS, "Administratör");

  private final String group;
  private final String label;

  Role(String group, String label) {
    this.group = group;
    this.label = label;
  }

  public String group() {
    return group;
  }

  public String label() {
    return label;
  }

  /** The roles of a user in these groups ({@code managerGroups}: the projects' manager groups). */
  public static Set<Role> of(Collection<String> groups, Collection<String> managerGroups) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(values()).filter(role -> groups.contains(role.group)).forEach(roles::add);
    if (groups.stream().anyMatch(managerGroups::contains)) {
      roles.add(MANAGER);
    }
    return roles;
  }
}
