package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.LocalDate;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: the date and kind of the next notice of a step's ladder. The timer that waits for
 * it gets the date as an ISO date-time in Vienna time; nothing while nothing is to be sent.
 */
@Component
public class PlanNextNoticeWorker {

  static final String TYPE = JOB_PLAN_NEXT_NOTICE;

  /**
   * With no rung planned, the rung's fields are left out, not sent as null: they keep their last
   * values, so the gateway reads the flags {@code stepOpen} and {@code noticePlanned}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Output(
      @JsonProperty(VAR_STEP_OPEN) boolean stepOpen,
      @JsonProperty(VAR_NOTICE_PLANNED) boolean noticePlanned,
      @JsonProperty(VAR_NEXT_NOTICE_AT) String nextNoticeAt,
      @JsonProperty(VAR_NEXT_NOTICE_KIND) NoticeKind nextNoticeKind,
      @JsonProperty(VAR_NOTICE_KEY) String noticeKey,
      @JsonProperty(VAR_DUE) @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate due) {}

  private final StepService steps;

  PlanNextNoticeWorker(StepService steps) {
    this.steps = steps;
  }

  @JobWorker(type = TYPE)
  public Output plan(
      @Variable(name = VAR_STEP_ID) long stepId,
      @Variable(name = VAR_LAST_SENT_NOTICE_KEY, optional = true) String lastSent) {
    StepService.Plan plan = steps.planNext(stepId, lastSent);
    return plan.next()
        .map(
            p ->
                new Output(
                    plan.stepOpen(), true, p.sendAt(), p.rung().kind(), p.rung().key(), plan.due()))
        .orElseGet(() -> new Output(plan.stepOpen(), false, null, null, null, plan.due()));
  }
}
