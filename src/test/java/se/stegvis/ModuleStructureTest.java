package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each package directly under {@code se.stegvis} is a module. {@code verify()} fails on a cycle
 * between modules and on a module reaching into another's internals (a sub-package). The module
 * diagram in {@code docs/modules/} is drawn from the code on every build, so it cannot go stale.
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
    Path docs = Path.of("docs", "modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
        .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
    assertThat(docs.resolve("components.puml")).exists();
    assertThat(Files.readString(docs.resolve("components.puml"))).contains("Deadline", "Casefile", "Time");
  }
}
