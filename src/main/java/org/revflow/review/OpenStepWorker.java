package org.revflow.review;

import org.revflow.vocabulary.Step;
import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: records a step occurrence with its deadline (or takes over the one an event wrote,
 * {@code stepId}); returns its id, due date and the notices that announce it.
 */
@Component
public class OpenStepWorker {

  static final String TYPE = JOB_OPEN_STEP;

  private final StepService steps;

  OpenStepWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE, fetchVariables = {VAR_REVIEW_ID, VAR_STEP, VAR_STATE, VAR_STEP_ID})
  public Map<String, Object> open(ActivatedJob job, @Variable(name = VAR_REVIEW_ID) String reviewId,
      @Variable(name = VAR_STEP) String step, @Variable(name = VAR_STATE, optional = true) String state,
      @Variable(name = VAR_STEP_ID, optional = true) Long stepId) {
    StepService.Opened opened = steps.open(job.getElementInstanceKey(), job.getProcessInstanceKey(), reviewId,
        Step.valueOf(step), state, stepId);
    return Map.of(VAR_STEP_ID, opened.stepId(), VAR_DUE, opened.due().toString(),
        VAR_OPENING_NOTICES, opened.openingNotices());
  }
}
