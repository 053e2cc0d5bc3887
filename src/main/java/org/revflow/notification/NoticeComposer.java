package org.revflow.notification;

import java.util.List;
import java.util.function.Function;

/** Turns a notice for one addressee into an email's content (subject, text, HTML, attachments). */
public interface NoticeComposer {

  Composed compose(NoticeJob job, Addressee to);

  /**
   * For one job's addressees in a row: what does not depend on the addressee (the review, the
   * event) may be looked up once, here (inside the notice's read transaction), instead of once per
   * addressee.
   */
  default Function<Addressee, Composed> forJob(NoticeJob job) {
    return to -> compose(job, to);
  }

  record Composed(String subject, String text, String html, List<Attachment> attachments) {}

  record Attachment(String filename, String contentType, byte[] content) {}
}
