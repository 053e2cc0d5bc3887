package org.revflow.faults;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the SMTP server accepted for one review, by notice row: the key is the notice identity (the
 * {@code X-RevFlow-Notice} header) and the To address, as the notice log's unique key. A notice
 * sent once has one Message-ID (its Cc copies share it); a notice sent twice has two.
 */
final class DeliveredMail {

  private DeliveredMail() {}

  /** Message-IDs accepted per "identity|to" of the review. */
  static Map<String, Set<String>> byNotice(GreenMail greenMail, String reviewId) {
    Map<String, Set<String>> out = new HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        String[] h = m.getHeader("X-RevFlow-Notice");
        if (h == null || !h[0].startsWith(reviewId + "|")) {
          continue;
        }
        String to =
            ((InternetAddress) m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0])
                .getAddress()
                .toLowerCase(Locale.ROOT);
        out.computeIfAbsent(h[0] + "|" + to, k -> new LinkedHashSet<>()).add(m.getMessageID());
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Messages accepted beyond the first, over every notice of the review. */
  static int duplicates(Map<String, Set<String>> byNotice) {
    return byNotice.values().stream().mapToInt(s -> s.size() - 1).sum();
  }
}
