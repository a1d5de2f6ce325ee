package se.stegvis.placement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.time.EngineClock;

/**
 * Start and end of the placement process ({@code work-placement}). At the start, the placement the
 * case asked for is linked to this process instance, which is how its forms find it. At the end,
 * a placement still under way is closed: the case's participation ended (exit, dropout, consent
 * withdrawn) and took the placement with it, or an administrator cancelled it.
 */
@Component("placementProcess")
class PlacementProcess implements ExecutionListener {

  static final String PARTICIPATION_ENDED = "PARTICIPATION_ENDED";

  private final PlacementRepository placements;
  private final EngineClock clock;
  private final WorkplaceMatching matching;

  PlacementProcess(PlacementRepository placements, EngineClock clock, WorkplaceMatching matching) {
    this.placements = placements;
    this.clock = clock;
    this.matching = matching;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      Long placementId = (Long) execution.getVariable(ProcessVariables.PLACEMENT_ID);
      Long caseId = (Long) execution.getVariable(ProcessVariables.CASE_ID);
      Placement placement = placements.findById(placementId)
          .filter(p -> p.getCaseId().equals(caseId) && p.getProcessInstanceId() == null)
          .orElseThrow(() -> new IllegalStateException(
              "Placement " + placementId + " is not an unstarted placement of case " + caseId));
      placement.attachProcess(execution.getProcessInstanceId());
      execution.setVariable(ProcessVariables.PLACEMENT_REQUEST_DATE, EngineClock.toDate(placement.getRequestedOn()));
    } else if (EVENTNAME_END.equals(execution.getEventName())) {
      placements.findByProcessInstanceId(execution.getProcessInstanceId())
          .filter(p -> PlacementStatus.OPEN.contains(p.getStatus()))
          .ifPresent(this::close);
    }
  }

  private void close(Placement placement) {
    if (placement.getStatus() == PlacementStatus.REQUESTED) {
      placement.withdraw("Deltagandet avslutades innan en praktikplats matchades.");
    } else {
      placement.end(clock.today(), "ENDED_EARLY", null, PARTICIPATION_ENDED, null);
      matching.refreshOpenMatchTasks();
    }
  }
}
