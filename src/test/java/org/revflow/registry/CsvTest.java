package org.revflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CSV dialect on its own: BOM, quoting, scripts, line numbers. */
class CsvTest {

  private static final Set<String> COLS = Set.of("state", "name");

  @Test
  void bomQuotedCommasArabicAndChineseAndPhysicalLineNumbers() {
    String text =
        "\uFEFFstate,name\r\n"
            + "# a comment line\r\n"
            + "EGY,\"عبد الله, محمد\"\r\n"
            + "\r\n"
            + "CHN,王小明\r\n"
            + "FRA,\"Dupont, \"\"Jean\"\"\nsecond line\"\r\n"
            + "DEU,Müller\r\n";
    List<Csv.Row> rows = Csv.parse(text, COLS, Set.of());
    assertThat(rows).extracting(r -> r.get("state")).containsExactly("EGY", "CHN", "FRA", "DEU");
    assertThat(rows.get(0).get("name")).isEqualTo("عبد الله, محمد");
    assertThat(rows.get(1).get("name")).isEqualTo("王小明");
    assertThat(rows.get(2).get("name")).isEqualTo("Dupont, \"Jean\"\nsecond line");
    assertThat(rows).extracting(Csv.Row::line).containsExactly(3L, 5L, 6L, 8L);
  }

  @Test
  void headerIsCaseInsensitiveAndMissingColumnsAreReported() {
    assertThat(Csv.parse("STATE,Name\nFRA,x\n", COLS, Set.of())).hasSize(1);
    assertThatThrownBy(() -> Csv.parse("state\nFRA\n", COLS, Set.of()))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RegistryException.Kind.INVALID_CSV);
              assertThat(e.lineErrors())
                  .singleElement()
                  .satisfies(l -> assertThat(l.reason()).contains("missing", "name"));
            });
  }

  @Test
  void everyLineWithTheWrongNumberOfFieldsIsReported() {
    assertThatThrownBy(() -> Csv.parse("state,name\nFRA\nDEU,x\nITA,y,z\n", COLS, Set.of()))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e ->
                assertThat(e.lineErrors())
                    .extracting(RegistryException.LineError::line)
                    .containsExactly(2L, 4L));
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] latin1 = "state,name\nFRA,Fran\u00e7ois\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> Csv.utf8(latin1)).isInstanceOf(RegistryException.class);
    assertThat(Csv.utf8("a".getBytes(StandardCharsets.UTF_8))).isEqualTo("a");
  }
}
