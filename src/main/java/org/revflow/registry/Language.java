package org.revflow.registry;

import java.util.Locale;

/** The six official UN languages; every participant prefers one, every message exists in all. */
public enum Language {
  AR("ar"),
  ZH("zh"),
  EN("en"),
  FR("fr"),
  RU("ru"),
  ES("es");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  public boolean rightToLeft() {
    return this == AR;
  }

  /** Parses an ISO 639-1 code; unknown codes are an error, never a silent fallback. */
  public static Language fromCode(String code) {
    if (code != null) {
      for (Language l : values()) {
        if (l.code.equalsIgnoreCase(code.trim())) {
          return l;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown language '" + code + "': expected one of ar, zh, en, fr, ru, es");
  }
}
