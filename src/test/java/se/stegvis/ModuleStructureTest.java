package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each package directly under {@code se.stegvis} is a module. {@code verify()} fails on a cycle
 * between modules and on a module reaching into another's internals (a sub-package). The module
 * diagram in {@code docs/modules/} is drawn from the code on every build, so it cannot go stale;
 * the file is rewritten only when the modules or their dependencies change.
 */
@DisplayName("Modulerna: inga cykler, diagrammet ritat ur koden")
class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(StegvisApplication.class);

  @Test
  @DisplayName("Inga beroendecykler mellan moduler")
  void modulesHaveNoCycles() {
    MODULES.verify();
  }

  @Test
  @DisplayName("Modul-diagrammet skrivs till docs/modules")
  void writesTheModuleDiagramIntoDocs() throws Exception {
    Path drawn = Path.of("target", "spring-modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
        .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
    String diagram = inStableOrder(Files.readString(drawn.resolve("components.puml")));
    assertThat(diagram).contains("==Deadline", "==Casefile", "==Time", "Deadline .[");
    Path docs = Path.of("docs", "modules", "components.puml");
    if (!Files.exists(docs) || !Files.readString(docs).equals(diagram)) {
      Files.createDirectories(docs.getParent());
      Files.writeString(docs, diagram);
    }
  }

  /**
   * The Documenter writes modules and arrows in hash order; sorted, the file changes only when the
   * modules or their dependencies do.
   */
  static String inStableOrder(String plantUml) {
    List<String> head = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    StringBuilder block = null;
    for (String line : plantUml.split("\\R")) {
      if (block != null) {
        block.append(line).append('\n');
        if (line.equals("}")) {
          blocks.add(block.toString());
          block = null;
        }
      } else if (line.startsWith("skinparam ") && line.endsWith("{") && line.contains("<<")) {
        block = new StringBuilder(line).append('\n');
      } else if (line.startsWith("component ") || line.startsWith("StegvisApplication.")) {
        lines.add(line);
      } else if (!line.equals("@enduml")) {
        head.add(line);
      }
    }
    Collections.sort(blocks);
    Collections.sort(lines);
    return String.join("\n", head).strip() + "\n" + String.join("", blocks) + String.join("\n", lines)
        + "\n@enduml\n";
  }
}
