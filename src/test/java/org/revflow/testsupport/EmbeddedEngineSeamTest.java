package org.revflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * zeebe-process-test is deprecated and gone in Camunda 8.10: only {@link ZeebeProcessTestEngine}
 * and its helpers may touch it or the engine's insides; everything else goes through {@link
 * EmbeddedEngine}, so that replacing the engine means replacing that one class.
 */
class EmbeddedEngineSeamTest {

  /**
   * The test engine and the broker's insides; the record protocol ({@code
   * io.camunda.zeebe.protocol.record}) stays.
   */
  private static final Pattern ENGINE =
      Pattern.compile(
          "io\\.camunda\\.zeebe\\.(process\\.test|scheduler|stream|logstreams|engine|db|protocol\\.impl)\\b");

  private static final Set<Path> ALLOWED =
      Set.of(
          Path.of("src/local/java/org/revflow/testsupport/ZeebeProcessTestEngine.java"),
          Path.of("src/local/java/org/revflow/testsupport/EngineRecords.java"),
          Path.of("src/local/java/org/revflow/testsupport/EngineLogCompaction.java"));
  private static final Path ENGINE_PACKAGE =
      Path.of("src/local/java/io/camunda/zeebe/process/test/engine");

  @Test
  void onlyTheImplementationTouchesTheTestEngine() throws IOException {
    List<Path> sources = sources();
    assertThat(sources)
        .as("the sources are read from the project folder")
        .contains(Path.of("src/local/java/org/revflow/testsupport/ZeebeProcessTestEngine.java"));
    List<Path> touching = sources.stream().filter(EmbeddedEngineSeamTest::touchesEngine).toList();
    assertThat(touching)
        .as("the implementation does touch the engine (else this test proves nothing)")
        .contains(Path.of("src/local/java/org/revflow/testsupport/ZeebeProcessTestEngine.java"));
    assertThat(touching)
        .as("classes that use the test engine instead of EmbeddedEngine")
        .allMatch(p -> ALLOWED.contains(p) || p.startsWith(ENGINE_PACKAGE));
  }

  private static List<Path> sources() throws IOException {
    List<Path> all = new java.util.ArrayList<>();
    for (String root : List.of("src/main/java", "src/local/java", "src/test/java")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(all::add);
      }
    }
    return all;
  }

  private static boolean touchesEngine(Path source) {
    try {
      // Imports and qualified names; ArchitectureTest names the packages as strings to keep them
      // out.
      return Files.readAllLines(source).stream()
          .filter(line -> !line.contains("\""))
          .anyMatch(line -> ENGINE.matcher(line).find());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
