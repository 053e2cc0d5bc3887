package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RejectingSmtpServer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * application.yaml's mail settings as production reads them: with SMTP authentication on, STARTTLS
 * is required (a server that does not offer it gets neither the login nor a notice), unless
 * REVFLOW_SMTP_REQUIRE_STARTTLS says otherwise.
 */
class SmtpStartTlsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withInitializer(new ConfigDataApplicationContextInitializer())
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));

  @Test
  void withAuthenticationAServerWithoutStartTlsIsRefused() {
    try (RejectingSmtpServer server = new RejectingSmtpServer(Set.of())) {
      runner
          .withPropertyValues(
              "REVFLOW_SMTP_AUTH=true",
              "REVFLOW_SMTP_USER=revflow",
              "REVFLOW_SMTP_PASSWORD=secret",
              "REVFLOW_SMTP_HOST=127.0.0.1",
              "REVFLOW_SMTP_PORT=" + server.port())
          .run(
              context -> {
                JavaMailSenderImpl mail = context.getBean(JavaMailSenderImpl.class);
                assertThat(mail.getJavaMailProperties())
                    .containsEntry("mail.smtp.starttls.required", "true");
                assertThatThrownBy(mail::testConnection).hasMessageContaining("STARTTLS");
              });
      runner
          .withPropertyValues("REVFLOW_SMTP_AUTH=true", "REVFLOW_SMTP_REQUIRE_STARTTLS=false")
          .run(
              context ->
                  assertThat(context.getBean(JavaMailSenderImpl.class).getJavaMailProperties())
                      .containsEntry("mail.smtp.starttls.required", "false"));
      runner
          .withPropertyValues("REVFLOW_SMTP_HOST=127.0.0.1", "REVFLOW_SMTP_PORT=" + server.port())
          .run(
              context -> {
                JavaMailSenderImpl mail = context.getBean(JavaMailSenderImpl.class);
                assertThat(mail.getJavaMailProperties())
                    .containsEntry("mail.smtp.starttls.required", "false");
                mail.testConnection(); // a relay without authentication (Mailpit, a local relay) as
                // before
              });
    }
  }
}
