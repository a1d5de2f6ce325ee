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

  /** Values shown when the task opens. They are kept in the engine while it is open: no personal data. */
  default Map<String, Object> prefill(CaseFile caseFile) {
    return Map.of();
  }

  Map<String, Object> submit(FormSubmission submission);
}
