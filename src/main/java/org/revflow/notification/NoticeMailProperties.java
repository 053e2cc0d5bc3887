package org.revflow.notification;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How notices use their SMTP connections (prefix {@code revflow.smtp}).
 *
 * @param maxMessagesPerConnection messages sent over one connection before it is closed and a new
 *     one opened (Exchange accepts 20 per connection by default)
 * @param maxIdle a kept connection unused for this long is closed rather than reused
 * @param healthInterval how often the {@code mail} health indicator checks the server (MailHealth)
 */
@Validated
@ConfigurationProperties("revflow.smtp")
public record NoticeMailProperties(
    @Min(1) Integer maxMessagesPerConnection, Duration maxIdle, Duration healthInterval) {

  public NoticeMailProperties {
    if (maxMessagesPerConnection == null) {
      maxMessagesPerConnection = 20;
    }
    if (maxIdle == null) {
      maxIdle = Duration.ofSeconds(30);
    }
    if (healthInterval == null) {
      healthInterval = Duration.ofMinutes(1);
    }
  }
}
