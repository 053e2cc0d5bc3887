package org.revflow.notification.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.revflow.registry.Language;

/**
 * The six message catalogues {@code notices/messages_{lang}.properties} (UTF-8).
 *
 * <p>Strict on purpose: there is no fallback to another language (that would hide a missing
 * translation behind an English sentence) and a missing key or a placeholder without a value is an
 * exception, so a notice is never sent with a hole in it. Placeholders are named ({@code {step}})
 * rather than MessageFormat's {@code {0}}: translators can reorder them freely and need not double
 * apostrophes, which French uses constantly.
 */
final class NoticeMessages {

  static final String LOCATION = "notices/messages_%s.properties";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private final Map<Language, Properties> catalogues = new EnumMap<>(Language.class);

  NoticeMessages() {
    for (Language language : Language.values()) {
      catalogues.put(language, load(String.format(LOCATION, language.code())));
    }
  }

  private static Properties load(String resource) {
    try (InputStream in = NoticeMessages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing message catalogue " + resource);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  boolean has(Language language, String key) {
    return catalogues.get(language).containsKey(key);
  }

  /** The raw text of a key; throws when the key is missing. */
  String raw(Language language, String key) {
    String text = catalogues.get(language).getProperty(key);
    if (text == null) {
      throw new IllegalStateException(
          "no message '" + key + "' in " + String.format(LOCATION, language.code()));
    }
    return text;
  }

  /**
   * The message with its placeholders replaced by {@code args}; every placeholder must have a
   * value.
   */
  String format(Language language, String key, Map<String, String> args) {
    String text = raw(language, key);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = args.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "message '"
                + key
                + "' ("
                + language.code()
                + ") needs {"
                + m.group(1)
                + "}, which this notice does not have");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The variant of {@code key} for the count {@code n}: {@code key.one}, {@code key.few}, ... */
  String plural(Language language, String key, long n, Map<String, String> args) {
    return format(language, key + "." + PluralRules.category(language, n), args);
  }

  Iterable<Object> keys(Language language) {
    return catalogues.get(language).keySet();
  }
}
