package org.revflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names come from the JDK's CLDR data, for every shipped State and all six languages. */
class CldrStateNamesTest {

  private final CldrStateNames names = new CldrStateNames();

  @Test
  void everyMemberStateIsAnIsoCodeWithANameInEachLanguage() throws IOException {
    String csv;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("registry/un-member-states.csv")) {
      csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var rows = Csv.parse(csv, Set.of("alpha3", "regional_group", "draw_group"), Set.of("note"));
    assertThat(rows).hasSize(193);
    for (Csv.Row row : rows) {
      String code = row.get("alpha3");
      assertThat(CldrStateNames.isIsoAlpha3(code)).as(code).isTrue();
      for (Language l : Language.values()) {
        assertThat(names.name(code, l)).as("%s in %s", code, l).isNotEqualTo(code).isNotBlank();
      }
    }
  }

  @Test
  void namesInTheSixLanguages() {
    assertThat(names.name("FRA", Language.FR)).isEqualTo("France");
    assertThat(names.name("DEU", Language.ES)).isEqualTo("Alemania");
    assertThat(names.name("CHN", Language.ZH)).isEqualTo("中国");
    assertThat(names.name("RUS", Language.RU)).isEqualTo("Россия");
    assertThat(names.name("EGY", Language.AR)).isEqualTo("مصر");
    assertThat(names.name("XXX", Language.EN)).isEqualTo("XXX");
  }
}
