package se.stegvis.form;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission that breaks a rule: the form stays open, nothing is stored, and the user reads
 * why in Swedish. A {@link BadUserRequestException}, so the engine REST API answers 400.
 */
public class FormRejectedException extends BadUserRequestException {

  private final List<String> errors;

  public FormRejectedException(List<String> errors) {
    super(String.join(" ", errors));
    this.errors = List.copyOf(errors);
  }

  public FormRejectedException(String error) {
    this(List.of(error));
  }

  public List<String> errors() {
    return errors;
  }
}
