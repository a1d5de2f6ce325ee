package se.stegvis.sso;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How an identity provider's groups become Stegvis's groups (the Camunda groups the roles and
 * authorizations are granted to): the groups are read from the token's {@code groupsClaim}
 * (default {@code groups}) and each is looked up in {@code groupMapping}, the provider's name
 * on the left, ours on the right. A group without a mapping is ignored: a provider's group
 * names are not ours, and nobody gets a role by an accident of naming.
 */
@ConfigurationProperties("stegvis.sso")
record SsoGroups(String groupsClaim, Map<String, String> groupMapping) {

  SsoGroups {
    groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
    groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
  }

  /** Stegvis's groups for the claim's value (a list of names, or one name), in a stable order. */
  List<String> of(Object claim) {
    Collection<?> names = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
    return names.stream().map(String::valueOf).map(groupMapping::get).filter(group -> group != null)
        .distinct().sorted().toList();
  }
}
