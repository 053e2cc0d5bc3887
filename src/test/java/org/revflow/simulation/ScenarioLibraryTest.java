package org.revflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.revflow.testsupport.SimulatedTime;

/**
 * The scenario library (src/test/resources/scenarios): each scenario runs through the real models,
 * workers, templates and SMTP server, and its emails are checked date by date against the {@code
 * .expected.txt} beside it (one line per email: date, kind, step, State, To, Cc, language).
 *
 * <p>Each email line of an expected file ends with the rule that makes it, after two spaces and a
 * hash: {@code 2027-01-11 FOCAL_POINT_REMINDER ... [en] # focal-point reminder T0+7 (domain.md)}.
 * Only the part before {@code " #"} is compared; lines starting with {@code #} (and blank lines)
 * are comments. An email line without its rule fails the test, so that every expected email says
 * why.
 *
 * <p>What the simulation produced is written to {@code target/scenarios/NAME.actual.txt} for
 * comparison. With {@code REVFLOW_WRITE_EXPECTED=1} a missing expected file is written from it,
 * without rules: a person checks each line against the rules and adds its rule. The same run also
 * checks the preview against the simulation, see {@link #previewsAnnouncedWhatWasSent}.
 */
@org.revflow.testsupport.IntegrationTest
class ScenarioLibraryTest {

  static final Path DIR = Path.of("src/test/resources/scenarios");

  static Stream<Path> scenarios() throws IOException {
    return Files.list(DIR).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void emailsMatchTheExpectedFileDateByDateAndThePreviewsAnnouncedThem(Path scenario)
      throws IOException {
    List<Preview> previews = new ArrayList<>();
    SimulationRunner.Output out =
        new SimulationRunner()
            .run(
                Files.readString(scenario),
                (ctx, id) -> {
                  LocalDate today = ctx.getBean(SimulatedTime.class).today();
                  previews.add(
                      new Preview(
                          today,
                          ctx.getBean(PreviewService.class).preview(id, PreviewService.MAX_DAYS)));
                });
    List<String> actual = lines(out);
    Path actualFile =
        ACTUAL_DIR.resolve(scenario.getFileName().toString().replace(".json", ".actual.txt"));
    Files.createDirectories(ACTUAL_DIR);
    Files.write(actualFile, actual);
    Path expectedFile = Path.of(scenario.toString().replace(".json", ".expected.txt"));
    if (!Files.exists(expectedFile) && "1".equals(System.getenv("REVFLOW_WRITE_EXPECTED"))) {
      Files.write(expectedFile, actual);
    }
    assertThat(expectedFile).as("expected emails of %s", scenario).exists();
    List<ExpectedLine> expected = expectedLines(Files.readAllLines(expectedFile));
    SoftAssertions softly = new SoftAssertions();
    softly
        .assertThat(actual)
        .as("emails of %s (produced: %s)", scenario.getFileName(), actualFile)
        .containsExactlyElementsOf(expected.stream().map(ExpectedLine::text).toList());
    softly
        .assertThat(
            expected.stream()
                .filter(e -> e.isEmail() && e.rule() == null)
                .map(e -> "line " + e.number() + ": " + e.text())
                .toList())
        .as("email lines of %s without the rule that makes them (\"  # rule\")", expectedFile)
        .isEmpty();
    softly.check(() -> previewsAnnouncedWhatWasSent(scenario, out, previews));
    softly.assertAll();
  }

  static final Path ACTUAL_DIR = Path.of("target/scenarios");

  /** The separator of a line's rule: two spaces and a hash. */
  static final String RULE = "  #";

  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2} .*");

  /**
   * One line of an expected file that the simulation must print ({@code text}), its line number,
   * and the rule after {@code " #"}, if any (null when absent or empty).
   */
  record ExpectedLine(int number, String text, String rule) {
    /** An email: it starts with the date it is sent. */
    boolean isEmail() {
      return EMAIL.matcher(text).matches();
    }
  }

  /** The lines to compare: comment lines ({@code #...}) and blank lines left out, rules cut off. */
  static List<ExpectedLine> expectedLines(List<String> file) {
    List<ExpectedLine> out = new ArrayList<>();
    for (int i = 0; i < file.size(); i++) {
      String line = file.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int at = line.indexOf(RULE);
      String text = (at < 0 ? line : line.substring(0, at)).stripTrailing();
      String rule = at < 0 ? null : line.substring(at + RULE.length()).strip();
      out.add(new ExpectedLine(i + 1, text, rule == null || rule.isEmpty() ? null : rule));
    }
    return out;
  }

  /** What the preview said at one moment of a scenario (after the launch or an event). */
  record Preview(LocalDate on, List<PreviewService.PlannedNotice> planned) {}

