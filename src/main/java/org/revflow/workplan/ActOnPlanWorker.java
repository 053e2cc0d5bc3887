package org.revflow.workplan;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.revflow.review.ReviewPlanService;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: a planned review's date has come: it launches, or the secretariat is told a draw
 * is needed.
 */
@Component
public class ActOnPlanWorker {

  static final String TYPE = JOB_ACT_ON_PLAN;

  public record Output(@JsonProperty(VAR_PLAN_OUTCOME) ReviewPlanService.Outcome planOutcome) {}

  private final ReviewPlanService plans;

  ActOnPlanWorker(ReviewPlanService plans) {
    this.plans = plans;
  }

  @JobWorker(type = TYPE)
  public Output act(
      @Variable(name = VAR_REVIEW_ID) String reviewId,
      @Variable(name = VAR_PLAN_MOVE) ReviewPlanService.NextMove.Kind move) {
    return new Output(plans.act(reviewId, move));
  }
}
