package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.ElementInstanceKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import java.time.LocalDate;
import java.util.List;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: records a step occurrence with its deadline (or takes over the one an event
 * wrote, {@code stepId}); returns its id, due date and the notices that announce it.
 */
@Component
public class OpenStepWorker {

  static final String TYPE = JOB_OPEN_STEP;

  /** The step to open: the call activity's inputs, or the StepOpened message's variables. */
  public record Input(
      @JsonProperty(VAR_REVIEW_ID) String reviewId,
      @JsonProperty(VAR_STEP) Step step,
      @JsonProperty(VAR_STATE) String state,
      @JsonProperty(VAR_STEP_ID) Long stepId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Output(
      @JsonProperty(VAR_STEP_ID) long stepId,
      @JsonProperty(VAR_DUE) @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate due,
      @JsonProperty(VAR_OPENING_NOTICES) List<NoticeKind> openingNotices) {}

  private final StepService steps;

  OpenStepWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE)
  public Output open(
      @ElementInstanceKey long elementInstanceKey,
      @ProcessInstanceKey long processInstanceKey,
      @VariablesAsType Input in) {
    StepService.Opened opened =
        steps.open(
            elementInstanceKey,
            processInstanceKey,
            in.reviewId(),
            in.step(),
            in.state(),
            in.stepId());
    return new Output(opened.stepId(), opened.due(), opened.openingNotices());
  }
}
