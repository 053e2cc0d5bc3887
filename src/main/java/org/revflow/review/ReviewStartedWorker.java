package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: the review's instance, started by the launch's message after commit, writes its
 * key on the review (the API shows it; a reviewer replaced later sets variables on it). A second
 * instance for the same review stops here with an incident at once, before it sends anything.
 */
@Component
public class ReviewStartedWorker {

  static final String TYPE = JOB_REVIEW_STARTED;

  private final ReviewLaunchService reviews;

  ReviewStartedWorker(ReviewLaunchService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = TYPE)
  public void started(
      @ProcessInstanceKey long processInstanceKey,
      @Variable(name = VAR_REVIEW_ID) String reviewId) {
    long runsIn = reviews.recordProcessInstance(reviewId, processInstanceKey);
    if (runsIn != processInstanceKey) {
      // No retries: trying again cannot change which instance the review runs in.
      throw CamundaError.jobError(
          "review "
              + reviewId
              + " already runs in process instance "
              + runsIn
              + "; this instance is a second one for it: cancel it",
          null,
          0);
    }
  }
}
