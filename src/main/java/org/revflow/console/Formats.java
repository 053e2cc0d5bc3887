package org.revflow.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.revflow.registry.Language;
import org.revflow.registry.StateNames;

/** What templates ask of Java: moments in Vienna time, State names. */
final class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final ZoneId zone;

  Formats(ZoneId zone) {
    this.zone = zone;
  }

  /** A moment as Vienna's clock read it. */
  public String time(Instant at) {
    return at == null ? "" : TIME.format(at.atZone(zone)) + " (Vienna)";
  }

  /** State names in the pages' language (English for now). */
  record Names(StateNames names) {
    public String of(String code) {
      return code == null ? "" : names.name(code, Language.EN);
    }
  }
}
