package org.revflow.workplan;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.revflow.review.ReviewPlanService;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: the next date a planned review waits for (draw check, launch), or none, or the end. */
@Component
public class PlanNextMoveWorker {

  static final String TYPE = JOB_PLAN_LAUNCH;

  private final ReviewPlanService plans;

  PlanNextMoveWorker(ReviewPlanService plans) {
    this.plans = plans;
  }

  @JobWorker(type = TYPE, fetchVariables = {VAR_REVIEW_ID})
  public Map<String, Object> next(ActivatedJob job, @Variable(name = VAR_REVIEW_ID) String reviewId) {
    ReviewPlanService.NextMove move = plans.nextMove(reviewId, job.getProcessInstanceKey());
    Map<String, Object> out = new HashMap<>();
    out.put(VAR_PLAN_MOVE, move.kind().name());
    if (move.at() != null) {
      out.put(VAR_PLAN_AT, move.at());
    }
    return out;
  }
}
