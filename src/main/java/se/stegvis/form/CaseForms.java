package se.stegvis.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import se.stegvis.audit.AuditLog;
import se.stegvis.casefile.CaseFile;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.StepDates;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.time.EngineClock;

/**
 * The one way a form submission becomes case data. Attached to every user task and form start
 * event by {@code engine.CaseListenerWiring}: on create it prefills the form, on complete it hands
 * the submitted values to the feature's {@link CaseForm}, sets the process variables it returns
 * and removes every other submitted value from the engine.
 */
@Component("caseForms")
public class CaseForms implements TaskListener, ExecutionListener {

  private final Map<String, CaseForm> forms;
  private final CaseFileRepository caseFiles;
  private final ReferenceCodes codes;
  private final EngineClock clock;
  private final IdentityService identityService;
  private final AuditLog audit;
  private final StepDates stepDates;
  private final FormFields fields;

  CaseForms(List<CaseForm> forms, CaseFileRepository caseFiles, ReferenceCodes codes,
      EngineClock clock, IdentityService identityService, AuditLog audit, StepDates stepDates,
      FormFields fields) {
    this.forms = forms.stream().collect(Collectors.toMap(CaseForm::formId, Function.identity()));
    this.caseFiles = caseFiles;
    this.codes = codes;
    this.clock = clock;
    this.identityService = identityService;
    this.audit = audit;
    this.stepDates = stepDates;
    this.fields = fields;
  }

