package org.revflow.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.rulebook.TestRulebooks.problems;
import static org.revflow.rulebook.TestRulebooks.remove;
import static org.revflow.rulebook.TestRulebooks.rename;
import static org.revflow.rulebook.TestRulebooks.set;

import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulebookValidatorTest {

  private static final String PREFIX = "rulebook 'default' 2027.1: ";

  @Test
  void aNegativePeriodIsNamedWithItsEntry() {
    assertThat(problems(set("steps.SAQ.deadline", "P-6M")))
        .containsExactly(
            "rulebook 'default' 2027.1: steps.SAQ.deadline: 'P-6M' must be a positive period");
  }

  @Test
  void zeroAndPartlyNegativeAndUnparseablePeriodsAreRejected() {
    assertThat(problems(set("steps.FEEDBACK.deadline", "P0D")))
        .containsExactly(PREFIX + "steps.FEEDBACK.deadline: 'P0D' must be a positive period");
    assertThat(problems(set("nextPhaseAfter", "P2Y-1D")))
        .containsExactly(PREFIX + "nextPhaseAfter: 'P2Y-1D' must be a positive period");
    assertThat(problems(set("actionLinkValidity", "30 days")))
        .containsExactly(
            PREFIX
                + "actionLinkValidity: '30 days' is not an ISO-8601 period (e.g. P2W, P1M, P30D)");
  }

  @Test
  void everyStepMustBeThere() {
    assertThat(problems(remove("steps.TRANSLATION")))
        .containsExactly(PREFIX + "steps.TRANSLATION: missing (every step needs a deadline)");
  }

  @Test
  void anUnknownStepIsNamed() {
    assertThat(problems(rename("steps.TRANSLATION", "TRANSLATON")))
        .containsExactly(
            PREFIX
                + "steps.TRANSLATON: unknown step (steps are [FOCAL_POINT, EXPERTS, PRELIMINARY_CONSULTATION, SAQ,"
                + " TRANSLATION, FEEDBACK, DIALOGUE, OBSERVATIONS, OBSERVATIONS_AGREEMENT, SUMMARY, SUMMARY_AGREEMENT, FINALISATION])",
            PREFIX + "steps.TRANSLATION: missing (every step needs a deadline)");
  }

  @Test
  void fromMustBeLaunchOrStepStart() {
    assertThat(problems(set("steps.SAQ.from", "launch")))
        .containsExactly(PREFIX + "steps.SAQ.from: 'launch' must be LAUNCH or STEP_START");
    assertThat(problems(remove("steps.SAQ.from")))
        .containsExactly(PREFIX + "steps.SAQ.from: missing (LAUNCH or STEP_START)");
  }

  @Test
  void roundsBelongToDialogueAndObservationsOnly() {
    assertThat(problems(set("steps.SAQ.round", "P1M")))
        .containsExactly(PREFIX + "steps.SAQ.round: only [DIALOGUE, OBSERVATIONS] have rounds");
    assertThat(problems(remove("steps.DIALOGUE.round")))
        .containsExactly(PREFIX + "steps.DIALOGUE.round: missing");
  }

  @Test
  void aZoneMustBeAKnownRegion() {
    assertThat(problems(set("zone", "Europe/Viena")))
        .containsExactly(
            PREFIX + "zone: 'Europe/Viena' is not a known time zone (e.g. Europe/Vienna)");
    assertThat(problems(set("zone", "+01:00")))
        .containsExactly(
            PREFIX + "zone: '+01:00' must be a region such as Europe/Vienna, not a fixed offset");
  }

  @Test
  void remindersMustBeStrictlyBeforeTheDeadline() {
    assertThat(problems(set("ladder.reminders", List.of("P30D", "P0D"))))
        .containsExactly(PREFIX + "ladder.reminders[1]: 'P0D' must be a positive period");
    assertThat(problems(set("ladder.reminders", List.of("P-7D"))))
        .containsExactly(PREFIX + "ladder.reminders[0]: 'P-7D' must be a positive period");
  }

  @Test
  void ladderOffsetsCountDays() {
    assertThat(problems(set("ladder.reminders", List.of("P1M", "P7D"))))
        .containsExactly(
            PREFIX
                + "ladder.reminders[0]: 'P1M' must be a number of days or weeks (e.g. P30D): ladder offsets count days");
    assertThat(problems(set("focalPointLadder.designationPending.every", "P1M")))
        .containsExactly(
            PREFIX
                + "focalPointLadder.designationPending.every: 'P1M' must be a number of days or weeks (e.g. P30D): ladder offsets count days");
  }

  @Test
  void aRepeatedReminderIsNamed() {
    assertThat(problems(set("ladder.reminders", List.of("P30D", "P7D", "P1W"))))
        .containsExactly(PREFIX + "ladder.reminders[2]: 'P1W' repeats ladder.reminders[1]");
  }

  @Test
  void remindersAreKeptEarliestFirstWhateverTheOrderWritten() {
    Rulebook rb = TestRulebooks.load(set("ladder.reminders", List.of("P7D", "P2W", "P30D")));

    assertThat(rb.ladder().reminders())
        .containsExactly(Period.ofDays(30), Period.ofDays(14), Period.ofDays(7));
  }

  @Test
  void noRemindersAtAllIsAllowedButMustBeSaid() {
    assertThat(TestRulebooks.load(set("ladder.reminders", List.of())).ladder().reminders())
        .isEmpty();
    assertThat(problems(remove("ladder.reminders")))
        .containsExactly(PREFIX + "ladder.reminders: missing (write [] for no reminders)");
  }

  @Test
  void escalationsComeAfterTheOverdueNotice() {
    assertThat(problems(set("ladder.escalation.first", "P1D")))
        .containsExactly(
            PREFIX + "ladder.escalation.first: 'P1D' must come after ladder.overdue 'P1D'");
    assertThat(problems(set("ladder.escalation.every", "P0D")))
        .containsExactly(PREFIX + "ladder.escalation.every: 'P0D' must be a positive period");
    assertThat(problems(set("ladder.overdue", "P0D")))
        .containsExactly(PREFIX + "ladder.overdue: 'P0D' must be a positive period");
  }

  @Test
  void designationPendingComesAfterTheInterim() {
    assertThat(problems(set("focalPointLadder.designationPending.first", "P1D")))
        .containsExactly(
            PREFIX
                + "focalPointLadder.designationPending.first: 'P1D' must come after focalPointLadder.interim 'P1D'");
  }

  @Test
  void theFocalPointReminderMustFallBeforeItsDeadline() {
    assertThat(problems(set("focalPointLadder.reminder", "P14D")))
        .containsExactly(
            PREFIX
                + "focalPointLadder.reminder: 'P14D' must fall before the focal-point deadline"
                + " (steps.FOCAL_POINT.deadline 'P2W')");
    // A month is at least 28 days, so 28 days after the start is not always before start + P1M.
    assertThat(
            problems(
                root -> {
                  set("steps.FOCAL_POINT.deadline", "P1M").accept(root);
                  set("focalPointLadder.reminder", "P28D").accept(root);
                }))
        .containsExactly(
            PREFIX
                + "focalPointLadder.reminder: 'P28D' must fall before the focal-point deadline"
                + " (steps.FOCAL_POINT.deadline 'P1M')");
    assertThat(
            TestRulebooks.load(set("focalPointLadder.reminder", "P13D"))
                .focalPointLadder()
                .reminder())
        .isEqualTo(Period.ofDays(13));
  }

  @Test
  void everyPhaseHasANamedCluster() {
    assertThat(problems(remove("clusters.3"))).containsExactly(PREFIX + "clusters.3: missing");
    assertThat(
            problems(
                root ->
                    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("clusters"))
                        .putObject("5")
                        .put("name", "Extra")))
        .containsExactly(PREFIX + "clusters.5: unknown phase (phases are 1 to 4)");
    assertThat(problems(set("clusters.2.name", " ")))
        .containsExactly(PREFIX + "clusters.2.name: missing");
  }

  @Test
  void articlesAreOptional() {
    Rulebook rb = TestRulebooks.load(set("clusters.1.articles", List.of("UNTOC 5", "UNTOC 6")));

    assertThat(rb.cluster(1).articles()).containsExactly("UNTOC 5", "UNTOC 6");
    assertThat(rb.cluster(2).articles()).isEmpty();
  }

  @Test
  void nameAndVersionMakeAShortSafeId() {
    assertThat(problems(set("name", "default@x")))
        .containsExactly(
            "rulebook 'default@x' 2027.1: name: 'default@x' must be lower-case letters, digits, '-' or '_'"
                + " (it is part of the id stored on reviews)");
    assertThat(problems(set("version", "v1")))
        .containsExactly(
            "rulebook 'default' v1: version: 'v1' must be numbers separated by dots, e.g. \"2026.1\"");
    assertThat(problems(set("name", "a-very-long-rulebook-name-for-testing")))
        .containsExactly(
            "rulebook 'a-very-long-rulebook-name-for-testing' 2027.1: name: the id"
                + " 'a-very-long-rulebook-name-for-testing@2027.1' is longer than 40 characters");
  }

  @Test
  void missingSectionsAreEachReported() {
    assertThat(
            problems(
                root -> {
                  root.remove("ladder");
                  root.remove("focalPointLadder");
                  root.remove("noticeTime");
                  root.remove("clusters");
                }))
        .containsExactly(
            PREFIX + "noticeTime: missing",
            PREFIX + "ladder: missing",
            PREFIX + "focalPointLadder: missing",
            PREFIX + "clusters: missing (one per phase, 1 to 4)");
  }

  @Test
  void allProblemsAreReportedTogether() {
    assertThat(
            problems(
                root -> {
                  set("steps.SAQ.deadline", "P-6M").accept(root);
                  set("ladder.overdue", "P2M").accept(root);
                  set("zone", "Nowhere").accept(root);
                }))
        .hasSize(3);
  }

  @Test
  void holidaysAreDatesOfTheirYearListedOnce() {
    assertThat(
            problems(
                root -> {
                  var years =
                      (com.fasterxml.jackson.databind.node.ObjectNode)
                          root.get("calendar").get("holidays");
                  years
                      .putArray("2029")
                      .add("2029-12-25")
                      .add("2030-01-01")
                      .add("2029-12-25")
                      .add("Christmas");
                  years.putArray("next").add("2031-01-01");
                }))
        .containsExactlyInAnyOrder(
            PREFIX + "calendar.holidays.2029[1]: '2030-01-01' is not in 2029",
            PREFIX + "calendar.holidays.2029[2]: '2029-12-25' is listed twice",
            PREFIX + "calendar.holidays.2029[3]: 'Christmas' must be a date such as 2027-12-25",
            PREFIX + "calendar.holidays.next: 'next' must be a year, e.g. 2027");
  }

  @Test
  void switchesAreTrueOrFalse() {
    assertThat(problems(set("focalPointNetwork", "yes")))
        .containsExactly(PREFIX + "focalPointNetwork: 'yes' must be true or false");
    assertThat(problems(set("calendar.workingDaysOnly", "sometimes")))
        .containsExactly(PREFIX + "calendar.workingDaysOnly: 'sometimes' must be true or false");
  }

  @Test
  void withoutACalendarEveryDayIsAWorkingDay() {
    Rulebook rb = TestRulebooks.load(remove("calendar"));
    assertThat(rb.calendar().workingDaysOnly()).isFalse();
    assertThat(rb.calendar().sendingDay(java.time.LocalDate.of(2027, 12, 25)))
        .isEqualTo("2027-12-25");
  }
}
