package org.revflow.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revflow.rulebook.TestRulebooks.problems;
import static org.revflow.rulebook.TestRulebooks.problemsOf;
import static org.revflow.rulebook.TestRulebooks.remove;
import static org.revflow.rulebook.TestRulebooks.rename;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.revflow.vocabulary.Step;

class RulebookLoaderTest {

  private static final String PREFIX = "rulebook 'default' 2027.1: ";

  @Test
  void loadsTheShippedDefault() {
    Rulebook rb = TestRulebooks.defaultRulebook();

    assertThat(rb.id()).isEqualTo("default@2027.1");
    assertThat(rb.zone()).isEqualTo(ZoneId.of("Europe/Vienna"));
    assertThat(rb.noticeTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(rb.steps()).containsOnlyKeys(Step.values());
    assertThat(rb.description()).startsWith("Default rules");
  }

  @Test
  void anUnknownTopLevelKeyIsAnError() {
    assertThat(problems(root -> root.put("colour", "blue")))
        .singleElement()
        .asString()
        .startsWith(PREFIX + "colour: unknown key (known here: name, version, description, zone");
  }

  @Test
  void aMisspeltKeyNamesItsPathAndTheKnownKeys() {
    assertThat(problems(rename("steps.SAQ.deadline", "deadlin")))
        .containsExactly(
            PREFIX + "steps.SAQ.deadlin: unknown key (known here: deadline, from, round)");
  }

  @Test
  void unknownKeysAreFoundAtEveryLevel() {
    assertThat(
            problems(
                root -> {
                  ((com.fasterxml.jackson.databind.node.ObjectNode)
                          root.get("ladder").get("escalation"))
                      .put("last", "P90D");
                  ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("clusters").get("2"))
                      .put("title", "x");
                }))
        .containsExactlyInAnyOrder(
            PREFIX + "ladder.escalation.last: unknown key (known here: first, every)",
            PREFIX + "clusters.2.title: unknown key (known here: name, articles)");
  }

  @Test
  void aDuplicateKeyIsAnError() {
    String yaml =
        TestRulebooks.defaultYaml()
            .replace("zone: Europe/Vienna", "zone: Europe/Vienna\nzone: UTC");

    assertThat(problemsOf(yaml))
        .singleElement()
        .asString()
        .startsWith("rulebook file 'test.yaml': not valid YAML: Duplicate field 'zone'")
        .contains("(line ");
  }

  @Test
  void anUnquotedVersionIsRejectedBecauseYamlWouldReadItAsANumber() {
    String yaml = TestRulebooks.defaultYaml().replace("version: \"2027.1\"", "version: 2027.10");

    assertThat(problemsOf(yaml))
        .contains("rulebook 'default' 2027.1: version: must be quoted, e.g. version: \"2027.1\"");
  }

  @Test
  void aSecondYamlDocumentIsAnError() {
    assertThat(problemsOf(TestRulebooks.defaultYaml() + "\n---\nname: other\n"))
        .containsExactly("rulebook file 'test.yaml': holds more than one YAML document");
  }

  @Test
  void anEmptyFileIsAnError() {
    assertThat(problemsOf("# nothing here\n"))
        .containsExactly("rulebook file 'test.yaml': is empty");
    assertThat(problemsOf("- a\n- b\n"))
        .containsExactly("rulebook file 'test.yaml': must be a mapping of keys to values");
  }

  @Test
  void aValueOfTheWrongShapeIsAnError() {
    assertThat(problems(root -> root.putArray("steps").add("SAQ")))
        .contains(PREFIX + "steps: must be a mapping of keys to values");
    assertThat(problems(root -> root.putObject("zone").put("id", "Europe/Vienna")))
        .contains(PREFIX + "zone: must be a single value, not a mapping");
    assertThat(
            problems(
                root ->
                    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("ladder"))
                        .put("reminders", "P30D")))
        .contains(PREFIX + "ladder.reminders: must be a list, e.g. [P30D, P7D]");
  }

  @Test
  void withoutANameTheFileIsNamed() {
    assertThat(problems(remove("name")))
        .containsExactly("rulebook file 'test.yaml': name: missing");
  }

  @Test
  void theExceptionMessageListsEveryProblemAndTheSource() {
    String yaml =
        TestRulebooks.edited(
            root -> {
              root.put("zone", "Mars/Olympus");
              root.put("noticeTime", "9 o'clock");
            });

    assertThatThrownBy(() -> new RulebookLoader().load(yaml, "somewhere/x.yaml"))
        .isInstanceOf(InvalidRulebookException.class)
        .hasMessage(
            PREFIX
                + "zone: 'Mars/Olympus' is not a known time zone (e.g. Europe/Vienna)\n"
                + PREFIX
                + "noticeTime: '9 o'clock' must be a time of day such as \"09:00\"\n"
                + "(in somewhere/x.yaml)");
  }
}
