package org.revflow.review;

import org.revflow.vocabulary.Step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revflow.vocabulary.EventType.*;
import static org.revflow.testsupport.ReviewDriver.fp;
import static org.revflow.testsupport.ReviewDriver.pr;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The country review on the real engine, time moved timer by timer: each test follows one path of
 * the models and checks the exact dates, kinds and addressees of the notices against the brief.
 */
@RevFlowTest
class LifecycleProcessTest {

  static final String SECRETARIAT = "untoc.review@example.org";

  @Autowired ReviewDriver driver;

  @org.junit.jupiter.api.AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void focalPointLateThenDesignated() {
    driver.permanentRepresentatives("AUT", "DEU", "KEN");
    String id = driver.launch("AUT", 1, "DEU", "KEN");
    LocalDate t0 = driver.time().today();
    LocalDate due = t0.plusWeeks(2);
    driver.designateFocalPoint(t0.plusDays(2), id, "DEU");
    driver.designateFocalPoint(t0.plusDays(3), id, "KEN");
    driver.designateFocalPoint(due.plusDays(10), id, "AUT");

    List<String> fpNotices = driver.notices(id).stream()
        .filter(l -> l.contains(" FOCAL_POINT ") || l.contains("REVIEW_LAUNCHED")).toList();
    assertThat(fpNotices).containsExactlyInAnyOrder(
        t0 + " REVIEW_LAUNCHED - AUT -> " + pr("AUT") + " cc " + SECRETARIAT,
        t0 + " REVIEW_LAUNCHED - DEU -> " + pr("DEU") + " cc " + SECRETARIAT,
        t0 + " REVIEW_LAUNCHED - KEN -> " + pr("KEN") + " cc " + SECRETARIAT,
        t0.plusDays(2) + " FOCAL_POINT_DESIGNATED FOCAL_POINT DEU -> " + fp("DEU") + " cc " + SECRETARIAT,
        t0.plusDays(3) + " FOCAL_POINT_DESIGNATED FOCAL_POINT KEN -> " + fp("KEN") + " cc " + SECRETARIAT,
        t0.plusDays(7) + " FOCAL_POINT_REMINDER FOCAL_POINT AUT -> " + pr("AUT") + " cc " + SECRETARIAT,
        due.plusDays(1) + " INTERIM_FOCAL_POINT_IN_FORCE FOCAL_POINT AUT -> " + pr("AUT") + " cc " + SECRETARIAT,
        due.plusDays(1) + " INTERIM_FOCAL_POINT_INFO FOCAL_POINT AUT -> " + fp("DEU"),
        due.plusDays(1) + " INTERIM_FOCAL_POINT_INFO FOCAL_POINT AUT -> " + fp("KEN"),
        due.plusDays(10) + " FOCAL_POINT_DESIGNATED FOCAL_POINT AUT -> " + fp("AUT") + " cc " + SECRETARIAT,
        due.plusDays(10) + " INTERIM_FOCAL_POINT_ENDED FOCAL_POINT AUT -> " + pr("AUT") + " cc " + SECRETARIAT);
  }

  /** Designates every focal point and the experts on launch day and holds the consultation. */
  private LocalDate openingStepsOnTime(String id, String... states) {
    LocalDate t0 = driver.time().today();
    for (String s : states) {
      driver.designateFocalPoint(t0, id, s);
      driver.on(t0, id, EXPERTS_DESIGNATED, s);
    }
    driver.on(t0, id, PRELIMINARY_CONSULTATION_HELD);
    return t0;
  }

  private List<String> about(String id, String stepAndState) {
    return driver.notices(id).stream().filter(l -> l.contains(" " + stepAndState + " ")).toList();
  }

