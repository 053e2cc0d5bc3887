package org.revflow.faults;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.revflow.testsupport.RecordingSmtpServer;

/**
 * An SMTP server that takes its time (or none: with delay 0 it is a plain sink that accepts at
 * once, which the worker benchmark uses because GreenMail's own handling caps below the worker): it
 * waits {@code delayMillis} after the message data before it accepts, as a loaded mail relay does,
 * so that job timeouts run out while a worker is still sending. Records every accepted message by
 * notice (the {@code X-RevFlow-Notice} header and the To address, i.e. the notice log's unique
 * key). One thread per connection: many workers send at once.
 */
public final class SlowSmtpServer extends RecordingSmtpServer {

  private final long delayMillis;
  private final AtomicInteger inProgress = new AtomicInteger();

  public SlowSmtpServer(long delayMillis) {
    super("slow-smtp");
    this.delayMillis = delayMillis;
  }

  /** Messages whose data arrived and that are not yet accepted. */
  int inProgress() {
    return inProgress.get();
  }

  /** Message-IDs accepted per notice key. */
  Map<String, Set<String>> byNotice(String reviewId) {
    Map<String, Set<String>> out = new ConcurrentHashMap<>();
    for (Accepted a : accepted()) {
      if (a.noticeKey().startsWith(reviewId + "|")) {
        out.computeIfAbsent(a.noticeKey(), k -> new LinkedHashSet<>()).add(a.messageId());
      }
    }
    return out;
  }

  @Override
  protected void beforeAccepting() throws InterruptedException {
    inProgress.incrementAndGet();
    try {
      Thread.sleep(delayMillis);
    } finally {
      inProgress.decrementAndGet();
    }
  }
}
