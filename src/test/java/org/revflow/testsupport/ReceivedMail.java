package org.revflow.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.revflow.notification.Notice;
import org.revflow.vocabulary.NoticeKind;

/**
 * The emails the SMTP server accepted for a review's notices: one per row of the notice log, found
 * by its Message-ID (the copies GreenMail keeps for each Cc are the same message), with every part
 * decoded as its To addressee reads it.
 */
public final class ReceivedMail {

  /**
   * One email: the notice row it was sent for, To, Cc, subject, Content-Language, the decoded text
   * of every part (plain text, HTML and the calendar file) and the calendar part alone.
   */
  public record Mail(
      Notice row,
      String to,
      List<String> cc,
      String subject,
      String language,
      String body,
      String calendar) {

    public NoticeKind kind() {
      return row.getKind();
    }

    public String step() {
      return row.getStep();
    }

    public String state() {
      return row.getStateCode();
    }

    /** The iCalendar UID, or null without a calendar part. */
    public String calendarUid() {
      if (calendar == null) {
        return null;
      }
      return Arrays.stream(calendar.split("\r?\n"))
          .filter(l -> l.startsWith("UID:"))
          .map(l -> l.substring(4))
          .findFirst()
          .orElse(null);
    }

    @Override
    public String toString() {
      return ReviewDriver.line(row);
    }
  }

  private ReceivedMail() {}

  /** The email of each sent row of {@code rows}; fails when the server has none for a row. */
  public static List<Mail> of(GreenMail greenMail, List<Notice> rows) {
    Map<String, MimeMessage> byId = new HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        byId.putIfAbsent(m.getMessageID(), m);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    List<Mail> out = new ArrayList<>();
    for (Notice row : rows) {
      if (row.getStatus() != Notice.Status.SENT) {
        continue;
      }
      MimeMessage m = byId.get(row.getSmtpMessageId());
      if (m == null) {
        throw new AssertionError("no email for " + ReviewDriver.line(row));
      }
      try {
        String to = address(m.getRecipients(Message.RecipientType.TO)[0]);
        jakarta.mail.Address[] ccs = m.getRecipients(Message.RecipientType.CC);
        List<String> cc =
            ccs == null ? List.of() : Arrays.stream(ccs).map(ReceivedMail::address).toList();
        String[] lang = m.getHeader("Content-Language");
        StringBuilder calendar = new StringBuilder();
        String body = text(m, calendar);
        out.add(
            new Mail(
                row,
                to,
                cc,
                m.getSubject(),
                lang == null ? null : lang[0],
                body,
                calendar.isEmpty() ? null : calendar.toString()));
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private static String address(jakarta.mail.Address a) {
    return ((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT);
  }

  private static String text(Part part, StringBuilder calendar)
      throws MessagingException, IOException {
    Object content = part.getContent();
    String text;
    if (content instanceof Multipart mp) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < mp.getCount(); i++) {
        parts.add(text(mp.getBodyPart(i), calendar));
      }
      return parts.stream().collect(Collectors.joining("\n"));
    } else if (content instanceof String s) {
      text = s;
    } else if (content instanceof InputStream in) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } else {
      return "";
    }
    if (part.isMimeType("text/calendar")) {
      calendar.append(text);
    }
    return text;
  }
}
