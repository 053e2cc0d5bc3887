package org.revflow.notification;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code mail} in /actuator/health: the result of the last check of the mail server, made on a
 * schedule ({@code revflow.smtp.health-interval}, a minute) and never by a caller. Spring Boot's
 * own indicator (off in application.yaml) opened an authenticated SMTP session for every call of
 * the health endpoint, which anyone may call without signing in.
 */
@Component("mail")
class MailHealth implements HealthIndicator {

  private final JavaMailSenderImpl mail;
  private volatile Health last = Health.unknown().withDetail("reason", "not checked yet").build();

  MailHealth(JavaMailSenderImpl mail) {
    this.mail = mail;
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${revflow.smtp.health-interval:PT1M}")
  void check() {
    String server = mail.getHost() + ":" + mail.getPort();
    try {
      mail.testConnection();
      last = Health.up().withDetail("location", server).build();
    } catch (Exception e) {
      last =
          Health.down()
              .withDetail("location", server)
              .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
              .build();
    }
  }

  @Override
  public Health health() {
    return last;
  }
}
