package org.revflow.notification.render;

import org.revflow.registry.Language;

/**
 * CLDR cardinal plural categories of the six languages, for non-negative integers (day counts). The
 * JDK has no public plural API and ICU4J would be a large dependency for six small rules.
 * Categories that only apply to fractions or to millions (French and Spanish "many") are left out.
 */
final class PluralRules {

  private PluralRules() {}

  static String category(Language language, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative count " + n);
    }
    long mod10 = n % 10;
    long mod100 = n % 100;
    return switch (language) {
      case ZH -> "other";
      case EN, ES -> n == 1 ? "one" : "other";
      case FR -> n <= 1 ? "one" : "other";
      case RU -> {
        if (mod10 == 1 && mod100 != 11) {
          yield "one";
        }
        if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
          yield "few";
        }
        yield "many";
      }
      case AR -> {
        if (n == 0) {
          yield "zero";
        }
        if (n == 1) {
          yield "one";
        }
        if (n == 2) {
          yield "two";
        }
        if (mod100 >= 3 && mod100 <= 10) {
          yield "few";
        }
        if (mod100 >= 11) {
          yield "many";
        }
        yield "other";
      }
    };
  }
}
