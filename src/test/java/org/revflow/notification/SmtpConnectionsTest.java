package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RecordingSmtpServer;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Kept SMTP connections: lent again without a round trip right after use, checked with NOOP after a
 * pause.
 */
class SmtpConnectionsTest {

  /** Counts the commands that tell connections apart (EHLO opens one) and the liveness checks. */
  static final class CountingServer extends RecordingSmtpServer {
    final List<String> commands = new CopyOnWriteArrayList<>();

    @Override
    protected void command(String line) {
      commands.add(line.split(" ")[0].toUpperCase(Locale.ROOT));
    }

    long count(String command) {
      return commands.stream().filter(command::equals).count();
    }
  }

  CountingServer server;
  SmtpConnections connections;

  @BeforeEach
  void start() {
    server = new CountingServer();
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(server.port());
    connections =
        new SmtpConnections(mail, new NoticeMailProperties(20, Duration.ofSeconds(30), null));
  }

  @AfterEach
  void stop() {
    connections.destroy();
    server.close();
  }

  @Test
  void aConnectionGivenBackMomentsAgoIsLentAgainWithoutANoop() throws Exception {
    send();
    send();
    send();

    assertThat(server.accepted()).hasSize(3);
    assertThat(server.count("EHLO")).as("connections opened").isEqualTo(1);
    assertThat(server.count("NOOP")).isZero();
  }

  @Test
  void aConnectionUnusedForMoreThanHalfASecondIsCheckedBeforeItIsLentAgain() throws Exception {
    send();
    Thread.sleep(700);
    send();

    assertThat(server.accepted()).hasSize(2);
    assertThat(server.count("EHLO")).as("connections opened").isEqualTo(1);
    assertThat(server.count("NOOP")).isEqualTo(1);
  }

  private void send() throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
    message.setFrom(new InternetAddress("revflow@example.org"));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("fp@example.org"));
    message.setSubject("test");
    message.setText("body");
    message.saveChanges();
    try (SmtpConnections.Connection c = connections.open()) {
      c.send(message);
    }
  }
}
