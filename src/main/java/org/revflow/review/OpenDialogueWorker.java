package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: opens the dialogue's window once all feedback is cleared; returns its step id. */
@Component
public class OpenDialogueWorker {

  static final String TYPE = JOB_OPEN_DIALOGUE;

  private final StepService steps;

  OpenDialogueWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE, fetchVariables = {VAR_REVIEW_ID})
  public Map<String, Object> open(ActivatedJob job, @Variable(name = VAR_REVIEW_ID) String reviewId) {
    return Map.of(VAR_DIALOGUE_STEP_ID, steps.openDialogue(job.getElementInstanceKey(), job.getProcessInstanceKey(),
        reviewId));
  }
}
