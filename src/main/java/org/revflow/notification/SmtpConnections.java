package org.revflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Open SMTP connections kept between notices. {@link JavaMailSenderImpl#send} connects, greets and
 * quits for every message, which cost more than rendering and recording the notice together; here a
 * connection serves up to {@code maxMessagesPerConnection} messages (servers such as Exchange
 * refuse more per connection) and is dropped after any error, so a retry always starts on a fresh
 * one.
 *
 * <p>The server, port and account are read from the {@link JavaMailSenderImpl} each time a
 * connection is lent, so a changed setting takes effect with the next notice.
 */
@Component
class SmtpConnections implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  private static final String ANGUS_STREAM_PROVIDER =
      "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the class path for
    // every multipart and body part it creates (a tenth of the CPU of a notice in the benchmark);
    // the
    // system property names the implementation and makes the lookup a class-name load.
    if (System.getProperty(STREAM_PROVIDER) == null && present(ANGUS_STREAM_PROVIDER)) {
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }
  }

  private static final Duration ALIVE_BYPASS = Duration.ofMillis(500);

  private final JavaMailSenderImpl mail;
  private final int maxMessagesPerConnection;
  private final Duration maxIdle;
  private final Clock ticker = Clock.systemUTC();
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  SmtpConnections(JavaMailSenderImpl mail, NoticeMailProperties properties) {
    this.mail = mail;
    this.maxMessagesPerConnection = properties.maxMessagesPerConnection();
    this.maxIdle = properties.maxIdle();
  }

  /** One connection, lent to one thread until it gives it back with {@link Connection#close()}. */
  final class Connection implements AutoCloseable {
    private final Transport transport;
    private final String server;
    private int messages;
    private Instant lastUsed;
    private boolean broken;

    private Connection(Transport transport, String server) {
      this.transport = transport;
      this.server = server;
    }

    /** Sends one message to all its recipients; returns when the server has accepted it. */
    void send(MimeMessage message) {
      messages++;
      try {
        transport.sendMessage(message, message.getAllRecipients());
      } catch (MessagingException | RuntimeException e) {
        broken = true;
        throw new MailSendException("Failed message: " + describe(e), e);
      }
    }

    /** True after an error: the connection is then closed rather than lent again. */
    boolean broken() {
      return broken;
    }

    @Override
    public void close() {
      lastUsed = ticker.instant();
      if (broken || messages >= maxMessagesPerConnection || !giveBack(this)) {
        quit(this);
      }
    }
  }

  /** A connection to the configured server: a kept one if it still answers, else a new one. */
  Connection open() {
    String server = server();
    Connection kept;
    while ((kept = take()) != null) {
      Duration idleFor = Duration.between(kept.lastUsed, ticker.instant());
      // NOOP: the server may have closed it meanwhile; not asked again within half a second of the
      // last message (Hikari's alive-bypass window does the same), as no server drops a connection
      // that fast, and a round trip per notice is what a remote relay costs most.
      boolean usable =
          kept.server.equals(server)
              && idleFor.compareTo(maxIdle) < 0
              && (idleFor.compareTo(ALIVE_BYPASS) < 0 || kept.transport.isConnected());
      if (usable) {
        return kept;
      }
      quit(kept);
    }
    try {
      Transport transport = mail.getSession().getTransport(protocol());
      String user = mail.getUsername();
      String password = mail.getPassword();
      if (user != null && user.isEmpty()) {
        user = null;
        password = password == null || password.isEmpty() ? null : password;
      }
      transport.connect(mail.getHost(), mail.getPort(), user, password);
      return new Connection(transport, server);
    } catch (MessagingException e) {
      throw new MailSendException("Mail server connection failed: " + describe(e), e);
    }
  }

  @Override
  public void destroy() {
    synchronized (idle) {
      closed = true;
    }
    Connection c;
    while ((c = take()) != null) {
      quit(c);
    }
  }

  private Connection take() {
    synchronized (idle) {
      return idle.pollFirst();
    }
  }

  private boolean giveBack(Connection c) {
    synchronized (idle) {
      if (closed) {
        return false;
      }
      idle.addFirst(c);
      return true;
    }
  }

  private String server() {
    return protocol()
        + "://"
        + Objects.toString(mail.getUsername(), "")
        + "@"
        + mail.getHost()
        + ":"
        + mail.getPort();
  }

  private String protocol() {
    return mail.getProtocol() != null ? mail.getProtocol() : "smtp";
  }

  private static void quit(Connection c) {
    try {
      c.transport.close();
    } catch (MessagingException | RuntimeException e) {
      log.debug("closing SMTP connection to {}: {}", c.server, e.getMessage());
    }
  }

  private static String describe(Exception e) {
    String text = e.getClass().getName() + ": " + e.getMessage();
    Throwable cause = e.getCause();
    return cause == null || cause == e ? text : text + " (" + cause + ")";
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, SmtpConnections.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