  @Test
  void everythingOnTimeCompletesThePhaseAndStartsTheNextAtT0Plus24Months() {
    driver.permanentRepresentatives("FRA", "ITA", "NGA");
    String id = driver.launch("FRA", 1, "ITA", "NGA");
    LocalDate t0 = openingStepsOnTime(id, "FRA", "ITA", "NGA");
    driver.on(t0.plusMonths(3), id, SAQ_CLEARED);
    LocalDate s = t0.plusMonths(3);
    driver.on(s, id, TRANSLATION_DONE);
    driver.on(s.plusMonths(2), id, FEEDBACK_CLEARED, "ITA");
    driver.on(s.plusMonths(2), id, FEEDBACK_CLEARED, "NGA");
    LocalDate f = s.plusMonths(2);
    driver.on(f.plusDays(20), id, DIALOGUE_CLOSED);
    driver.on(f.plusDays(40), id, OBSERVATIONS_CLEARED, "ITA");
    driver.on(f.plusDays(40), id, OBSERVATIONS_CLEARED, "NGA");
    driver.on(f.plusDays(50), id, OBSERVATIONS_AGREED);
    driver.on(f.plusDays(50), id, SUMMARY_AGREED);
    driver.on(f.plusDays(70), id, FINALISED);

    assertThat(driver.notices(id)).noneMatch(l -> l.contains("REMINDER") || l.contains("OVERDUE")
        || l.contains("ESCALATION") || l.contains("INTERIM"));
    assertThat(driver.review(id).status()).isEqualTo("COMPLETED");
    assertThat(driver.notices(id)).filteredOn(l -> l.contains("REVIEW_COMPLETED")).containsExactlyInAnyOrder(
        f.plusDays(70) + " REVIEW_COMPLETED - FRA -> " + fp("FRA") + " cc " + SECRETARIAT,
        f.plusDays(70) + " REVIEW_COMPLETED - ITA -> " + fp("ITA") + " cc " + SECRETARIAT,
        f.plusDays(70) + " REVIEW_COMPLETED - NGA -> " + fp("NGA") + " cc " + SECRETARIAT);
    assertThat(driver.notices(id)).filteredOn(l -> l.contains("STEP_DONE FINALISATION")).hasSize(3);

    // Phase completion: the same State's next phase starts at T0 + 24 months, not before.
    driver.time().walkTo(t0.plusMonths(24).minusDays(1));
    assertThatThrownBy(() -> driver.review("FRA-P2-" + t0.plusMonths(24).getYear()))
        .hasMessageContaining("no review");
    driver.time().walkTo(t0.plusMonths(24));
    ReviewView next = driver.review("FRA-P2-" + t0.plusMonths(24).getYear());
    assertThat(next.launchDate()).isEqualTo(t0.plusMonths(24));
    assertThat(next.phase()).isEqualTo(2);
    assertThat(next.participants()).extracting(ReviewView.Participant::state).containsExactly("FRA", "ITA", "NGA");
    assertThat(driver.notices(next.id())).filteredOn(l -> l.contains("REVIEW_LAUNCHED")).hasSize(3);
  }

  @Test
  void focalPointNeverDesignatedLeavesThePermanentRepresentativeInterimThroughTheReview() {
    driver.permanentRepresentatives("BRA", "CHL", "ESP");
    String id = driver.launch("BRA", 1, "CHL", "ESP");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0.plusDays(1), id, "CHL");
    driver.designateFocalPoint(t0.plusDays(1), id, "ESP");
    LocalDate due = t0.plusWeeks(2);
    driver.on(t0.plusMonths(2), id, SAQ_CLEARED);

