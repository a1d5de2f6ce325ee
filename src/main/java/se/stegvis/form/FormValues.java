package se.stegvis.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.spin.json.SpinJsonNode;

import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.time.EngineClock;

/**
 * The values of one submitted form, read with the rules a Camunda Form only checks in the
 * browser. Every problem is collected in Swedish; {@link #requireValid()} then refuses the
 * whole submission, so nothing is stored half-done. The same class reads JSON from the API.
 */
public final class FormValues {

  private final Map<String, ?> raw;
  private final ReferenceCodes codes;
  private final LocalDate today;
  private final List<String> errors = new ArrayList<>();
  // The first message per field key, so a screen can show it at its field.
  private final Map<String, String> fieldErrors = new LinkedHashMap<>();

  public FormValues(Map<String, ?> raw, ReferenceCodes codes, LocalDate today) {
    this.raw = raw;
    this.codes = codes;
    this.today = today;
  }

  public LocalDate today() {
    return today;
  }

  public String text(String key, String label, boolean required, int maxLength) {
    Object value = raw.get(key);
    if (value != null && !(value instanceof String)) {
      fail(key, label + ": ska vara text.");
      return null;
    }
    String text = value == null ? null : ((String) value).strip();
    if (text == null || text.isEmpty()) {
      if (required) {
        fail(key, label + ": måste fyllas i.");
      }
      return null;
    }
    if (text.length() > maxLength) {
      fail(key, label + ": får vara högst " + maxLength + " tecken (nu " + text.length() + ").");
      return null;
    }
    return text;
  }

  /** A date as the form sends it (YYYY-MM-DD); never in the future. */
  public LocalDate date(String key, String label, boolean required) {
    return date(key, label, required, today, "kan inte ligga i framtiden");
  }

  /** A planned date, such as a placement period's start or end: at most a year ahead. */
  public LocalDate plannedDate(String key, String label, boolean required) {
    return date(key, label, required, today.plusYears(1), "kan inte ligga mer än ett år fram i tiden");
  }

  private LocalDate date(String key, String label, boolean required, LocalDate latest, String tooLate) {
    Object value = raw.get(key);
    LocalDate date = null;
    if (value instanceof Date d) {
      date = EngineClock.toDay(d);
    } else if (value instanceof String s && !s.isBlank()) {
      try {
        date = LocalDate.parse(s.strip().length() > 10 ? s.strip().substring(0, 10) : s.strip());
      } catch (DateTimeParseException e) {
        fail(key, label + ": ange ett datum som ÅÅÅÅ-MM-DD.");
        return null;
      }
    } else if (value != null && !(value instanceof String)) {
      fail(key, label + ": ange ett datum som ÅÅÅÅ-MM-DD.");
      return null;
    }
    if (date == null) {
      if (required) {
        fail(key, label + ": måste fyllas i.");
      }
      return null;
    }
    if (date.isAfter(latest)) {
      fail(key, label + ": " + tooLate + " (" + date + ").");
      return null;
    }
    return date;
  }

  public String code(String key, String label, CodeSet set, boolean required) {
    String code = text(key, label, required, 40);
    if (code != null && codes.find(set, code).isEmpty()) {
      fail(key, label + ": \"" + code + "\" är inte ett giltigt värde för " + set.description() + ".");
      return null;
    }
    return code;
  }

  public List<String> codes(String key, String label, CodeSet set) {
    Object value = raw.get(key);
    Collection<?> items;
    if (value == null) {
      return List.of();
    } else if (value instanceof SpinJsonNode node && node.isArray()) {
      items = node.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
    } else if (value instanceof Collection<?> c) {
      items = c;
    } else if (value instanceof String s && s.startsWith("[")) {
      items = org.camunda.spin.Spin.JSON(s).elements().stream()
          .map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
    } else {
      fail(key, label + ": ska vara en lista.");
      return List.of();
    }
    var result = new LinkedHashSet<String>();
    for (Object item : items) {
      String code = String.valueOf(item);
      if (codes.find(set, code).isEmpty()) {
        fail(key, label + ": \"" + code + "\" är inte ett giltigt värde för " + set.description() + ".");
      } else {
        result.add(code);
      }
    }
    return List.copyOf(result);
  }

  public boolean flag(String key, String label) {
    Object value = raw.get(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    fail(key, label + ": ska vara ja eller nej.");
    return false;
  }

  public Integer number(String key, String label, int min, int max, boolean required) {
    Object value = raw.get(key);
    if (value == null || value instanceof String s && s.isBlank()) {
      if (required) {
        fail(key, label + ": måste fyllas i.");
      }
      return null;
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        number = Double.parseDouble(s.strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        fail(key, label + ": ska vara ett tal.");
        return null;
      }
    } else {
      fail(key, label + ": ska vara ett tal.");
      return null;
    }
    if (number != Math.rint(number) || number < min || number > max) {
      fail(key, label + ": ska vara ett heltal mellan " + min + " och " + max + ".");
      return null;
    }
    return (int) number;
  }

  private void fail(String key, String message) {
    errors.add(message);
    fieldErrors.putIfAbsent(key, message);
  }

  /** A rule across fields; the message says what to change. */
  public void check(boolean holds, String message) {
    if (!holds) {
      errors.add(message);
    }
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public void requireValid() {
    if (!errors.isEmpty()) {
      throw new FormRejectedException(errors, fieldErrors);
    }
  }
}
