package se.stegvis.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.ProcessVariables;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.deadline.DeadlineCalendar;

/**
 * The one way a form submission becomes case data. Attached to every user task and form start
 * event by {@link CaseFormsParseListener}: on create it prefills the form, on complete it hands
 * the submitted values to the feature's {@link CaseForm}, sets the process variables it returns
 * and removes every other submitted value from the engine.
 */
@Component("caseForms")
public class CaseForms implements TaskListener, ExecutionListener {

  private final Map<String, CaseForm> forms;
  private final CaseFileRepository caseFiles;
  private final ReferenceCodes codes;
  private final DeadlineCalendar calendar;
  private final IdentityService identityService;

  CaseForms(List<CaseForm> forms, CaseFileRepository caseFiles, ReferenceCodes codes,
      DeadlineCalendar calendar, IdentityService identityService) {
    this.forms = forms.stream().collect(Collectors.toMap(CaseForm::formId, Function.identity()));
    this.caseFiles = caseFiles;
    this.codes = codes;
    this.calendar = calendar;
    this.identityService = identityService;
  }

  public boolean handles(String formId) {
    return forms.containsKey(formId);
  }

  @Override
  public void notify(DelegateTask task) {
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    CaseForm form = form(element.getCamundaFormRef());
    Long caseId = (Long) task.getVariable(ProcessVariables.CASE_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      caseFiles.findById(caseId).ifPresent(c -> task.setVariablesLocal(form.prefill(c)));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      submit(form, caseId, task);
    }
  }

  /** A start form: a referral registered in Tasklist. One started by the API already has its case. */
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.hasVariable(ProcessVariables.CASE_ID)) {
      return;
    }
    StartEvent start = (StartEvent) execution.getBpmnModelElementInstance();
    Map<String, Object> outputs = submit(form(start.getCamundaFormRef()), null, execution);
    Long caseId = (Long) outputs.get(ProcessVariables.CASE_ID);
    caseFiles.findById(caseId).ifPresent(c -> {
      execution.setProcessBusinessKey(c.getCaseNumber());
      c.attachProcess(execution.getProcessInstanceId());
    });
  }

  private Map<String, Object> submit(CaseForm form, Long caseId, VariableScope scope) {
    Map<String, Object> submitted = new HashMap<>(scope.getVariables());
    var values = new FormValues(submitted, codes, calendar.today());
    var auth = identityService.getCurrentAuthentication();
    Map<String, Object> outputs = form.submit(
        new FormSubmission(caseId, values, auth == null ? null : auth.getUserId()));
    scope.removeVariables(submitted.keySet().stream().filter(n -> !ProcessVariables.isAllowed(n)).toList());
    if (scope instanceof DelegateTask task) {
      task.removeVariablesLocal(task.getVariableNamesLocal());
      task.getExecution().getProcessInstance().setVariables(outputs);
    } else {
      ((DelegateExecution) scope).getProcessInstance().setVariables(outputs);
    }
    return outputs;
  }

  private CaseForm form(String formId) {
    CaseForm form = forms.get(formId);
    if (form == null) {
      throw new FormRejectedException("Formuläret \"" + formId + "\" tas inte emot av Stegvis. Kontakta administratören.");
    }
    return form;
  }
}
