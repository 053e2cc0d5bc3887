package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.ElementInstanceKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: opens the dialogue's window once all feedback is cleared; returns its step id.
 */
@Component
public class OpenDialogueWorker {

  static final String TYPE = JOB_OPEN_DIALOGUE;

  public record Output(@JsonProperty(VAR_DIALOGUE_STEP_ID) long dialogueStepId) {}

  private final StepService steps;

  OpenDialogueWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE)
  public Output open(
      @ElementInstanceKey long elementInstanceKey,
      @ProcessInstanceKey long processInstanceKey,
      @Variable(name = VAR_REVIEW_ID) String reviewId) {
    return new Output(steps.openDialogue(elementInstanceKey, processInstanceKey, reviewId));
  }
}
