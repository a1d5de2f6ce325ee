package se.stegvis.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/security.md shows the access matrix as the code declares it: they cannot drift apart. */
@DisplayName("Behörighetsmatrisen i docs/security.md är densamma som i koden")
class AccessMatrixDocTest {

  static final String START = "<!-- access-matrix:start -->\n";
  static final String END = "<!-- access-matrix:end -->";

  @Test
  void theDocumentedMatrixIsTheDeclaredOne() throws Exception {
    String doc = Files.readString(Path.of("docs/security.md"));
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    assertThat(start).as("markers in docs/security.md").isNotNegative();
    assertThat(doc.substring(start + START.length(), end))
        .as("replace the table in docs/security.md with AccessMatrix.markdown()")
        .isEqualTo(AccessMatrix.markdown());
  }

  @Test
  void protectedIdentityReachesOnlyTheCoachAndTheProjectsManagers() {
    assertThat(AccessMatrix.allows(java.util.Set.of(Role.ADMINISTRATOR), Action.READ_CASE,
        java.util.Set.of(Relation.NONE), true)).isFalse();
    assertThat(AccessMatrix.allows(java.util.Set.of(Role.COACH), Action.READ_CASE,
        java.util.Set.of(Relation.SAME_TEAM), true)).isFalse();
    assertThat(AccessMatrix.allows(java.util.Set.of(Role.COACH), Action.WRITE_CASE,
        java.util.Set.of(Relation.OWN_CASE), true)).isTrue();
    assertThat(AccessMatrix.allows(java.util.Set.of(Role.MANAGER), Action.WRITE_CASE,
        java.util.Set.of(Relation.MY_PROJECT), false)).as("managers read only").isFalse();
  }
}
