package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: marks the review completed once its outputs are transmitted. */
@Component
public class CompleteReviewWorker {

  static final String TYPE = JOB_COMPLETE_REVIEW;

  private final ReviewLaunchService reviews;

  CompleteReviewWorker(ReviewLaunchService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = TYPE)
  public void complete(@Variable(name = VAR_REVIEW_ID) String reviewId) {
    reviews.markCompleted(reviewId);
  }
}