  public boolean handles(String formId) {
    return forms.containsKey(formId);
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getExecution() == null) {
      // Completed by someone else a moment ago: the engine has removed the execution already.
      throw new OptimisticLockingException("Task " + task.getId() + " was completed concurrently");
    }
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    CaseForm form = form(element.getCamundaFormRef());
    String caseInstance = caseProcessInstanceId(task.getExecution());
    CaseFile caseFile = caseFiles.findById((Long) task.getVariable(ProcessVariables.CASE_ID))
        .filter(c -> caseInstance.equals(c.getProcessInstanceId()))
        .orElseThrow(() -> new FormRejectedException(
            "Formuläret hör inte till det här ärendet. Öppna uppgiften igen och skicka formuläret på nytt."));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(form.prefill(caseFile, task.getProcessInstanceId()));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      submit(form, caseFile, task);
    }
  }

  /**
   * A process starts: from the Tasklist start form, the referral is registered here; from the
   * API, its case exists already. Either way the case is linked to its process before the first
   * task is created, and a case that has a process already cannot be taken over.
   */
  @Override
  public void notify(DelegateExecution execution) {
    Object given = execution.getVariable(ProcessVariables.CASE_ID);
    if (given != null && !(given instanceof Long)) {
      throw new FormRejectedException("Variabeln caseId sätts av Stegvis och kan inte skickas med ett formulär.");
    }
    Long caseId = (Long) given;
    if (caseId == null) {
      StartEvent start = (StartEvent) execution.getBpmnModelElementInstance();
      caseId = (Long) submit(form(start.getCamundaFormRef()), null, execution).get(ProcessVariables.CASE_ID);
    }
    CaseFile caseFile = caseFiles.findById(caseId).filter(c -> c.getProcessInstanceId() == null)
        .orElseThrow(() -> new FormRejectedException("Ärendet finns redan och kan inte startas på nytt."));
    execution.setProcessBusinessKey(caseFile.getCaseNumber());
    execution.getProcessInstance().setVariable(ProcessVariables.CASE_NUMBER, caseFile.getCaseNumber());
    caseFile.attachProcess(execution.getProcessInstanceId());
  }

  /** The case's own process instance: the task's, or the one that called the task's process. */
  private static String caseProcessInstanceId(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getProcessInstanceId();
  }

  /**
   * The submitted values are already set when the complete listener runs, so the case is found
   * from the engine's own link (process instance), not trusted from a submitted "caseId".
   */
  private Map<String, Object> submit(CaseForm form, CaseFile caseFile, VariableScope scope) {
    Map<String, Object> submitted = new HashMap<>(scope.getVariables());
    if (scope instanceof DelegateTask task) {
      // TaskService.complete(id, values) sets the values on the execution, where a prefilled task
      // variable of the same name would hide them: the submitted value wins.
      task.getVariableNamesLocal().stream().filter(task.getExecution()::hasVariable)
          .forEach(name -> submitted.put(name, task.getExecution().getVariable(name)));
    }
    refuseUnknownFields(form, submitted.keySet(), scope);
    var values = new FormValues(submitted, codes, clock.today());
    var auth = identityService.getCurrentAuthentication();
    String processInstanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
        : ((DelegateExecution) scope).getProcessInstanceId();
    Map<String, Object> outputs = form.submit(
        new FormSubmission(caseFile, values, auth == null ? null : auth.getUserId(), processInstanceId));
    if (scope instanceof DelegateTask task) {
      registerStepDate(form, values, task);
    }
    audit.changed(caseFile != null ? caseFile.getId() : (Long) outputs.get(ProcessVariables.CASE_ID),
        "Formulär " + form.formId() + " (" + (scope instanceof DelegateTask task ? task.getName() : "startformulär") + ")");
    List<String> caseData = submitted.keySet().stream().filter(n -> !ProcessVariables.isAllowed(n)).toList();
    scope.removeVariables(caseData);
    if (scope instanceof DelegateTask task) {
      task.removeVariablesLocal(task.getVariableNamesLocal());
      task.getExecution().removeVariables(caseData);
      task.getExecution().getProcessInstance().setVariables(outputs);
    } else {
      ((DelegateExecution) scope).getProcessInstance().setVariables(outputs);
    }
    return outputs;
  }

  /**
   * A value the form has no field for is refused, not dropped: a client that sends it is wrong
   * about the form (an old page, a typo, or a try at what else Stegvis takes), and the submitter
   * should know that it was not kept. Known are the form's field keys, Stegvis's process variables
   * (the door guard refuses those that are not the step's own fields) and the values the open task
   * was prefilled with. Before anything is stored, so nothing is.
   */
  private void refuseUnknownFields(CaseForm form, Set<String> submitted, VariableScope scope) {
    String processDefinitionId = scope instanceof DelegateTask task ? task.getProcessDefinitionId()
        : ((DelegateExecution) scope).getProcessDefinitionId();
    var keys = fields.of(form.formId(), processDefinitionId);
    if (keys.isEmpty()) {
      return;
    }
    Set<String> prefilled = scope instanceof DelegateTask task ? task.getVariableNamesLocal() : Set.of();
    List<String> unknown = submitted.stream().filter(name -> !keys.get().contains(name)
        && !ProcessVariables.isAllowed(name) && !prefilled.contains(name)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new FormRejectedException(unknownFieldsMessage(unknown));
    }
  }

  /** Names as sent are shown only when they look like field keys, and at most five of them. */
  static String unknownFieldsMessage(List<String> unknown) {
    List<String> shown = unknown.stream().filter(name -> name.matches("[A-Za-z][A-Za-z0-9_-]{0,39}")).limit(5)
        .toList();
    String names = shown.isEmpty() ? "" : ": " + String.join(", ", shown)
        + (unknown.size() > shown.size() ? " med flera" : "");
    return "Formuläret innehåller uppgifter som inte hör till det" + names
        + ". Inget har sparats. Ladda om sidan och skicka formuläret igen.";
  }

  /**
   * The day the step happened judges its deadline. The form has checked it: a date, not in the
   * future, and not before the step could have happened (the referral, the start, the request).
   */
  private void registerStepDate(CaseForm form, FormValues values, DelegateTask task) {
    CaseForm.StepDateField field = form.stepDate();
    var on = field == null ? null : values.date(field.key(), field.label(), false);
    if (on != null) {
      // A step without its date (a placement request withdrawn at matching) happened the day it is registered.
      stepDates.happened(task.getId(), on);
    }
  }

  private CaseForm form(String formId) {
    CaseForm form = forms.get(formId);
    if (form == null) {
      throw new FormRejectedException("Formuläret \"" + formId + "\" tas inte emot av Stegvis. Kontakta administratören.");
    }
    return form;
  }
}
