package org.revflow.notification;

import static org.revflow.process.ProcessConstants.*;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Duration;
import org.revflow.config.LogSafe;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@value #TYPE}: every notice of every model. Reads what the notice is about, lets the notice
 * service deliver it, and completes the job; a failed delivery fails the job with a growing
 * back-off so that Zeebe retries it, and raises an incident naming who did not get what when
 * retries run out.
 */
@Component
public class NoticeWorker {

  static final String TYPE = JOB_NOTICE;
  private static final Logger log = LoggerFactory.getLogger(NoticeWorker.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  private static final Duration MAX_BACKOFF = Duration.ofHours(6);

  private final NoticeService notices;

  NoticeWorker(NoticeService notices) {
    this.notices = notices;
  }

  /** What the models say about a notice; the step's State and deadline are read from its row. */
  public record Input(
      @JsonProperty(VAR_REVIEW_ID) String reviewId,
      @JsonProperty(VAR_STEP_ID) Long stepId,
      @JsonProperty(VAR_NOTICE_KEY) String noticeKey,
      @JsonProperty(VAR_NOTICE_KIND) NoticeKind noticeKind,
      @JsonProperty(VAR_STEP) Step step,
      @JsonProperty(VAR_STATE) String state,
      @JsonProperty(VAR_EVENT_ID) Long eventId) {

    NoticeJob toNotice() {
      return new NoticeJob(reviewId, stepId, noticeKey, noticeKind, step, state, null, 0, eventId);
    }
  }

  // The job itself is injected (its key, its retries), so the variables are not inferred from
  // Input.
  @JobWorker(
      type = TYPE,
      autoComplete = false,
      fetchVariables = {
        VAR_REVIEW_ID,
        VAR_STEP_ID,
        VAR_NOTICE_KEY,
        VAR_NOTICE_KIND,
        VAR_STEP,
        VAR_STATE,
        VAR_EVENT_ID
      })
  public void handle(JobClient client, ActivatedJob job, @VariablesAsType Input in) {
    NoticeJob notice = in.toNotice();
    NoticeService.Delivery delivery;
    try {
      delivery = notices.deliver(notice, job.getKey());
    } catch (RuntimeException e) {
      boolean permanent = e instanceof NoticeDeliveryException d && d.permanent();
      int retriesLeft = permanent ? 0 : Math.max(0, job.getRetries() - 1);
      client
          .newFailCommand(job.getKey())
          .retries(retriesLeft)
          .retryBackoff(backoff(job.getRetries()))
          .errorMessage(e.getMessage())
          .send()
          .join();
      // The job's error message (Operate's incident) names the addresses; the log names person ids.
      log.warn(
          "{} {} failed ({} retries left): {}",
          notice.kind(),
          notice.noticeKey(),
          retriesLeft,
          e instanceof NoticeDeliveryException d ? d.logMessage() : LogSafe.redact(e.getMessage()));
      return;
    }
    try {
      client.newCompleteCommand(job.getKey()).send().join();
    } catch (RuntimeException e) {
      // Delivered, but the engine did not take the completion (busy, or unreachable). Failing the
      // job would spend a retry and put a misleading error on it; left alone it times out and comes
      // back, and the notice log keeps its notices from going out twice.
      log.warn(
          "{} {} delivered but not completed, the job will come back: {}",
          notice.kind(),
          notice.noticeKey(),
          LogSafe.redact(e.getMessage()));
      return;
    }
    log.debug(
        "{} {}: {} sent, {} already sent before",
        notice.kind(),
        notice.noticeKey(),
        delivery.sentNow(),
        delivery.sentBefore());
  }

  /** The retries every notice task of the models declares (BpmnModelsTest holds them to it). */
  public static final int RETRIES = 45;

  /**
   * 1 min, 2, 4, ... up to 6 h: with {@link #RETRIES} tries that is about nine days of patience, so
   * a mail server down for a week delivers everything when it is back, without an incident.
   */
  static Duration backoff(int retriesBefore) {
    int failuresSoFar = Math.max(0, RETRIES - retriesBefore);
    long minutes = FIRST_BACKOFF.toMinutes() << Math.min(failuresSoFar, 20);
    return minutes >= MAX_BACKOFF.toMinutes() ? MAX_BACKOFF : Duration.ofMinutes(minutes);
  }
}