  /**
   * Preview and simulation side by side: at every moment a person acts, the preview of the review
   * lists the ladder notices to come "if nothing else happens". That holds until the scenario's
   * next event (events happen at 08:00, before the day's notices), or to its end: within that
   * window, the ladder notices the simulation sent must be exactly those the preview announced
   * (dates, kinds, steps, States, addressees, language, due dates). A ladder notice is a rung of a
   * step's ladder ({@link SimulationRunner.OutputNotice#ladderRung}), not a kind: the interim
   * notices that a focal point's leaving causes go out with the event, like every announcement, and
   * no preview plans them.
   */
  private static void previewsAnnouncedWhatWasSent(
      Path scenario, SimulationRunner.Output out, List<Preview> previews) {
    Scenario parsed = Scenario.parse(readQuietly(scenario), s -> true);
    List<LocalDate> moments = new ArrayList<>();
    moments.add(parsed.start());
    parsed.events().forEach(e -> moments.add(e.on()));
    assertThat(previews).as("one preview per moment").hasSize(moments.size());
    int windows = 0;
    for (int i = 0; i < previews.size(); i++) {
      LocalDate from = previews.get(i).on();
      // The window ends before the next event's day, or with the scenario's last day.
      LocalDate endExclusive =
          i + 1 < moments.size() ? moments.get(i + 1) : parsed.until().plusDays(1);
      if (!endExclusive.isAfter(from)) {
        continue; // another event the same day: nothing can be sent in between
      }
      List<String> announced =
          previews.get(i).planned().stream()
              .filter(p -> !p.on().isBefore(from) && p.on().isBefore(endExclusive))
              .map(
                  p ->
                      line(
                          p.on(),
                          p.kind(),
                          p.step(),
                          p.state(),
                          p.to(),
                          p.cc(),
                          p.language(),
                          p.due()))
              .sorted()
              .toList();
      List<String> sent =
          out.notices().stream()
              .filter(n -> n.review().equals(out.review().get("id")))
              .filter(
                  n -> n.ladderRung() && !n.on().isBefore(from) && n.on().isBefore(endExclusive))
              .map(
                  n ->
                      line(
                          n.on(),
                          n.kind(),
                          n.step(),
                          n.state(),
                          n.to(),
                          n.cc(),
                          n.language(),
                          n.due()))
              .sorted()
              .toList();
      assertThat(sent)
          .as(
              "%s: ladder notices sent from %s to before %s, against the preview of %s",
              scenario.getFileName(), from, endExclusive, from)
          .containsExactlyElementsOf(announced);
      windows++;
    }
    assertThat(windows).as("windows compared").isPositive();
  }

  private static String line(
      LocalDate on,
      String kind,
      String step,
      String state,
      List<String> to,
      List<String> cc,
      String language,
      LocalDate due) {
    return on
        + " "
        + kind
        + " "
        + step
        + " "
        + state
        + " -> "
        + String.join(",", to)
        + " cc "
        + cc.stream().sorted().toList()
        + " ["
        + language
        + "] due "
        + due;
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> lines(SimulationRunner.Output out) {
    List<String> lines = new ArrayList<>();
    lines.add("review " + out.review().get("id") + " " + out.review().get("rulebookVersion"));
    for (SimulationRunner.OutputNotice n : out.notices()) {
      lines.add(
          n.on()
              + " "
              + n.kind()
              + " "
              + (n.step() == null ? "-" : n.step())
              + " "
              + (n.state() == null ? "-" : n.state())
              + " -> "
              + String.join(",", n.to())
              + (n.cc().isEmpty() ? "" : " cc " + String.join(",", n.cc()))
              + " ["
              + n.language()
              + "]"
              + (n.review().equals(out.review().get("id")) ? "" : " review " + n.review()));
    }
    for (SimulationRunner.Rejected r : out.rejected()) {
      lines.add(
          "rejected event " + r.index() + " " + r.type() + " on " + r.on() + ": " + r.reason());
    }
    lines.add("final " + out.finalState());
    return lines;
  }

  @Test
  void anExpectedFileComparesTheTextBeforeTheRuleAndSkipsCommentLines() {
    List<ExpectedLine> lines =
        expectedLines(
            List.of(
                "# a comment line",
                "review AUT-P2-2027 default@2027.1",
                "",
                "2027-01-11 FOCAL_POINT_REMINDER FOCAL_POINT AUT -> pr@aut.example [en]  # T0+7 (domain.md)",
                "2027-01-12 REMINDER SAQ AUT -> fp@aut.example [en]",
                "2027-01-13 REMINDER SAQ AUT -> fp@aut.example [en]  #  ",
                "final ACTIVE  # what is still open"));
    assertThat(lines)
        .extracting(ExpectedLine::number, ExpectedLine::text, ExpectedLine::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "review AUT-P2-2027 default@2027.1", null),
            org.assertj.core.groups.Tuple.tuple(
                4,
                "2027-01-11 FOCAL_POINT_REMINDER FOCAL_POINT AUT -> pr@aut.example [en]",
                "T0+7 (domain.md)"),
            org.assertj.core.groups.Tuple.tuple(
                5, "2027-01-12 REMINDER SAQ AUT -> fp@aut.example [en]", null),
            org.assertj.core.groups.Tuple.tuple(
                6, "2027-01-13 REMINDER SAQ AUT -> fp@aut.example [en]", null),
            org.assertj.core.groups.Tuple.tuple(7, "final ACTIVE", "what is still open"));
    assertThat(lines)
        .filteredOn(ExpectedLine::isEmail)
        .extracting(ExpectedLine::number)
        .containsExactly(4, 5, 6);
  }

  @Test
  void anInvalidScenarioIsRefusedWithTheIndexOfEachBadEventAndNothingRuns() {
    String bad =
        """
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
        .isInstanceOfSatisfying(
            Scenario.InvalidScenarioException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.index() + ": " + p.reason())
                    .containsExactlyInAnyOrder(
                        "1: events must be in date order (2027-01-09 is before 2027-01-10)",
                        "2: unknown event type 'NOT_A_TYPE'",
                        "3: unknown State 'XXX' in state",
                        "4: unknown field 'colour'"));
  }
}
