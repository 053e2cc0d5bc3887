package org.revflow.faults;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.revflow.testsupport.ScriptedSmtpServer;

/**
 * An SMTP server that takes its time (or none: with delay 0 it is a plain sink that accepts at once,
 * which the worker benchmark uses because GreenMail's own handling caps below the worker): it waits {@code delayMillis} after the message data before it
 * accepts, as a loaded mail relay does, so that job timeouts run out while a worker is still sending.
 * Records every accepted message by notice (the {@code X-RevFlow-Notice} header and the To address,
 * i.e. the notice log's unique key). One thread per connection: many workers send at once.
 */
public final class SlowSmtpServer extends ScriptedSmtpServer {

  /** One accepted message. */
  record Accepted(String noticeKey, String messageId) {}

  private final long delayMillis;
  private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger inProgress = new AtomicInteger();

  public SlowSmtpServer(long delayMillis) {
    super("slow-smtp");
    this.delayMillis = delayMillis;
  }

  List<Accepted> accepted() {
    return accepted;
  }

  /** Messages whose data arrived and that are not yet accepted. */
  int inProgress() {
    return inProgress.get();
  }

  /** Message-IDs accepted per notice key. */
  Map<String, Set<String>> byNotice(String reviewId) {
    Map<String, Set<String>> out = new ConcurrentHashMap<>();
    for (Accepted a : accepted) {
      if (a.noticeKey().startsWith(reviewId + "|")) {
        out.computeIfAbsent(a.noticeKey(), k -> new java.util.LinkedHashSet<>()).add(a.messageId());
      }
    }
    return out;
  }

  @Override
  protected void received(List<String> recipients, List<String> lines) throws InterruptedException {
    String notice = null;
    String messageId = null;
    String last = null;
    for (String line : lines) {
      if (line.isEmpty()) {
        break; // end of the headers
      } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
        // a folded header continues the previous one
        if (last.equals("x-revflow-notice")) {
          notice += line.strip();
        } else if (last.equals("message-id")) {
          messageId += line.strip();
        }
      } else if (line.indexOf(':') > 0) {
        last = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
        String value = line.substring(line.indexOf(':') + 1).strip();
        if (last.equals("x-revflow-notice")) {
          notice = value;
        } else if (last.equals("message-id")) {
          messageId = value;
        }
      }
    }
    inProgress.incrementAndGet();
    try {
      Thread.sleep(delayMillis);
    } finally {
      inProgress.decrementAndGet();
    }
    accepted.add(new Accepted(notice + "|" + (recipients.isEmpty() ? "" : recipients.get(0)), messageId));
  }
}
