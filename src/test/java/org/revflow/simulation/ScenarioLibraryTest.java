package org.revflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario library (src/test/resources/scenarios): each scenario runs through the real models,
 * workers, templates and SMTP server, and its emails are checked date by date against the
 * {@code .expected.txt} beside it (one line per email: date, kind, step, State, To, Cc, language).
 * With {@code REVFLOW_WRITE_EXPECTED=1} a missing expected file is written, for a person to review.
 */
class ScenarioLibraryTest {

  static final Path DIR = Path.of("src/test/resources/scenarios");

  static Stream<Path> scenarios() throws IOException {
    return Files.list(DIR).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void emailsMatchTheExpectedFileDateByDate(Path scenario) throws IOException {
    SimulationRunner.Output out = new SimulationRunner().run(Files.readString(scenario));
    List<String> actual = lines(out);
    Path expectedFile = Path.of(scenario.toString().replace(".json", ".expected.txt"));
    if (!Files.exists(expectedFile) && "1".equals(System.getenv("REVFLOW_WRITE_EXPECTED"))) {
      Files.write(expectedFile, actual);
    }
    assertThat(expectedFile).as("expected emails of %s", scenario).exists();
    assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expectedFile));
  }

  static List<String> lines(SimulationRunner.Output out) {
    List<String> lines = new ArrayList<>();
    lines.add("review " + out.review().get("id") + " " + out.review().get("rulebookVersion"));
    for (SimulationRunner.OutputNotice n : out.notices()) {
      lines.add(n.on() + " " + n.kind() + " " + (n.step() == null ? "-" : n.step()) + " "
          + (n.state() == null ? "-" : n.state()) + " -> " + String.join(",", n.to())
          + (n.cc().isEmpty() ? "" : " cc " + String.join(",", n.cc())) + " [" + n.language() + "]");
    }
    for (SimulationRunner.Rejected r : out.rejected()) {
      lines.add("rejected event " + r.index() + " " + r.type() + " on " + r.on() + ": " + r.reason());
    }
    lines.add("final " + out.finalState());
    return lines;
  }

  @Test
  void anInvalidScenarioIsRefusedWithTheIndexOfEachBadEventAndNothingRuns() {
    String bad = """
        {"start":"2027-01-04","until":"2027-06-01",
         "review":{"underReview":"AUT","phase":2,"reviewers":{"UNTOC":["DEU","KEN"]}},
         "contacts":[],
         "events":[
           {"on":"2027-01-10","type":"SAQ_CLEARED"},
           {"on":"2027-01-09","type":"SAQ_CLEARED"},
           {"on":"2027-01-11","type":"NOT_A_TYPE"},
           {"on":"2027-01-12","type":"FEEDBACK_CLEARED","state":"XXX"},
           {"on":"2027-01-13","type":"SAQ_CLEARED","colour":"blue"}
         ]}""";
    assertThatThrownBy(() -> new SimulationRunner().run(bad))
        .isInstanceOfSatisfying(Scenario.InvalidScenarioException.class, e ->
            assertThat(e.problems()).extracting(p -> p.index() + ": " + p.reason()).containsExactlyInAnyOrder(
                "1: events must be in date order (2027-01-09 is before 2027-01-10)",
                "2: unknown event type 'NOT_A_TYPE'",
                "3: unknown State 'XXX' in state",
                "4: unknown field 'colour'"));
  }
}
