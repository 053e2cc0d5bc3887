package org.revflow.registry;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.revflow.config.MechanismTime;

/** Dates and times as written in requests and CSV files. */
final class Times {

  private Times() {}

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw RegistryException.invalid(field + " is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeException e) {
      throw RegistryException.invalid(
          field + ": invalid date '" + value + "', expected YYYY-MM-DD");
    }
  }

  /** A bare date means the start of that day in the Mechanism's zone. */
  static Instant instantOrNull(String field, String value, MechanismTime time) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (v.length() == 10) {
        return time.startOf(LocalDate.parse(v));
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeException e) {
      throw RegistryException.invalid(
          field
              + ": invalid time '"
              + value
              + "', expected YYYY-MM-DD or an ISO-8601 time with offset (2026-01-05T09:00:00Z)");
    }
  }
}
