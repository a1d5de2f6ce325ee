package se.stegvis.form;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission that breaks a rule: the form stays open, nothing is stored, and the user reads
 * why in Swedish. A {@link FormFieldValidationException}, the engine's own kind of refused form,
 * so the REST APIs, Tasklist's included, answer 400 with the message (once
 * {@link FormRejectionUnwrapping} has taken it out of the engine's listener wrapping).
 */
public class FormRejectedException extends FormFieldValidationException {

  private final List<String> errors;

  public FormRejectedException(List<String> errors) {
    super(List.copyOf(errors), String.join(" ", errors));
    this.errors = List.copyOf(errors);
  }

  public FormRejectedException(String error) {
    this(List.of(error));
  }

  public List<String> errors() {
    return errors;
  }
}
