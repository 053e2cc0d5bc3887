package org.revflow.notification;

import java.time.ZoneId;
import org.revflow.registry.Language;

/**
 * A person a notice goes to, as resolved at send time, with the role they receive it in. {@code
 * personId} is the registry's id (null for the secretariat's address): action links are bound to
 * it. {@code state} is the State whose role the person holds (null for the secretariat): a retried
 * notice goes to whoever holds that same role by then (NoticeService).
 */
public record Addressee(
    String name,
    String email,
    Language language,
    ZoneId timeZone,
    Role role,
    Long personId,
    String state) {

  public Addressee(
      String name, String email, Language language, ZoneId timeZone, Role role, Long personId) {
    this(name, email, language, timeZone, role, personId, null);
  }

  public Addressee(String name, String email, Language language, ZoneId timeZone, Role role) {
    this(name, email, language, timeZone, role, null, null);
  }

  /** The same person, receiving in another capacity. */
  public Addressee as(Role other) {
    return new Addressee(name, email, language, timeZone, other, personId, state);
  }

  public enum Role {
    FOCAL_POINT,
    INTERIM_FOCAL_POINT,
    PERMANENT_REPRESENTATIVE,
    EXPERT,
    SECRETARIAT,
    OTHER_FOCAL_POINT
  }
}
