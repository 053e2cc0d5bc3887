package org.revflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ScriptedSmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The health endpoint, open to anyone, does not make RevFlow talk to the mail server. */
@RevFlowTest
class HealthEndpointTest {

  @LocalServerPort int port;
  @Autowired JavaMailSenderImpl mailSender;

  /** Counts SMTP sessions (EHLO or HELO). */
  static final class CountingSmtpServer extends ScriptedSmtpServer {
    final AtomicInteger sessions = new AtomicInteger();

    CountingSmtpServer() {
      super("counting-smtp");
    }

    @Override
    protected void command(String line) {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
        sessions.incrementAndGet();
      }
    }

    @Override
    protected void received(List<String> recipients, List<String> lines) {}
  }

  @Test
  void anonymousHealthCallsOpenNoSmtpSession() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String host = mailSender.getHost();
    int smtpPort = mailSender.getPort();
    try (CountingSmtpServer smtp = new CountingSmtpServer()) {
      mailSender.setHost("127.0.0.1");
      mailSender.setPort(smtp.port());
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"");
      }
      // At most the scheduled check (once a minute), whoever calls and however often.
      assertThat(smtp.sessions.get()).isLessThanOrEqualTo(1);
    } finally {
      mailSender.setHost(host);
      mailSender.setPort(smtpPort);
    }
  }
}
