package se.stegvis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.stegvis.report.ReportTable.Type;

/** The file formats themselves: quoting, formula-like texts, decimal comma, sheet names. */
@DisplayName("Export: CSV för svenskt Excel och XLSX-bladnamn")
class ReportExportTest {

  @Test
  @DisplayName("text som ser ut som en formel skrivs som text; semikolon, citattecken och radbrytning citeras")
  void textIsNeverAFormula() {
    ReportTable table = ReportTable.builder("t", "T", null)
        .column("text", "Namn; med semikolon", Type.TEXT).column("share", "Andel", Type.PERCENT)
        .row("=HYPERLINK(\"http://x\")", new java.math.BigDecimal("72.5"))
        .row("-1+2", null)
        .row("@SUM(A1)", 3)
        .row("Rad ett\nrad två", new java.math.BigDecimal("0.0"))
        .build();
    String csv = new String(ReportExport.csv(table), StandardCharsets.UTF_8);
    assertThat(csv).isEqualTo("\uFEFF\"Namn; med semikolon\";Andel\r\n"
        + "\"'=HYPERLINK(\"\"http://x\"\")\";72,5\r\n"
        + "'-1+2;\r\n"
        + "'@SUM(A1);3\r\n"
        + "\"Rad ett\nrad två\";0,0\r\n");
    assertThat(ReportApiTest.parseCsv(csv.substring(1))).containsExactly(
        List.of("Namn; med semikolon", "Andel"), List.of("'=HYPERLINK(\"http://x\")", "72,5"), List.of("'-1+2", ""),
        List.of("'@SUM(A1)", "3"), List.of("Rad ett\nrad två", "0,0"));
  }

  @Test
  @DisplayName("bladnamn: högst 31 tecken, inga otillåtna tecken, unika")
  void sheetNames() {
    Set<String> taken = new HashSet<>(Set.of("om rapporten"));
    assertThat(ReportExport.sheetName("Tidsfrister: hållna/missade [andel]", taken)).isEqualTo("Tidsfrister  hållna missade");
    assertThat(ReportExport.sheetName("Tidsfrister: hållna/missade [andel] igen", taken))
        .isEqualTo("Tidsfrister  hållna missade 2");
    assertThat(ReportExport.sheetName("Om rapporten", taken)).isEqualTo("Om rapporten 2");
    assertThat(taken).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(31));
  }
}
