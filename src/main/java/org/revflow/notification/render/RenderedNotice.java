package org.revflow.notification.render;

import java.util.Optional;
import org.revflow.registry.Language;

/**
 * A notice ready to be put into a MIME message: a multipart/alternative of {@code text} and {@code
 * html}, plus the calendar part when present. All strings are UTF-8 safe; the subject is one line
 * (no CR/LF).
 */
public record RenderedNotice(
    String subject, String html, String text, Language language, Optional<Attachment> calendar) {

  /** A file part; {@code contentType} is the full header value, parameters included. */
  public record Attachment(String filename, String contentType, byte[] content) {}
}
