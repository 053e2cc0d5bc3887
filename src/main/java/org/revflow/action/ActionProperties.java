package org.revflow.action;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the action pages (prefix {@code revflow.actions}).
 *
 * @param secret the HMAC key that signs action links. No default: an installation without one
 *     refuses to start, because a random key made up at start would silently break every link
 *     already emailed at each restart, and differ between two instances behind one address
 * @param throttle how many invalid attempts one client address may make in a window
 */
@Validated
@ConfigurationProperties("revflow.actions")
public record ActionProperties(
    @NotBlank(
            message =
                "set REVFLOW_ACTIONS_SECRET (at least 32 random characters, e.g. `openssl rand -base64 48`): it signs the links in emails")
        @Size(min = 32, message = "REVFLOW_ACTIONS_SECRET must have at least 32 characters")
        String secret,
    @Valid @NotNull Throttle throttle) {

  public ActionProperties {
    if (throttle == null) {
      throttle = new Throttle(10, Duration.ofMinutes(15));
    }
  }

  /**
   * After {@code maxFailures} invalid attempts within {@code window}, an address gets 429 until
   * they age out.
   */
  public record Throttle(@Min(1) int maxFailures, @NotNull Duration window) {}
}
