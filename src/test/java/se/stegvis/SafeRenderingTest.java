package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Free text typed by users (names, notes, reasons, possibly "<script>") reaches the browser only
 * through our plugins and pages, which must put it in the page as text ({@code textContent}, the
 * {@code el} helper of stegvis.js), never parse it as HTML. This scans every script we ship for
 * the ways a string becomes markup; a new one fails the build.
 */
class SafeRenderingTest {

  static final Pattern MARKUP_SINKS = Pattern.compile(
      "\\.innerHTML\\b|\\.outerHTML\\b|insertAdjacentHTML|document\\.write|\\.html\\(|createContextualFragment"
          + "|DOMParser|\\beval\\(|new Function\\(|setAttribute\\(\\s*['\"]on|\\.src\\s*=\\s*['\"]javascript:");

  @Test
  void noShippedScriptTurnsStringsIntoMarkup() throws IOException {
    List<Path> scripts = scripts();
    assertThat(scripts).as("the scripts we ship").hasSizeGreaterThanOrEqualTo(5);
    List<String> sinks = new ArrayList<>();
    for (Path script : scripts) {
      List<String> lines = Files.readAllLines(script);
      for (int i = 0; i < lines.size(); i++) {
        if (MARKUP_SINKS.matcher(lines.get(i)).find()) {
          sinks.add(script + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(sinks).as("use textContent or the el helper instead").isEmpty();
  }

  @Test
  void theScanFindsEveryKindOfSink() {
    for (String line : List.of("row.innerHTML = `<td>${name}</td>`;", "x.outerHTML = s", "el.insertAdjacentHTML('beforeend', s)",
        "document.write(s)", "$(cell).html(name)", "range.createContextualFragment(s)", "eval(code)",
        "button.setAttribute('onclick', s)")) {
      assertThat(MARKUP_SINKS.matcher(line).find()).as(line).isTrue();
    }
    assertThat(MARKUP_SINKS.matcher("cell.textContent = name;").find()).isFalse();
  }

  private static List<Path> scripts() throws IOException {
    List<Path> scripts = new ArrayList<>();
    for (String root : List.of("src/main/resources/static", "src/main/resources/META-INF/resources")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).forEach(scripts::add);
      }
    }
    return scripts;
  }
}
