package se.stegvis.problems;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission that breaks a rule: the form stays open, nothing is stored, and the user reads
 * why in Swedish. A {@link FormFieldValidationException}, the engine's own kind of refused form,
 * so the REST APIs, Tasklist's included, answer 400 with the message (once
 * {@link FormRejectionUnwrapping} has taken it out of the engine's listener wrapping).
 */
public class FormRejectedException extends FormFieldValidationException {

  private final List<String> errors;
  private final Map<String, String> fields;

  public FormRejectedException(List<String> errors) {
    this(errors, Map.of());
  }

  /** With the message of each field that is wrong, by the field's key, for showing at the field. */
  public FormRejectedException(List<String> errors, Map<String, String> fields) {
    super(List.copyOf(errors), String.join(" ", errors));
    this.errors = List.copyOf(errors);
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public FormRejectedException(String error) {
    this(List.of(error));
  }

  /** The HTTP status a refusal of this kind answers with: 400, unless a kind says otherwise. */
  public int status() {
    return 400;
  }

  public List<String> errors() {
    return errors;
  }

  /** Field key to its message (a subset of {@link #errors()}); empty when no single field is to blame. */
  public Map<String, String> fields() {
    return fields;
  }
}
