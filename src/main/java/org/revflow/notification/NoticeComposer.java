package org.revflow.notification;

import java.util.List;

/** Turns a notice for one addressee into an email's content (subject, text, HTML, attachments). */
public interface NoticeComposer {

  Composed compose(NoticeJob job, Addressee to);

  record Composed(String subject, String text, String html, List<Attachment> attachments) {}

  record Attachment(String filename, String contentType, byte[] content) {}
}
