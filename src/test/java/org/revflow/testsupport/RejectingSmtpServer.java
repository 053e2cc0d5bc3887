package org.revflow.testsupport;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server that refuses the recipients it is told to refuse with "550 no such user",
 * the way a real server rejects a mailbox, and records the recipients of each accepted message.
 * GreenMail accepts every address, so this one is for the "server rejects one addressee" case.
 */
public final class RejectingSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Set<String> refused;
  private final List<List<String>> accepted = new CopyOnWriteArrayList<>();
  private final Thread loop;

  public RejectingSmtpServer(Set<String> refused) {
    this.refused = refused;
    try {
      socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    loop = new Thread(this::serve, "rejecting-smtp");
    loop.setDaemon(true);
    loop.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The recipients of every message accepted, one list per message. */
  public List<List<String>> accepted() {
    return accepted;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        session(client);
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private void session(Socket client) throws IOException {
    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    var out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
    List<String> recipients = new CopyOnWriteArrayList<>();
    reply(out, "220 rejecting-smtp ready");
    String line;
    while ((line = in.readLine()) != null) {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
        reply(out, "250 rejecting-smtp");
      } else if (upper.startsWith("MAIL FROM")) {
        recipients.clear();
        reply(out, "250 OK");
      } else if (upper.startsWith("RCPT TO")) {
        String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
        if (refused.contains(address)) {
          reply(out, "550 5.1.1 <" + address + ">: no such user");
        } else {
          recipients.add(address);
          reply(out, "250 OK");
        }
      } else if (upper.equals("DATA")) {
        reply(out, "354 go ahead");
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // the message body is not needed
        }
        accepted.add(List.copyOf(recipients));
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
