package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: when the dialogue's window ends, or that it has ended (no request open) and the
 * dialogue is closed. The timer gets the end as an ISO date-time in Vienna time; none while it
 * waits.
 */
@Component
public class PlanDialogueEndWorker {

  static final String TYPE = JOB_PLAN_DIALOGUE_END;

  /**
   * A null end is left out, not sent: the variable keeps its last value, so the gateway reads the
   * flag {@code dialogueEndPlanned}, never the presence of a date.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Output(
      @JsonProperty(VAR_DIALOGUE_CLOSED) boolean dialogueClosed,
      @JsonProperty(VAR_DIALOGUE_END_PLANNED) boolean dialogueEndPlanned,
      @JsonProperty(VAR_DIALOGUE_ENDS_AT) String dialogueEndsAt) {}

  private final StepService steps;

  PlanDialogueEndWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE)
  public Output plan(@Variable(name = VAR_DIALOGUE_STEP_ID) long windowId) {
    StepService.DialogueEnd end = steps.planDialogueEnd(windowId);
    return new Output(end.closed(), end.endsAt() != null, end.endsAt());
  }
}
