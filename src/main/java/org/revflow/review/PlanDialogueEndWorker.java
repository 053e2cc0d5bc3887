package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: when the dialogue's window ends, or that it has ended (no request open) and the
 * dialogue is closed. The timer gets the end as an ISO date-time in Vienna time; none while it waits.
 */
@Component
public class PlanDialogueEndWorker {

  static final String TYPE = JOB_PLAN_DIALOGUE_END;

  private final StepService steps;

  PlanDialogueEndWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE, fetchVariables = {VAR_DIALOGUE_STEP_ID})
  public Map<String, Object> plan(@Variable(name = VAR_DIALOGUE_STEP_ID) long windowId) {
    StepService.DialogueEnd end = steps.planDialogueEnd(windowId);
    Map<String, Object> out = new HashMap<>();
    out.put(VAR_DIALOGUE_CLOSED, end.closed());
    // The client leaves out variables set to null, so the gateway reads a flag, never a stale date.
    out.put(VAR_DIALOGUE_END_PLANNED, end.endsAt() != null);
    if (end.endsAt() != null) {
      out.put(VAR_DIALOGUE_ENDS_AT, end.endsAt());
    }
    return out;
  }
}
