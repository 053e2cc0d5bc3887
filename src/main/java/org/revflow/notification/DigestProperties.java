package org.revflow.notification;

import java.time.DayOfWeek;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The weekly digest to the secretariat (prefix {@code revflow.digest}).
 *
 * @param enabled whether RevFlow starts the digest's process (on by default; simulations turn it on
 *     when a scenario asks for it)
 * @param day the day of the week it goes out, at the rulebook's notice time [C]
 */
@ConfigurationProperties("revflow.digest")
public record DigestProperties(Boolean enabled, DayOfWeek day) {

  public DigestProperties {
    enabled = enabled == null || enabled;
    day = day == null ? DayOfWeek.MONDAY : day;
  }
}
