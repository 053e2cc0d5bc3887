package org.revflow.workplan;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import org.revflow.review.ReviewPlanService;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: the next date a planned review waits for (draw check, launch), or none, or the
 * end.
 */
@Component
public class PlanNextMoveWorker {

  static final String TYPE = JOB_PLAN_LAUNCH;

  /**
   * Without a date ({@code WAIT}, {@code DONE}) the timer's variable is left out; the gateway reads
   * the move.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Output(
      @JsonProperty(VAR_PLAN_MOVE) ReviewPlanService.NextMove.Kind planMove,
      @JsonProperty(VAR_PLAN_AT) String planAt) {}

  private final ReviewPlanService plans;

  PlanNextMoveWorker(ReviewPlanService plans) {
    this.plans = plans;
  }

  @JobWorker(type = TYPE)
  public Output next(
      @ProcessInstanceKey long processInstanceKey,
      @Variable(name = VAR_REVIEW_ID) String reviewId) {
    ReviewPlanService.NextMove move = plans.nextMove(reviewId, processInstanceKey);
    return new Output(move.kind(), move.at());
  }
}
