package org.revflow.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rulebooks the shared test context loads beside the shipped ones: {@value #CALENDAR_DAYS}, the
 * default rulebook with every day a working day. Process tests on the shared engine start on
 * whatever day the run reaches, so their expected dates are day arithmetic from T0; the working
 * days are proved on pinned dates (WorkingDaysPlannerTest, WorkingDaysProcessTest, the scenario
 * library).
 */
public final class TestRulebookDirectory {

  public static final String CALENDAR_DAYS = "calendar-days";

  private static Path dir;

  private TestRulebookDirectory() {}

  public static synchronized Path path() {
    if (dir == null) {
      try (InputStream in =
          TestRulebookDirectory.class.getResourceAsStream("/rulebooks/default.yaml")) {
        String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String calendarDays =
            yaml.replaceFirst("(?m)^name: default$", "name: " + CALENDAR_DAYS)
                .replaceFirst("(?m)^  workingDaysOnly: true$", "  workingDaysOnly: false");
        if (calendarDays.equals(yaml) || !calendarDays.contains("workingDaysOnly: false")) {
          throw new IllegalStateException(
              "the default rulebook no longer reads as this copy expects");
        }
        dir = Files.createTempDirectory("revflow-test-rulebooks");
        Files.writeString(dir.resolve(CALENDAR_DAYS + ".yaml"), calendarDays);
        dir.toFile().deleteOnExit();
        dir.resolve(CALENDAR_DAYS + ".yaml").toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }
}
