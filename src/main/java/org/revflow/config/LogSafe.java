package org.revflow.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Log lines name people by their registry id, not their address: logs travel further and live
 * longer than the notice log, the one place (with Operate's incident) that keeps addresses.
 */
public final class LogSafe {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private LogSafe() {}

  /**
   * {@code text} with every email address replaced by its name in {@code known} (lower-case keys),
   * else "(address)".
   */
  public static String redact(String text, Map<String, String> known) {
    if (text == null) {
      return null;
    }
    Matcher m = EMAIL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = known.getOrDefault(m.group().toLowerCase(Locale.ROOT), "(address)");
      m.appendReplacement(out, Matcher.quoteReplacement(name));
    }
    m.appendTail(out);
    return out.toString();
  }

  public static String redact(String text) {
    return redact(text, Map.of());
  }
}
