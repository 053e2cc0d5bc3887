package org.revflow.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each fault test's figure: one line in {@code target/faults/report.txt} and in the log. */
final class FaultReport {

  private static final Logger log = LoggerFactory.getLogger(FaultReport.class);
  static final Path FILE = Path.of("target", "faults", "report.txt");

  private FaultReport() {}

  static synchronized void figure(String test, String line) {
    String text = Instant.now() + " " + test + ": " + line;
    log.info("FAULT {}", text);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE,
          text + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
