package org.revflow.notification;

import java.time.LocalDate;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/**
 * A notice job as the models create it: what to announce, about which step and State. Addressees
 * are not in it; they are resolved when the notice is sent.
 */
public record NoticeJob(
    String reviewId,
    Long stepId,
    String noticeKey,
    NoticeKind kind,
    Step step,
    String state,
    LocalDate due,
    int deadlineRevision,
    Long eventId) {

  /** The part of the dedup key shared by all addressees of this notice. */
  public String identity() {
    return reviewId
        + "|"
        + (stepId == null ? "-" : stepId)
        + "|"
        + noticeKey
        + "|"
        + (state == null ? "-" : state);
  }
}
