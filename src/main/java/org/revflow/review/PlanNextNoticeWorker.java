package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: the date and kind of the next notice of a step's ladder. The timer that waits
 * for it gets the date as an ISO date-time in Vienna time; "none" while nothing is to be sent.
 */
@Component
public class PlanNextNoticeWorker {

  static final String TYPE = JOB_PLAN_NEXT_NOTICE;

  private final StepService steps;

  PlanNextNoticeWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE, fetchVariables = {VAR_STEP_ID, VAR_LAST_SENT_NOTICE_KEY})
  public Map<String, Object> plan(@Variable(name = VAR_STEP_ID) long stepId,
      @Variable(name = VAR_LAST_SENT_NOTICE_KEY, optional = true) String lastSent) {
    Map<String, Object> out = new HashMap<>();
    StepService.Plan plan = steps.planNext(stepId, lastSent);
    var planned = plan.next();
    out.put(VAR_STEP_OPEN, plan.stepOpen());
    out.put(VAR_NOTICE_PLANNED, planned.isPresent());
    out.put(VAR_NEXT_NOTICE_AT, planned.map(StepService.Planned::sendAt).orElse(null));
    out.put(VAR_NEXT_NOTICE_KIND, planned.map(p -> p.rung().kind().name()).orElse(null));
    out.put(VAR_NOTICE_KEY, planned.map(p -> p.rung().key()).orElse(null));
    out.put(VAR_DUE, plan.due().toString());
    return out;
  }
}
