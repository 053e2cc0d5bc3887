package org.revflow.notification.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revflow.registry.Language;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/** The six catalogues are complete and consistent with each other. */
class NoticeCatalogueTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
  private final NoticeMessages messages = new NoticeMessages();

  private static boolean isPlural(String key) {
    return key.startsWith("timing.left.") || key.startsWith("timing.passed.");
  }

  private Set<String> keys(Language language) {
    Set<String> keys = new TreeSet<>();
    messages.keys(language).forEach(k -> keys.add((String) k));
    return keys;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyCatalogueHasExactlyTheEnglishKeysAndPlaceholders(Language language) {
    Set<String> english =
        keys(Language.EN).stream()
            .filter(k -> !isPlural(k))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> own =
        keys(language).stream()
            .filter(k -> !isPlural(k))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(own).containsExactlyElementsOf(english);
    for (String key : english) {
      assertThat(placeholders(messages.raw(language, key)))
          .as("placeholders of %s in %s", key, language)
          .isEqualTo(placeholders(messages.raw(Language.EN, key)));
    }
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyKindAndStepIsWorded(Language language) {
    for (NoticeKind kind : NoticeKind.values()) {
      assertThat(messages.has(language, "kind." + kind + ".subject"))
          .as("%s subject in %s", kind, language)
          .isTrue();
      assertThat(messages.has(language, "kind." + kind + ".body"))
          .as("%s body in %s", kind, language)
          .isTrue();
    }
    for (Step step : Step.values()) {
      assertThat(messages.has(language, "step." + step)).as("%s in %s", step, language).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void dayCountsHaveEveryPluralFormTheLanguageNeeds(Language language) {
    for (long n = 1; n <= 250; n++) {
      long count = n;
      for (String key : new String[] {"timing.left", "timing.passed"}) {
        assertThatCode(
                () -> messages.plural(language, key, count, Map.of("n", Long.toString(count))))
            .as("%s for %d in %s", key, count, language)
            .doesNotThrowAnyException();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void cataloguesAreStrictUtf8(Language language) throws Exception {
    String resource = String.format(NoticeMessages.LOCATION, language.code());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      byte[] bytes = in.readAllBytes();
      // Throws on any byte sequence that is not UTF-8 (a file saved as Latin-1 or CP1256, say).
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    }
  }

  @Test
  void pluralCategoriesFollowCldr() {
    assertThat(PluralRules.category(Language.RU, 1)).isEqualTo("one");
    assertThat(PluralRules.category(Language.RU, 21)).isEqualTo("one");
    assertThat(PluralRules.category(Language.RU, 11)).isEqualTo("many");
    assertThat(PluralRules.category(Language.RU, 3)).isEqualTo("few");
    assertThat(PluralRules.category(Language.RU, 13)).isEqualTo("many");
    assertThat(PluralRules.category(Language.RU, 5)).isEqualTo("many");
    assertThat(PluralRules.category(Language.AR, 2)).isEqualTo("two");
    assertThat(PluralRules.category(Language.AR, 7)).isEqualTo("few");
    assertThat(PluralRules.category(Language.AR, 31)).isEqualTo("many");
    assertThat(PluralRules.category(Language.AR, 100)).isEqualTo("other");
    assertThat(PluralRules.category(Language.AR, 103)).isEqualTo("few");
    assertThat(PluralRules.category(Language.FR, 0)).isEqualTo("one");
    assertThat(PluralRules.category(Language.EN, 0)).isEqualTo("other");
    assertThat(PluralRules.category(Language.ZH, 1)).isEqualTo("other");
  }
}
