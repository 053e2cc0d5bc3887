package org.revflow.local;

import com.icegreen.greenmail.util.GreenMail;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Lets a user of the local run watch notices arrive without a mail client: {@code /local/mail} as
 * JSON and {@code /local/mail.html} as a page. Only on the test classpath, never in production.
 */
@RestController
@Tag(
    name = "Local run",
    description =
        "Only in the local run (./mvnw spring-boot:test-run) and the tests, never in "
            + "production: the mail the embedded mail server captured, and whole simulated reviews.")
class CapturedMailController {

  private final GreenMail greenMail;

  CapturedMailController(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  record CapturedMail(
      String messageId,
      Instant received,
      String from,
      List<String> to,
      List<String> cc,
      String subject,
      String body) {}

  /**
   * Newest first; one entry per message (GreenMail keeps a copy per recipient, To and Cc alike).
   */
  @GetMapping(path = "/local/mail", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Read the captured mail (local run only)",
      description =
          "Every message the local run's mail server received, newest first (/local/mail.html shows them "
              + "as a page).")
  List<CapturedMail> mail() throws MessagingException {
    MimeMessage[] messages = greenMail.getReceivedMessages();
    java.util.Set<String> seen = new java.util.HashSet<>();
    return Arrays.stream(messages)
        .map(CapturedMailController::toCaptured)
        .filter(m -> m.messageId() == null || seen.add(m.messageId()))
        .toList()
        .reversed();
  }

  @GetMapping(path = "/local/mail.html", produces = MediaType.TEXT_HTML_VALUE)
  @Hidden
  String page() throws MessagingException {
    StringBuilder html =
        new StringBuilder(
            """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>RevFlow: captured mail</title>
        <style>body{font-family:sans-serif;margin:2em}article{border:1px solid #ccc;margin:1em 0;padding:1em}
        pre{white-space:pre-wrap}</style></head><body><h1>Captured mail (newest first)</h1>
        """);
    List<CapturedMail> all = mail();
    if (all.isEmpty()) {
      html.append("<p>No mail yet.</p>");
    }
    for (CapturedMail m : all) {
      html.append("<article><h2>")
          .append(HtmlUtils.htmlEscape(m.subject()))
          .append("</h2><p>To: ")
          .append(HtmlUtils.htmlEscape(String.join(", ", m.to())))
          .append(" · Cc: ")
          .append(HtmlUtils.htmlEscape(String.join(", ", m.cc())))
          .append(" · ")
          .append(m.received())
          .append("</p><pre>")
          .append(HtmlUtils.htmlEscape(m.body()))
          .append("</pre></article>");
    }
    return html.append("</body></html>").toString();
  }

  private static CapturedMail toCaptured(MimeMessage m) {
    try {
      return new CapturedMail(
          m.getMessageID(),
          m.getSentDate() == null ? null : m.getSentDate().toInstant(),
          first(m.getFrom()),
          all(m.getRecipients(MimeMessage.RecipientType.TO)),
          all(m.getRecipients(MimeMessage.RecipientType.CC)),
          m.getSubject(),
          plainText(m));
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text/plain part of a notice (they are multipart: text, HTML and maybe a calendar file). */
  private static String plainText(jakarta.mail.Part part)
      throws MessagingException, java.io.IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private static String first(Address[] a) {
    return a == null || a.length == 0 ? "" : a[0].toString();
  }

  private static List<String> all(Address[] a) {
    return a == null ? List.of() : Arrays.stream(a).map(Address::toString).toList();
  }
}