    assertThat(about(id, "FOCAL_POINT BRA")).containsExactlyInAnyOrder(
        t0.plusDays(7) + " FOCAL_POINT_REMINDER FOCAL_POINT BRA -> " + pr("BRA") + " cc " + SECRETARIAT,
        due.plusDays(1) + " INTERIM_FOCAL_POINT_IN_FORCE FOCAL_POINT BRA -> " + pr("BRA") + " cc " + SECRETARIAT,
        due.plusDays(1) + " INTERIM_FOCAL_POINT_INFO FOCAL_POINT BRA -> " + fp("CHL"),
        due.plusDays(1) + " INTERIM_FOCAL_POINT_INFO FOCAL_POINT BRA -> " + fp("ESP"),
        due.plusDays(31) + " DESIGNATION_PENDING FOCAL_POINT BRA -> " + pr("BRA") + " cc " + SECRETARIAT);
    // The interim permanent representative gets the focal point's notices: here, "SAQ cleared".
    assertThat(driver.notices(id)).contains(
        t0.plusMonths(2) + " STEP_DONE SAQ BRA -> " + pr("BRA") + " cc " + SECRETARIAT);
    ReviewView view = driver.review(id);
    assertThat(view.actingFocalPoints()).filteredOn(a -> a.state().equals("BRA"))
        .singleElement().satisfies(a -> {
          assertThat(a.interim()).isTrue();
          assertThat(a.email()).isEqualTo(pr("BRA"));
        });
  }

  @Test
  void focalPointReplacedMidReviewGetsTheNoticesFromThenOn() {
    driver.permanentRepresentatives("CAN", "MEX", "JPN");
    String id = driver.launch("CAN", 1, "MEX", "JPN");
    LocalDate t0 = openingStepsOnTime(id, "CAN", "MEX", "JPN");
    LocalDate saqDue = t0.plusMonths(6);
    driver.on(saqDue.minusDays(20), id, new ReviewCommands.RecordEvent(FOCAL_POINT_DESIGNATED, "CAN", null, null,
        "NV/2", null, null, null, null, null,
        new ReviewCommands.Person("New focal point", "new.fp@can.example", "fr", "America/Toronto"), null));
    driver.time().walkTo(saqDue.plusDays(2));

    assertThat(about(id, "SAQ CAN")).containsExactlyInAnyOrder(
        saqDue.minusDays(30) + " REMINDER SAQ CAN -> " + fp("CAN"),
        saqDue.minusDays(7) + " REMINDER SAQ CAN -> new.fp@can.example",
        saqDue.plusDays(1) + " OVERDUE SAQ CAN -> new.fp@can.example cc " + pr("CAN") + "," + SECRETARIAT);
    assertThat(about(id, "FOCAL_POINT CAN")).last().isEqualTo(
        saqDue.minusDays(20) + " FOCAL_POINT_DESIGNATED FOCAL_POINT CAN -> new.fp@can.example cc " + SECRETARIAT);
  }

  @Test
  void expertsLateGetRemindersOverdueAndEscalationUntilDesignated() {
    driver.permanentRepresentatives("IND", "PAK", "SWE");
    String id = driver.launch("IND", 1, "PAK", "SWE");
    LocalDate t0 = driver.time().today();
    for (String s : List.of("IND", "PAK", "SWE")) {
      driver.designateFocalPoint(t0, id, s);
    }
    driver.on(t0.plusDays(1), id, EXPERTS_DESIGNATED, "PAK");
    driver.on(t0.plusDays(1), id, EXPERTS_DESIGNATED, "SWE");
    LocalDate due = t0.plusWeeks(4);
    driver.on(due.plusDays(40), id, EXPERTS_DESIGNATED, "IND");

    // D - 30 falls before the step started: not sent.
    assertThat(about(id, "EXPERTS IND")).startsWith(
        due.minusDays(7) + " REMINDER EXPERTS IND -> " + fp("IND"),
        due.plusDays(1) + " OVERDUE EXPERTS IND -> " + fp("IND") + " cc " + pr("IND") + "," + SECRETARIAT,
        due.plusDays(31) + " ESCALATION EXPERTS IND -> " + pr("IND") + " cc " + SECRETARIAT);
    assertThat(about(id, "EXPERTS IND")).filteredOn(l -> l.contains("STEP_DONE")).hasSize(3)
        .allMatch(l -> l.startsWith(due.plusDays(40).toString()));
    assertThat(about(id, "EXPERTS PAK")).noneMatch(l -> l.contains("REMINDER"));
  }

  @Test
  void questionnaireLateThroughThreeEscalations() {
    driver.permanentRepresentatives("EGY", "MAR", "POL");
    String id = driver.launch("EGY", 1, "MAR", "POL");
    LocalDate t0 = openingStepsOnTime(id, "EGY", "MAR", "POL");
    LocalDate due = t0.plusMonths(6);
    driver.on(due.plusDays(100), id, SAQ_CLEARED);

    assertThat(about(id, "SAQ EGY")).containsExactlyInAnyOrder(
        due.minusDays(30) + " REMINDER SAQ EGY -> " + fp("EGY"),
        due.minusDays(7) + " REMINDER SAQ EGY -> " + fp("EGY"),
        due.plusDays(1) + " OVERDUE SAQ EGY -> " + fp("EGY") + " cc " + pr("EGY") + "," + SECRETARIAT,
        due.plusDays(31) + " ESCALATION SAQ EGY -> " + pr("EGY") + " cc " + SECRETARIAT,
        due.plusDays(61) + " ESCALATION SAQ EGY -> " + pr("EGY") + " cc " + SECRETARIAT,
        due.plusDays(91) + " ESCALATION SAQ EGY -> " + pr("EGY") + " cc " + SECRETARIAT,
        due.plusDays(100) + " STEP_DONE SAQ EGY -> " + fp("EGY") + " cc " + SECRETARIAT,
        due.plusDays(100) + " STEP_DONE SAQ EGY -> " + fp("MAR") + " cc " + SECRETARIAT,
        due.plusDays(100) + " STEP_DONE SAQ EGY -> " + fp("POL") + " cc " + SECRETARIAT);
    assertThat(driver.review(id).doneSteps()).filteredOn(st -> st.step() == Step.SAQ).singleElement()
        .satisfies(st -> assertThat(st.daysOverdue()).isEqualTo(100));
  }

  @Test
  void oneReviewingStateLateTheOtherOnTime() {
    driver.permanentRepresentatives("ARG", "URY", "NOR");
    String id = driver.launch("ARG", 1, "URY", "NOR");
    LocalDate t0 = openingStepsOnTime(id, "ARG", "URY", "NOR");
    LocalDate s = t0.plusMonths(2);
    driver.on(s, id, SAQ_CLEARED);
    LocalDate due = s.plusMonths(6);
    driver.on(s.plusMonths(1), id, FEEDBACK_CLEARED, "NOR");
    driver.on(due.plusDays(5), id, FEEDBACK_CLEARED, "URY");

    assertThat(about(id, "FEEDBACK URY")).startsWith(
        due.minusDays(30) + " REMINDER FEEDBACK URY -> " + fp("URY"),
        due.minusDays(7) + " REMINDER FEEDBACK URY -> " + fp("URY"),
        due.plusDays(1) + " OVERDUE FEEDBACK URY -> " + fp("URY") + " cc " + pr("URY") + "," + SECRETARIAT);
    assertThat(about(id, "FEEDBACK NOR")).allMatch(l -> l.contains("STEP_DONE"));
    // The dialogue starts when the last feedback is cleared.
    assertThat(driver.review(id).openSteps()).filteredOn(st -> st.step() == Step.DIALOGUE).singleElement()
        .satisfies(st -> assertThat(st.startedOn()).isEqualTo(due.plusDays(5)));
  }

  /** Takes a review to the dialogue: everything on time, feedback cleared two months after the SAQ. */
  private LocalDate reachDialogue(String id, String underReview, String... reviewers) {
    LocalDate t0 = openingStepsOnTime(id, java.util.stream.Stream.concat(java.util.stream.Stream.of(underReview),
        java.util.stream.Stream.of(reviewers)).toArray(String[]::new));
    driver.on(t0.plusMonths(2), id, SAQ_CLEARED);
    for (String r : reviewers) {
      driver.on(t0.plusMonths(4), id, FEEDBACK_CLEARED, r);
    }
    return t0.plusMonths(4);
  }

  @Test
  void twoDialogueRoundsEachWithItsOwnDeadline() {
    driver.permanentRepresentatives("GHA", "SEN", "NLD");
    String id = driver.launch("GHA", 1, "SEN", "NLD");
    LocalDate f = reachDialogue(id, "GHA", "SEN", "NLD");
    driver.on(f.plusDays(10), id, CLARIFICATION_REQUESTED);
    driver.on(f.plusDays(20), id, CLARIFICATION_ANSWERED);
    LocalDate round2 = f.plusDays(50);
    driver.on(round2, id, CLARIFICATION_REQUESTED);
    LocalDate due2 = round2.plusMonths(2);
    driver.on(due2.plusDays(3), id, DIALOGUE_CLOSED);

    assertThat(about(id, "DIALOGUE GHA")).filteredOn(l -> !l.contains("CLARIFICATION") && !l.contains("STEP_DONE"))
        .containsExactlyInAnyOrder(
            due2.minusDays(30) + " REMINDER DIALOGUE GHA -> " + fp("GHA"),
            due2.minusDays(7) + " REMINDER DIALOGUE GHA -> " + fp("GHA"),
            due2.plusDays(1) + " OVERDUE DIALOGUE GHA -> " + fp("GHA") + " cc " + pr("GHA") + "," + SECRETARIAT);
    assertThat(about(id, "DIALOGUE GHA")).filteredOn(l -> l.contains("CLARIFICATION_REQUESTED")).containsExactlyInAnyOrder(
        f.plusDays(10) + " CLARIFICATION_REQUESTED DIALOGUE GHA -> " + fp("GHA") + " cc " + SECRETARIAT,
        round2 + " CLARIFICATION_REQUESTED DIALOGUE GHA -> " + fp("GHA") + " cc " + SECRETARIAT);
  }

  @Test
  void changesRequestedSendTheListsBackWithAOneMonthDeadline() {
    driver.permanentRepresentatives("KOR", "THA", "IRL");
    String id = driver.launch("KOR", 1, "THA", "IRL");
    LocalDate f = reachDialogue(id, "KOR", "THA", "IRL");
    driver.on(f.plusDays(5), id, DIALOGUE_CLOSED);
    driver.on(f.plusDays(30), id, OBSERVATIONS_CLEARED, "THA");
    driver.on(f.plusDays(30), id, OBSERVATIONS_CLEARED, "IRL");
    LocalDate requested = f.plusDays(40);
    driver.on(requested, id, CHANGES_REQUESTED);
    driver.on(requested.plusDays(10), id, OBSERVATIONS_CLEARED, "THA");
    LocalDate due = requested.plusMonths(1);
    driver.time().walkTo(due.plusDays(1));

    assertThat(driver.review(id).openSteps()).filteredOn(st -> st.step() == Step.OBSERVATIONS).singleElement()
        .satisfies(st -> {
          assertThat(st.state()).isEqualTo("IRL");
          assertThat(st.round()).isEqualTo(2);
          assertThat(st.due()).isEqualTo(due);
        });
    // D - 30 is sent only when it does not fall before the new round started (month lengths vary).
    List<String> expected = new java.util.ArrayList<>();
    if (!due.minusDays(30).isBefore(requested)) {
      expected.add(due.minusDays(30) + " REMINDER OBSERVATIONS IRL -> " + fp("IRL"));
    }
    expected.add(due.minusDays(7) + " REMINDER OBSERVATIONS IRL -> " + fp("IRL"));
    expected.add(due.plusDays(1) + " OVERDUE OBSERVATIONS IRL -> " + fp("IRL") + " cc " + pr("IRL") + "," + SECRETARIAT);
    assertThat(about(id, "OBSERVATIONS IRL"))
        .filteredOn(l -> !l.contains("STEP_DONE") && !l.contains("CHANGES_REQUESTED"))
        .containsExactlyInAnyOrderElementsOf(expected);
    // Both reviewing States are told, each in its own email.
    assertThat(driver.notices(id)).filteredOn(l -> l.contains("CHANGES_REQUESTED")).containsExactlyInAnyOrder(
        requested + " CHANGES_REQUESTED OBSERVATIONS THA -> " + fp("THA") + " cc " + SECRETARIAT,
        requested + " CHANGES_REQUESTED OBSERVATIONS IRL -> " + fp("IRL") + " cc " + SECRETARIAT);
  }

  @Test
  void extendingARunningDeadlineReplansItsLadderWithoutRepeatingWhatWasSent() {
    driver.permanentRepresentatives("PER", "COL", "BEL");
    String id = driver.launch("PER", 1, "COL", "BEL");
    LocalDate t0 = openingStepsOnTime(id, "PER", "COL", "BEL");
    LocalDate due = t0.plusMonths(6);
    LocalDate extendedOn = due.minusDays(5);
    LocalDate newDue = due.plusMonths(2);
    driver.extend(extendedOn, id, Step.SAQ, null, newDue);
    driver.on(newDue.plusDays(2), id, SAQ_CLEARED);

    assertThat(about(id, "SAQ PER")).filteredOn(l -> !l.contains("STEP_DONE")).containsExactlyInAnyOrder(
        due.minusDays(30) + " REMINDER SAQ PER -> " + fp("PER"),
        due.minusDays(7) + " REMINDER SAQ PER -> " + fp("PER"),
        extendedOn + " DEADLINE_EXTENDED SAQ PER -> " + fp("PER") + " cc " + SECRETARIAT,
        newDue.minusDays(30) + " REMINDER SAQ PER -> " + fp("PER"),
        newDue.minusDays(7) + " REMINDER SAQ PER -> " + fp("PER"),
        newDue.plusDays(1) + " OVERDUE SAQ PER -> " + fp("PER") + " cc " + pr("PER") + "," + SECRETARIAT);
    assertThat(driver.review(id).doneSteps()).filteredOn(st -> st.step() == Step.SAQ).singleElement()
        .satisfies(st -> {
          assertThat(st.deadlineRevision()).isEqualTo(1);
          assertThat(st.originalDue()).isEqualTo(due);
        });
  }

  @Test
  void holdSilencesTheLaddersAndResumeMovesEveryOpenDeadlineByTheHold() {
    driver.permanentRepresentatives("PRT", "AGO", "CPV");
    String id = driver.launch("PRT", 1, "AGO", "CPV");
    LocalDate t0 = openingStepsOnTime(id, "PRT", "AGO", "CPV");
    LocalDate due = t0.plusMonths(6);
    LocalDate held = due.minusDays(40);
    driver.on(held, id, REVIEW_ON_HOLD);
    LocalDate resumed = held.plusDays(60);
    driver.on(resumed, id, REVIEW_RESUMED);
    LocalDate newDue = due.plusDays(60);
    assertThat(driver.review(id).openSteps()).filteredOn(st -> st.step() == Step.SAQ).singleElement()
        .satisfies(st -> assertThat(st.due()).isEqualTo(newDue));
    driver.time().walkTo(newDue.plusDays(1));

    assertThat(about(id, "SAQ PRT")).containsExactlyInAnyOrder(
        newDue.minusDays(30) + " REMINDER SAQ PRT -> " + fp("PRT"),
        newDue.minusDays(7) + " REMINDER SAQ PRT -> " + fp("PRT"),
        newDue.plusDays(1) + " OVERDUE SAQ PRT -> " + fp("PRT") + " cc " + pr("PRT") + "," + SECRETARIAT);
    assertThat(driver.notices(id)).filteredOn(l -> l.contains("REVIEW_ON_HOLD")).hasSize(3)
        .allMatch(l -> l.startsWith(held.toString()));
    assertThat(driver.notices(id)).filteredOn(l -> l.contains("REVIEW_RESUMED")).hasSize(3)
        .allMatch(l -> l.startsWith(resumed.toString()));
  }

  @Test
  void aReplacedReviewerHandsItsOpenStepToTheNewReviewer() {
    driver.permanentRepresentatives("TUR", "GRC", "CYP", "MLT");
    String id = driver.launch("TUR", 1, "GRC", "CYP");
    LocalDate t0 = openingStepsOnTime(id, "TUR", "GRC", "CYP");
    LocalDate s = t0.plusMonths(1);
    driver.on(s, id, SAQ_CLEARED);
    driver.on(s.plusMonths(1), id, FEEDBACK_CLEARED, "GRC");
    LocalDate replaced = s.plusMonths(2);
    driver.replaceReviewer(replaced, id, "CYP", "MLT");
    LocalDate due = s.plusMonths(6);
    driver.time().walkTo(due.plusDays(1));

    assertThat(driver.review(id).participants()).extracting(p -> p.state() + ":" + p.active())
        .containsExactly("TUR:true", "GRC:true", "CYP:false", "MLT:true");
    assertThat(about(id, "FEEDBACK MLT")).containsExactlyInAnyOrder(
        due.minusDays(30) + " REMINDER FEEDBACK MLT -> " + pr("MLT"),
        due.minusDays(7) + " REMINDER FEEDBACK MLT -> " + pr("MLT"),
        due.plusDays(1) + " OVERDUE FEEDBACK MLT -> " + pr("MLT") + " cc " + SECRETARIAT);
    assertThat(about(id, "FEEDBACK CYP")).isEmpty();
    assertThat(driver.notices(id)).filteredOn(l -> l.contains("REVIEWER_REPLACED")).isNotEmpty()
        .allMatch(l -> l.startsWith(replaced.toString()));
    // The new reviewer's feedback is accepted; the old one's is not.
    driver.on(due.plusDays(3), id, FEEDBACK_CLEARED, "MLT");
    assertThatThrownBy(() -> driver.on(due.plusDays(3), id, FEEDBACK_CLEARED, "CYP"))
        .hasMessageContaining("not a reviewing State");
    // Steps that start after the replacement read the new list of reviewing States from the engine.
    LocalDate closed = due.plusDays(10);
    driver.on(closed, id, DIALOGUE_CLOSED);
    LocalDate observationsDue = closed.plusMonths(3);
    driver.time().walkTo(observationsDue.plusDays(1));
    assertThat(about(id, "OBSERVATIONS MLT")).containsExactlyInAnyOrder(
        observationsDue.minusDays(30) + " REMINDER OBSERVATIONS MLT -> " + pr("MLT"),
        observationsDue.minusDays(7) + " REMINDER OBSERVATIONS MLT -> " + pr("MLT"),
        observationsDue.plusDays(1) + " OVERDUE OBSERVATIONS MLT -> " + pr("MLT") + " cc " + SECRETARIAT);
    assertThat(about(id, "OBSERVATIONS CYP")).isEmpty();
  }
}
