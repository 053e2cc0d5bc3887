package org.revflow.notification.render;

import java.time.ZoneId;
import java.util.Objects;
import org.revflow.registry.Language;

/**
 * One addressee of a notice, as resolved when the notice is sent.
 *
 * @param name shown in the greeting; may be blank (a generic greeting is used)
 * @param timeZone where the person works, if known; the deadline is then also shown in that zone
 */
public record Recipient(
    String name, String email, Language language, ZoneId timeZone, RecipientRole role) {

  public Recipient {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(role, "role");
  }
}
