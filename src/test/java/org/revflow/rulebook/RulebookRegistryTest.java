package org.revflow.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revflow.config.MechanismTime;

class RulebookRegistryTest {

  static final MechanismTime TIME =
      new MechanismTime(Clock.systemUTC(), ZoneId.of("Europe/Vienna"));

  @TempDir Path dir;

  private void write(String fileName, String yaml) throws IOException {
    Files.writeString(dir.resolve(fileName), yaml);
  }

  private static String version(String version) {
    return TestRulebooks.edited(TestRulebooks.set("version", version));
  }

  @Test
  void theShippedDefaultIsTheDefault() {
    RulebookRegistry registry = new RulebookRegistry(new RulebookProperties(null, null), TIME);

    assertThat(registry.defaultRulebook().id()).isEqualTo("default@2027.1");
    assertThat(registry.get("default")).isSameAs(registry.defaultRulebook());
    assertThat(registry.get("default@2027.1")).isSameAs(registry.defaultRulebook());
    // The version before it stays loaded for the reviews launched with it.
    assertThat(registry.all())
        .extracting(Rulebook::id)
        .containsExactly("default@2026.1", "default@2027.1");
  }

  @Test
  void anUnknownNameOrVersionSaysWhatIsKnown() {
    RulebookRegistry registry = new RulebookRegistry(new RulebookProperties(null, null), TIME);

    assertThatThrownBy(() -> registry.get("default@2025.9"))
        .isInstanceOf(UnknownRulebookException.class)
        .hasMessage("no rulebook 'default@2025.9'; known: [default@2026.1, default@2027.1]");
    assertThatThrownBy(() -> registry.get("strict")).isInstanceOf(UnknownRulebookException.class);
  }

  @Test
  void aNameMeansItsHighestVersionAndAnIdMeansExactlyThatVersion() throws IOException {
    write("default-2027.2.yaml", version("2027.2"));
    write("default-2027.10.yml", version("2027.10"));
    write("strict.yaml", TestRulebooks.edited(TestRulebooks.set("name", "strict")));
    write("notes.txt", "not a rulebook");

    RulebookRegistry registry = new RulebookRegistry(new RulebookProperties(dir, "default"), TIME);

    assertThat(registry.all())
        .extracting(Rulebook::id)
        .containsExactly(
            "default@2026.1",
            "default@2027.1",
            "default@2027.2",
            "default@2027.10",
            "strict@2027.1");
    assertThat(registry.defaultRulebook().id()).isEqualTo("default@2027.10");
    assertThat(registry.get("default@2027.1").version()).isEqualTo("2027.1");
    assertThat(registry.get("strict").id()).isEqualTo("strict@2027.1");
  }

  @Test
  void theDefaultCanBePinnedToAVersion() throws IOException {
    write("default-2028.1.yaml", version("2028.1"));

    RulebookRegistry registry =
        new RulebookRegistry(new RulebookProperties(dir, "default@2026.1"), TIME);

    assertThat(registry.defaultRulebook().id()).isEqualTo("default@2026.1");
    assertThat(registry.get("default").id()).isEqualTo("default@2028.1");
  }

  @Test
  void anInvalidFileStopsTheRegistryWithTheValidatorsMessage() throws IOException {
    write("broken.yaml", version("2027.2").replace("P6M", "P-6M"));

    assertThatThrownBy(() -> new RulebookRegistry(new RulebookProperties(dir, null), TIME))
        .isInstanceOf(InvalidRulebookException.class)
        .hasMessageContaining(
            "rulebook 'default' 2027.2: steps.SAQ.deadline: 'P-6M' must be a positive period")
        .hasMessageContaining("broken.yaml");
  }

  @Test
  void theSameIdTwiceIsAnError() throws IOException {
    write("copy.yaml", TestRulebooks.defaultYaml());

    assertThatThrownBy(() -> new RulebookRegistry(new RulebookProperties(dir, null), TIME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("rulebook default@2027.1 is defined twice: in ")
        .hasMessageEndingWith("copy.yaml");
  }

  @Test
  void aMissingDirectoryOrDefaultIsAnError() {
    assertThatThrownBy(
            () -> new RulebookRegistry(new RulebookProperties(dir.resolve("nope"), null), TIME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "revflow.rulebook.location '" + dir.resolve("nope") + "' is not a directory");
    assertThatThrownBy(() -> new RulebookRegistry(new RulebookProperties(null, "strict"), TIME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "revflow.rulebook.default-name 'strict' matches no rulebook; known: [default@2026.1, default@2027.1]");
  }

  @Test
  void aRulebookInAnotherZoneThanTheMechanismsStopsTheStart() throws IOException {
    write(
        "utc.yaml",
        TestRulebooks.edited(
            TestRulebooks.set("version", "2028.1").andThen(TestRulebooks.set("zone", "UTC"))));

    assertThatThrownBy(() -> new RulebookRegistry(new RulebookProperties(dir, null), TIME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("rulebook default@2028.1 (")
        .hasMessageContaining(
            "has zone UTC, but the Mechanism's zone (revflow.zone) is Europe/Vienna");
  }

  @Test
  void versionsCompareNumberByNumber() {
    assertThat(RulebookRegistry.compareVersions("2026.10", "2026.9")).isPositive();
    assertThat(RulebookRegistry.compareVersions("2027.1", "2026.10")).isPositive();
    assertThat(RulebookRegistry.compareVersions("2026.1", "2026.1.1")).isNegative();
    assertThat(RulebookRegistry.compareVersions("2026.1", "2026.1")).isZero();
  }
}
