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
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The emails the SMTP server accepted for one review, as their To addressee reads them: one entry
 * per message (the copies GreenMail keeps for each Cc are left out), with every part decoded.
 */
public final class ReceivedMail {

  /**
   * One email: its notice (the {@code X-RevFlow-Notice} header: review|step id|notice key|State),
   * To, Cc, subject, Content-Language, the decoded text of every part (plain text, HTML and the
   * calendar file) and the calendar part alone.
   */
  public record Mail(String notice, String to, List<String> cc, String subject, String language, String body,
      String calendar) {

    /** The notice key: ladder rungs are "KIND@date", opening notices "OPENED:KIND", events "EVENT-n:KIND:STATE". */
    public String noticeKey() {
      return notice.split("\\|")[2];
    }

    public boolean isAbout(String kind) {
      return noticeKey().equals(kind) || noticeKey().startsWith(kind + "@") || noticeKey().endsWith(":" + kind)
          || noticeKey().contains(":" + kind + ":");
    }

    /** The iCalendar UID, or null without a calendar part. */
    public String calendarUid() {
      if (calendar == null) {
        return null;
      }
      return Arrays.stream(calendar.split("\r?\n")).filter(l -> l.startsWith("UID:")).map(l -> l.substring(4))
          .findFirst().orElse(null);
    }
  }

  private ReceivedMail() {}

  public static List<Mail> of(GreenMail greenMail, String reviewId) {
    List<Mail> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        String[] notice = m.getHeader("X-RevFlow-Notice");
        if (notice == null || !notice[0].startsWith(reviewId + "|") || !seen.add(m.getMessageID())) {
          continue;
        }
        String to = address(m.getRecipients(Message.RecipientType.TO)[0]);
        jakarta.mail.Address[] ccs = m.getRecipients(Message.RecipientType.CC);
        List<String> cc = ccs == null ? List.of() : Arrays.stream(ccs).map(ReceivedMail::address).toList();
        String[] lang = m.getHeader("Content-Language");
        StringBuilder calendar = new StringBuilder();
        String body = text(m, calendar);
        out.add(new Mail(notice[0], to, cc, m.getSubject(), lang == null ? null : lang[0], body,
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

  private static String text(Part part, StringBuilder calendar) throws MessagingException, IOException {
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
