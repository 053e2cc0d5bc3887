package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.List;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.stereotype.Component;

/** {@value #TYPE}: after a step is completed, the kinds of notice that announce it. */
@Component
public class CloseStepWorker {

  static final String TYPE = JOB_CLOSE_STEP;

  public record Output(@JsonProperty(VAR_COMPLETION_NOTICES) List<NoticeKind> completionNotices) {}

  private final StepService steps;

  CloseStepWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE)
  public Output close(@Variable(name = VAR_STEP_ID) long stepId) {
    return new Output(steps.completionNotices(stepId));
  }
}
