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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SMTP dialogue of the tests' own mail servers (GreenMail accepts everything at once): a server
 * on a free loopback port, one thread per connection, that subclasses steer at the two points the
 * tests need, whether a recipient is accepted and what happens to a message before it is accepted.
 */
public abstract class ScriptedSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final String name;

  protected ScriptedSmtpServer(String name) {
    this.name = name;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread loop = new Thread(this::serve, name);
    loop.setDaemon(true);
    loop.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /**
   * Whether the server takes this (lower-cased) recipient; a refused one gets "550 no such user".
   */
  protected boolean acceptsRecipient(String address) {
    return true;
  }

  /** Every command line a client sends (message data excluded), for tests that count them. */
  protected void command(String line) {}

  /**
   * A message's recipients and its lines (headers, blank line, body), before "250 queued" is
   * answered.
   */
  protected abstract void received(List<String> recipients, List<String> lines)
      throws InterruptedException;

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread t =
            new Thread(
                () -> {
                  try (client) {
                    session(client);
                  } catch (IOException | InterruptedException e) {
                    // the client went away
                  }
                },
                name + "-session");
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
    var in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    var out =
        new PrintWriter(
            new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
    List<String> recipients = new ArrayList<>();
    reply(out, "220 " + name + " ready");
    String line;
    while ((line = in.readLine()) != null) {
      command(line);
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
        reply(out, "250 " + name);
      } else if (upper.startsWith("MAIL FROM")) {
        recipients.clear();
        reply(out, "250 OK");
      } else if (upper.startsWith("RCPT TO")) {
        String address =
            line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
        if (acceptsRecipient(address)) {
          recipients.add(address);
          reply(out, "250 OK");
        } else {
          reply(out, "550 5.1.1 <" + address + ">: no such user");
        }
      } else if (upper.equals("DATA")) {
        reply(out, "354 go ahead");
        List<String> lines = new ArrayList<>();
        while ((line = in.readLine()) != null && !line.equals(".")) {
          lines.add(line);
        }
        received(List.copyOf(recipients), lines);
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
