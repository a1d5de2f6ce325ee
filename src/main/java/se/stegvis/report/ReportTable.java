package se.stegvis.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One report table in the generic, render-ready shape every consumer shares (the report page,
 * the CSV and XLSX writers, automation): a stable url-safe id, Swedish title and description,
 * typed columns, rows keyed by column key, and an optional chart hint. Built only through
 * {@link #builder}, which checks that every row fits the columns, so no table can drift from
 * the shape.
 */
public record ReportTable(String id, String title, String description, List<Column> columns,
    List<Map<String, Object>> rows, Chart chart) {

  /** How a column's values are to be read and formatted. */
  public enum Type {
    /** A string. */
    TEXT,
    /** A whole number. */
    COUNT,
    /** A share 0–100, one decimal. */
    PERCENT,
    /** A number of days (may end in .5 for a median). */
    DAYS,
    /** Any other number. */
    DECIMAL;

    @JsonValue
    String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public record Column(String key, String label, Type type) {
  }

  public enum ChartType {
    BAR("bar"), STACKED_BAR("stackedBar");

    private final String json;

    ChartType(String json) {
      this.json = json;
    }

    @JsonValue
    String json() {
      return json;
    }
  }

  /** Draw {@code valueKeys} of each row, labelled by its {@code labelKey} value. */
  public record Chart(ChartType type, String labelKey, List<String> valueKeys) {
  }

  public static Builder builder(String id, String title, String description) {
    return new Builder(id, title, description);
  }

  /** The values of one column, in row order (for tests and writers). */
  public List<Object> column(String key) {
    return rows.stream().map(r -> r.get(key)).toList();
  }

  public static final class Builder {
    private final String id;
    private final String title;
    private final String description;
    private final List<Column> columns = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private Chart chart;

    private Builder(String id, String title, String description) {
      if (!id.matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException("A table id is lower-case letters, digits and hyphens: " + id);
      }
      this.id = id;
      this.title = title;
      this.description = description;
    }

    public Builder column(String key, String label, Type type) {
      if (columns.stream().anyMatch(c -> c.key().equals(key))) {
        throw new IllegalArgumentException("Column " + key + " twice in table " + id);
      }
      columns.add(new Column(key, label, type));
      return this;
    }

    /** A row with one value per column, in column order. */
    public Builder row(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException("Table " + id + " has " + columns.size() + " columns, the row "
            + values.length + " values");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        row.put(columns.get(i).key(), checked(columns.get(i), values[i]));
      }
      rows.add(Collections.unmodifiableMap(row));
      return this;
    }

    /** A row given as column key → value; columns left out are null. */
    public Builder row(Map<String, ?> values) {
      Object[] ordered = new Object[columns.size()];
      for (var key : values.keySet()) {
        if (columns.stream().noneMatch(c -> c.key().equals(key))) {
          throw new IllegalArgumentException("No column " + key + " in table " + id);
        }
      }
      for (int i = 0; i < ordered.length; i++) {
        ordered[i] = values.get(columns.get(i).key());
      }
      return row(ordered);
    }

    public Builder chart(ChartType type, String labelKey, List<String> valueKeys) {
      this.chart = new Chart(type, labelKey, List.copyOf(valueKeys));
      return this;
    }

    public ReportTable build() {
      return new ReportTable(id, title, description, List.copyOf(columns), List.copyOf(rows), chart);
    }

    private Object checked(Column column, Object value) {
      boolean fits = value == null
          || column.type() == Type.TEXT && value instanceof String
          || column.type() == Type.COUNT && (value instanceof Long || value instanceof Integer)
          || column.type() != Type.TEXT && column.type() != Type.COUNT && value instanceof Number;
      if (!fits) {
        throw new IllegalArgumentException("Column " + column.key() + " of table " + id + " is "
            + column.type() + ", not " + value.getClass().getSimpleName());
      }
      return value;
    }
  }
}
