package org.revflow.notification.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revflow.registry.Language;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A rendered notice survives the trip through a real MIME message (written to bytes and parsed
 * back) unchanged: subject, text, HTML and calendar, in Chinese and Arabic as in every language.
 */
class NoticeMimeTest {

  private static final NoticeRenderer renderer = Notices.renderer();

  @ParameterizedTest
  @EnumSource(Language.class)
  void survivesAUtf8MimeRoundTrip(Language language) throws Exception {
    RenderedNotice notice =
        renderer.render(Notices.typical(NoticeKind.REMINDER), Notices.recipient(language));

    Session session = Session.getInstance(new Properties());
    MimeMessage message = new MimeMessage(session);
    MimeMessageHelper helper =
        new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    helper.setFrom("revflow-no-reply@example.org");
    helper.setTo("fp@aut.example");
    helper.setSubject(notice.subject());
    helper.setText(notice.text(), notice.html());
    RenderedNotice.Attachment ics = notice.calendar().orElseThrow();
    helper.addAttachment(ics.filename(), new ByteArrayResource(ics.content()), ics.contentType());
    message.saveChanges();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    message.writeTo(wire);
    // 7-bit clean on the wire: every non-ASCII character was encoded.
    for (byte b : wire.toByteArray()) {
      assertThat(b).as("byte on the wire").isNotNegative();
    }

    MimeMessage received = new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
    assertThat(received.getSubject()).isEqualTo(notice.subject());
    List<Part> leaves = new ArrayList<>();
    collect(received, leaves);
    // MIME carries text in canonical form, lines ending in CRLF: compare modulo line ends.
    assertThat(text(leaves, "text/plain")).isEqualToNormalizingNewlines(notice.text());
    assertThat(text(leaves, "text/html")).isEqualToNormalizingNewlines(notice.html());
    assertThat(bytes(leaves, "text/calendar")).isEqualTo(ics.content());

    if (language == Language.ZH) {
      assertThat(text(leaves, "text/html")).contains("2027年7月4日", "自评调查表", "奥地利");
    }
    if (language == Language.AR) {
      assertThat(text(leaves, "text/html"))
          .contains("dir=\"rtl\"", "4 يوليو 2027", "استبيان التقييم الذاتي", "النمسا");
    }
  }

  private static void collect(Part part, List<Part> leaves) throws Exception {
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, leaves);
      }
    } else {
      leaves.add(part);
    }
  }

  private static Part find(List<Part> leaves, String type) throws Exception {
    for (Part part : leaves) {
      if (part.isMimeType(type)) {
        return part;
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static String text(List<Part> leaves, String type) throws Exception {
    return new String(bytes(leaves, type), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(List<Part> leaves, String type) throws Exception {
    try (InputStream in = find(leaves, type).getInputStream()) {
      return in.readAllBytes();
    }
  }
}
