package se.stegvis.form;

import java.util.Map;

import se.stegvis.casefile.CaseFile;

/**
 * Turns one Camunda Form into case data. Each feature owns the forms of its steps.
 * Implementations validate with {@link FormValues}, store in the feature's tables, and return
 * the process variables the model needs (ids, dates, flags: never personal data).
 */
public interface CaseForm {

  /** The form's id, as in {@code camunda:formRef}. */
  String formId();

  /**
   * Values shown when the task opens. They are kept in the engine while it is open: no personal data.
   * The process instance is the task's own (a called process's, for a step of a placement).
   */
  default Map<String, Object> prefill(CaseFile caseFile, String processInstanceId) {
    return Map.of();
  }

  Map<String, Object> submit(FormSubmission submission);

  /**
   * The field that holds the day the step happened, which judges its deadline (see
   * {@code Deadline}); {@code null} for a form without a deadline. {@link #submit} checks it: not
   * in the future ({@link FormValues#date}) and not before the step could have happened.
   */
  default StepDateField stepDate() {
    return null;
  }

  /** A form's date field: its key and its Swedish label. */
  record StepDateField(String key, String label) {
  }
}
