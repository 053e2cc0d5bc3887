package org.revflow.registry;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation and normalisation of what callers send; every failure is an INVALID_INPUT. */
public final class Inputs {

  // Deliberately stricter than jakarta's @Email (which accepts "a@b"): notices must be deliverable.
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}$");
  private static final Pattern ALPHA3 = Pattern.compile("^[A-Za-z]{3}$");

  private Inputs() {}

  /** A valid person, normalised: trimmed name, lower-case email, parsed language and zone. */
  public record ValidPerson(String name, String email, Language language, ZoneId timeZone) {}

  public static ValidPerson person(PersonInput in) {
    if (in == null) {
      throw RegistryException.invalid("person is required");
    }
    return new ValidPerson(
        name(in.name()), email(in.email()), language(in.language()), zone(in.timeZone()));
  }

  public static String name(String name) {
    if (name == null || name.isBlank()) {
      throw RegistryException.invalid("name is required");
    }
    String n = name.strip();
    if (n.length() > 200) {
      throw RegistryException.invalid("name is longer than 200 characters");
    }
    return n;
  }

  public static String email(String email) {
    if (email == null || email.isBlank()) {
      throw RegistryException.invalid("email is required");
    }
    String e = email.strip();
    if (e.length() > 254 || e.indexOf('@') > 64 || !EMAIL.matcher(e).matches()) {
      throw RegistryException.invalid("invalid email '" + e + "'");
    }
    return e.toLowerCase(Locale.ROOT);
  }

  public static Language language(String code) {
    try {
      return Language.fromCode(code);
    } catch (IllegalArgumentException ex) {
      throw RegistryException.invalid(ex.getMessage());
    }
  }

  /**
   * An IANA region id such as Europe/Vienna; blank means unknown. Offsets like +02:00 are refused.
   */
  public static ZoneId zone(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    String z = id.strip();
    if (!ZoneId.getAvailableZoneIds().contains(z)) {
      throw RegistryException.invalid(
          "unknown time zone '" + z + "': expected an IANA id such as Europe/Vienna");
    }
    try {
      return ZoneId.of(z);
    } catch (DateTimeException ex) {
      throw RegistryException.invalid("unknown time zone '" + z + "'");
    }
  }

  /** Upper-cased ISO 3166-1 alpha-3 shape check (existence is checked against the registry). */
  public static String alpha3(String code) {
    if (code == null || !ALPHA3.matcher(code.strip()).matches()) {
      throw RegistryException.invalid(
          "invalid State code '" + code + "': expected ISO 3166-1 alpha-3");
    }
    return code.strip().toUpperCase(Locale.ROOT);
  }

  public static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw RegistryException.invalid(field + " is required");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw RegistryException.invalid(field + " is longer than " + max + " characters");
    }
    return v;
  }

  public static String actor(String actor) {
    return actor == null || actor.isBlank() ? "system" : actor.strip();
  }
}
