package org.revflow.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that takes its time (or none: with delay 0 it is a plain sink that accepts at once,
 * which the worker benchmark uses because GreenMail's own handling caps below the worker): it waits {@code delayMillis} after the message data before it
 * accepts, as a loaded mail relay does, so that job timeouts run out while a worker is still sending.
 * Records every accepted message by notice (the {@code X-RevFlow-Notice} header and the To address,
 * i.e. the notice log's unique key). One thread per connection: many workers send at once.
 */
public final class SlowSmtpServer implements AutoCloseable {

  /** One accepted message. */
  record Accepted(String noticeKey, String messageId) {}

  private final ServerSocket socket;
  private final long delayMillis;
  private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger inProgress = new AtomicInteger();

  public SlowSmtpServer(long delayMillis) {
    this.delayMillis = delayMillis;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread loop = new Thread(this::serve, "slow-smtp");
    loop.setDaemon(true);
    loop.start();
  }

  public int port() {
    return socket.getLocalPort();
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

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread t = new Thread(() -> {
          try (client) {
            session(client);
          } catch (IOException | InterruptedException e) {
            // the client went away
          }
        }, "slow-smtp-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private void session(Socket client) throws IOException, InterruptedException {
    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    var out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
    List<String> recipients = new ArrayList<>();
    reply(out, "220 slow-smtp ready");
    String line;
    while ((line = in.readLine()) != null) {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
        reply(out, "250 slow-smtp");
      } else if (upper.startsWith("MAIL FROM")) {
        recipients.clear();
        reply(out, "250 OK");
      } else if (upper.startsWith("RCPT TO")) {
        recipients.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT));
        reply(out, "250 OK");
      } else if (upper.equals("DATA")) {
        reply(out, "354 go ahead");
        String notice = null;
        String messageId = null;
        String last = null;
        boolean headers = true;
        while ((line = in.readLine()) != null && !line.equals(".")) {
          if (headers && line.isEmpty()) {
            headers = false;
          } else if (headers && (line.startsWith(" ") || line.startsWith("\t")) && last != null) {
            // a folded header continues the previous one
            if (last.equals("x-revflow-notice")) {
              notice += line.strip();
            } else if (last.equals("message-id")) {
              messageId += line.strip();
            }
          } else if (headers && line.indexOf(':') > 0) {
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
        reply(out, "250 OK queued");
      } else if (upper.equals("QUIT")) {
        reply(out, "221 bye");
        return;
      } else if (upper.equals("RSET") || upper.equals("NOOP")) {
        reply(out, "250 OK");
      } else {
        reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(PrintWriter out, String text) {
    out.print(text + "\r\n");
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
