package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: after a step is completed, the kinds of notice that announce it. */
@Component
public class CloseStepWorker {

  static final String TYPE = JOB_CLOSE_STEP;

  private final StepService steps;

  CloseStepWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE, fetchVariables = {VAR_STEP_ID})
  public Map<String, Object> close(@Variable(name = VAR_STEP_ID) long stepId) {
    return Map.of(VAR_COMPLETION_NOTICES, steps.completionNotices(stepId));
  }
}
