package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: launches the same State's next phase, once, with the same reviewing States. */
@Component
public class LaunchNextPhaseWorker {

  static final String TYPE = JOB_LAUNCH_NEXT_PHASE;

  private final ReviewService reviews;

  LaunchNextPhaseWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = TYPE, fetchVariables = {VAR_REVIEW_ID})
  public Map<String, Object> launch(@Variable(name = VAR_REVIEW_ID) String reviewId) {
    return Map.of("nextReviewId", reviews.launchNextPhase(reviewId).getId());
  }
}
