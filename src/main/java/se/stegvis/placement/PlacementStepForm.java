package se.stegvis.placement;

import java.util.Map;

import se.stegvis.casefile.CaseFile;
import se.stegvis.codes.CodeSet;
import se.stegvis.codes.ReferenceCodes;
import se.stegvis.form.CaseForm;
import se.stegvis.problems.FormRejectedException;
import se.stegvis.form.FormSubmission;

/**
 * A form of a step of the placement process. The placement is the one linked to the task's
 * process instance (never an id the client sent), and it must stand where the step expects it.
 * The form shows the workplace it concerns, read from the registry.
 */
abstract class PlacementStepForm implements CaseForm {

  static final String WORKPLACE_SUMMARY = "workplaceSummary";

  protected final PlacementRepository placements;
  protected final WorkplaceRepository workplaces;
  protected final ReferenceCodes codes;

  PlacementStepForm(PlacementRepository placements, WorkplaceRepository workplaces, ReferenceCodes codes) {
    this.placements = placements;
    this.workplaces = workplaces;
    this.codes = codes;
  }

  /** The status the placement has when this step is done. */
  protected abstract PlacementStatus expectedStatus();

  @Override
  public Map<String, Object> prefill(CaseFile caseFile, String processInstanceId) {
    return placements.findByProcessInstanceId(processInstanceId)
        .filter(p -> p.getWorkplaceId() != null)
        .flatMap(p -> workplaces.findById(p.getWorkplaceId()))
        .<Map<String, Object>>map(w -> Map.of(WORKPLACE_SUMMARY, summary(w)))
        .orElse(Map.of());
  }

  protected Placement placement(FormSubmission submission) {
    Placement placement = placements.findByProcessInstanceId(submission.processInstanceId())
        .filter(p -> p.getCaseId().equals(submission.caseFile().getId()))
        .orElseThrow(() -> new FormRejectedException("Uppgiften hör inte till någon praktik i Stegvis."));
    if (placement.getStatus() != expectedStatus()) {
      throw new FormRejectedException("Praktiken är inte längre i det här steget (" + placement.getStatus().label()
          + "). Öppna uppgiftslistan igen.");
    }
    return placement;
  }

  protected Workplace workplace(Placement placement) {
    return workplaces.findById(placement.getWorkplaceId()).orElseThrow();
  }

  private String summary(Workplace w) {
    return w.getName() + ", " + w.getStreetAddress() + ", " + w.getPostalCode() + " " + w.getArea() + " – "
        + w.getEmployer().getName() + " (" + codes.label(CodeSet.SECTOR, w.getSector()) + ")"
        + (w.isIntroduced() ? "" : ". Arbetsplatsen har inte fått introduktion.");
  }
}
