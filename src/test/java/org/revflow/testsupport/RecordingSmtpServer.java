package org.revflow.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An SMTP server that accepts every message and keeps only what the tests count by: the {@code
 * X-RevFlow-Notice} header, the first recipient and the Message-ID (the notice log's unique key is
 * the first two). It reads the headers and nothing else, unlike GreenMail, which parses and stores
 * every message for each recipient: in a benchmark on the same cores that work is the test mail
 * server's, not RevFlow's. Subclasses may hold a message before accepting it.
 */
public class RecordingSmtpServer extends ScriptedSmtpServer {

  /** One accepted message. {@code notice} is null for a message without RevFlow's header. */
  public record Accepted(String notice, String to, String messageId) {

    /** The notice log's key for this message: notice identity and addressee. */
    public String noticeKey() {
      return notice + "|" + to;
    }
  }

  private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();

  public RecordingSmtpServer() {
    this("recording-smtp");
  }

  protected RecordingSmtpServer(String name) {
    super(name);
  }

  /** What was accepted so far, in order. */
  public List<Accepted> accepted() {
    return new ArrayList<>(accepted);
  }

  /** Takes what was accepted so far out of the server (a long run need not keep it twice). */
  public List<Accepted> drain() {
    List<Accepted> out = new ArrayList<>();
    Accepted a;
    while ((a = accepted.poll()) != null) {
      out.add(a);
    }
    return out;
  }

  /** Called with the message's data read, before it is accepted: a subclass may wait here. */
  protected void beforeAccepting() throws InterruptedException {}

  @Override
  protected final void received(List<String> recipients, List<String> lines)
      throws InterruptedException {
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
    beforeAccepting();
    accepted.add(
        new Accepted(notice, recipients.isEmpty() ? "" : recipients.getFirst(), messageId));
  }
}
