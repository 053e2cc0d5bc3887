package org.revflow.notification;

import java.util.List;
import org.springframework.stereotype.Component;

/** TEMPORARY: plain English text until the localized renderer lands. */
@Component
class PlainNoticeComposer implements NoticeComposer {
  @Override
  public Composed compose(NoticeJob job, Addressee to) {
    String subject = "[UNTOC review " + job.reviewId() + "] " + job.kind()
        + (job.step() == null ? "" : " " + job.step()) + (job.due() == null ? "" : " due " + job.due());
    return new Composed(subject, subject + "\n", null, List.of());
  }
}
