package org.revflow.workplan;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.revflow.review.ReviewPlanService;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: a planned review's date has come: it launches, or the secretariat is told a draw is needed. */
@Component
public class ActOnPlanWorker {

  static final String TYPE = JOB_ACT_ON_PLAN;

  private final ReviewPlanService plans;

  ActOnPlanWorker(ReviewPlanService plans) {
    this.plans = plans;
  }

  @JobWorker(type = TYPE, fetchVariables = {VAR_REVIEW_ID, VAR_PLAN_MOVE})
  public Map<String, Object> act(@Variable(name = VAR_REVIEW_ID) String reviewId,
      @Variable(name = VAR_PLAN_MOVE) String move) {
    return Map.of(VAR_PLAN_OUTCOME,
        plans.act(reviewId, ReviewPlanService.NextMove.Kind.valueOf(move)).name());
  }
}
