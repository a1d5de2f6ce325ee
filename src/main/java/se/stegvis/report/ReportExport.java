package se.stegvis.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.stegvis.report.ReportTable.Column;
import se.stegvis.report.ReportTable.Type;

/**
 * Writes report tables as files for Excel and for the national follow-up: CSV in the form Swedish
 * Excel opens directly (UTF-8 with byte order mark, semicolons, decimal comma, CRLF), and XLSX
 * with one sheet per table whose figures are real numbers. Both carry the columns' Swedish labels
 * as header; a text that a spreadsheet would take for a formula is written as plain text.
 */
final class ReportExport {

  /** Where a table's header row is in its XLSX sheet: after the title, the description and a blank row. */
  static final int XLSX_HEADER_ROW = 3;

  private static final String BOM = "\uFEFF";
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Europe/Stockholm"));

  private ReportExport() {
  }

  /** One table as CSV: the header labels, then one line per row. */
  static byte[] csv(ReportTable table) {
    StringBuilder out = new StringBuilder(BOM);
    line(out, table.columns().stream().map(Column::label).map(ReportExport::csvText).toList());
    for (var row : table.rows()) {
      line(out, table.columns().stream().map(c -> csvValue(c, row.get(c.key()))).toList());
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The whole report as a workbook: a cover sheet, then one sheet per table. */
  static byte[] xlsx(String projectName, LocalDate from, LocalDate to, java.time.Instant generatedAt,
      List<ReportTable> tables) {
    try (Workbook workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      Sheet cover = workbook.createSheet("Om rapporten");
      cell(cover, 0, 0, "Rapport: " + projectName, styles.title);
      cell(cover, 1, 0, "Period: " + from + " – " + to, null);
      cell(cover, 2, 0, "Framtagen: " + STAMP.format(generatedAt) + " ur Stegvis ärenden", null);
      cell(cover, 4, 0, "Tabeller", styles.header);
      Set<String> names = new HashSet<>(Set.of("Om rapporten"));
      for (int i = 0; i < tables.size(); i++) {
        ReportTable table = tables.get(i);
        String name = sheetName(table.title(), names);
        cell(cover, 5 + i, 0, name, null);
        cell(cover, 5 + i, 1, table.description(), null);
        writeSheet(workbook.createSheet(name), table, styles);
      }
      cover.setColumnWidth(0, 40 * 256);
      cover.setColumnWidth(1, 100 * 256);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the XLSX report", e);
    }
  }

  private static void writeSheet(Sheet sheet, ReportTable table, Styles styles) {
    cell(sheet, 0, 0, table.title(), styles.title);
    cell(sheet, 1, 0, table.description(), null);
    List<Column> columns = table.columns();
    Row header = sheet.createRow(XLSX_HEADER_ROW);
    for (int c = 0; c < columns.size(); c++) {
      var cell = header.createCell(c);
      cell.setCellValue(columns.get(c).label());
      cell.setCellStyle(styles.header);
    }
    for (int r = 0; r < table.rows().size(); r++) {
      Row row = sheet.createRow(XLSX_HEADER_ROW + 1 + r);
      for (int c = 0; c < columns.size(); c++) {
        Object value = table.rows().get(r).get(columns.get(c).key());
        if (value == null) {
          continue;
        }
        var cell = row.createCell(c);
        if (value instanceof Number number) {
          cell.setCellValue(number.doubleValue());
          cell.setCellStyle(columns.get(c).type() == Type.COUNT ? styles.count : styles.decimal);
        } else {
          cell.setCellValue(value.toString());
        }
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      sheet.setColumnWidth(c, Math.min(60, Math.max(10, columns.get(c).label().length() + 2)) * 256);
    }
    sheet.createFreezePane(0, XLSX_HEADER_ROW + 1);
  }

  private static void cell(Sheet sheet, int rowIndex, int column, String text, CellStyle style) {
    if (text == null) {
      return;
    }
    Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
    var cell = row.createCell(column);
    cell.setCellValue(text);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  /** A sheet name Excel accepts (at most 31 characters, none of []:*?/\), unique in the workbook. */
  static String sheetName(String title, Set<String> taken) {
    String base = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
    base = base.length() > 28 ? base.substring(0, 28).strip() : base;
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + " " + n;
    }
    return name;
  }

  private static String csvValue(Column column, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      String plain = number instanceof BigDecimal d ? d.toPlainString() : number.toString();
      return plain.replace('.', ',');
    }
    return csvText(value.toString());
  }

  private static String csvText(String text) {
    String safe = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    boolean quote = safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        || !safe.equals(safe.strip());
    return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }

  private static void line(StringBuilder out, List<String> fields) {
    out.append(String.join(";", fields)).append("\r\n");
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle count;
    final CellStyle decimal;

    Styles(Workbook workbook) {
      var bold = workbook.createFont();
      bold.setBold(true);
      var large = workbook.createFont();
      large.setBold(true);
      large.setFontHeightInPoints((short) 14);
      title = workbook.createCellStyle();
      title.setFont(large);
      header = workbook.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      var format = workbook.createDataFormat();
      count = workbook.createCellStyle();
      count.setDataFormat(format.getFormat("0"));
      decimal = workbook.createCellStyle();
      decimal.setDataFormat(format.getFormat("0.0"));
    }
  }
}
