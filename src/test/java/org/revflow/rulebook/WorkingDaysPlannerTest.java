package org.revflow.rulebook;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.vocabulary.NoticeKind.DESIGNATION_PENDING;
import static org.revflow.vocabulary.NoticeKind.ESCALATION;
import static org.revflow.vocabulary.NoticeKind.FOCAL_POINT_REMINDER;
import static org.revflow.vocabulary.NoticeKind.INTERIM_FOCAL_POINT_INFO;
import static org.revflow.vocabulary.NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE;
import static org.revflow.vocabulary.NoticeKind.OVERDUE;
import static org.revflow.vocabulary.NoticeKind.REMINDER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/**
 * Ladder notices on working days of the UN Office at Vienna (rulebook 2027.1): a rung dated on a
 * Saturday, a Sunday or a listed holiday goes out on the next working day; two rungs moved onto one
 * day send only the later; the rung's identity keeps its calendar date. Expected dates are worked
 * out by hand from a 2027 calendar (4 January 2027 is a Monday).
 */
class WorkingDaysPlannerTest {

  private final DeadlinePlanner planner = new DeadlinePlanner();
  private final Rulebook rb = TestRulebooks.defaultRulebook();

  private static Rung sent(NoticeKind kind, String date, int sequence, String sendOn) {
    return new Rung(kind, parse(date), sequence, parse(sendOn));
  }

  private List<Rung> walk(Rulebook rulebook, LadderInput in, int count) {
    List<Rung> rungs = new ArrayList<>();
    Rung after = null;
    for (int i = 0; i < count; i++) {
      Optional<Rung> next = planner.nextRung(rulebook, in.withAfter(after));
      if (next.isEmpty()) {
        break;
      }
      rungs.add(next.get());
      after = next.get();
    }
    return rungs;
  }

  @Test
  void aRungOnAWeekendGoesOutOnMondayAndKeepsItsCalendarDateAsItsIdentity() {
    // SAQ due Sunday 4 July 2027: D-30 Friday 4 June, D-7 Sunday 27 June -> Monday 28 June,
    // D+1 Monday 5 July, D+31 Wednesday 4 August, D+61 Friday 3 September.
    LadderInput saq = LadderInput.of(Step.SAQ, parse("2027-01-04"), parse("2027-07-04"));
    assertThat(walk(rb, saq, 5))
        .containsExactly(
            sent(REMINDER, "2027-06-04", 0, "2027-06-04"),
            sent(REMINDER, "2027-06-27", 1, "2027-06-28"),
            sent(OVERDUE, "2027-07-05", 0, "2027-07-05"),
            sent(ESCALATION, "2027-08-04", 0, "2027-08-04"),
            sent(ESCALATION, "2027-09-03", 1, "2027-09-03"));
    assertThat(planner.nextRung(rb, saq.withAfter(new Rung(REMINDER, parse("2027-06-04"), 0))))
        .get()
        .extracting(Rung::key)
        .isEqualTo("REMINDER@2027-06-27");
    assertThat(planner.sendAt(rb, sent(REMINDER, "2027-06-27", 1, "2027-06-28")).toString())
        .isEqualTo("2027-06-28T09:00+02:00[Europe/Vienna]");
  }

  @Test
  void aRungOnAListedHolidayGoesOutOnTheNextWorkingDayAcrossChristmasAndNewYear() {
    // Due Sunday 26 December 2027: D-7 Sunday 19 -> Monday 20; D+1 Monday 27 December (not listed)
    // goes out; escalation D+31 Wednesday 26 January 2028.
    LadderInput in = LadderInput.of(Step.FEEDBACK, parse("2027-06-01"), parse("2027-12-26"));
    assertThat(walk(rb, in, 4))
        .extracting(r -> r.kind() + "@" + r.date() + "->" + r.sendOn())
        .containsExactly(
            "REMINDER@2027-11-26->2027-11-26",
            "REMINDER@2027-12-19->2027-12-20",
            "OVERDUE@2027-12-27->2027-12-27",
            "ESCALATION@2028-01-26->2028-01-26");
    // Due Thursday 23 December 2027: D+1 is Friday 24 December, a listed holiday (Christmas
    // observed),
    // then the weekend: the overdue notice goes out on Monday 27 December.
    LadderInput christmas = LadderInput.of(Step.FEEDBACK, parse("2027-06-01"), parse("2027-12-23"));
    assertThat(walk(rb, christmas, 3))
        .extracting(r -> r.kind() + "@" + r.date() + "->" + r.sendOn())
        .containsExactly(
            "REMINDER@2027-11-23->2027-11-23",
            "REMINDER@2027-12-16->2027-12-16",
            "OVERDUE@2027-12-24->2027-12-27");
  }

  @Test
  void twoRungsMovedOntoOneDaySendOnlyTheLaterOne() {
    // A calendar with 24 to 31 December off, for a step due Friday 31 December: D-7 (Friday 24)
    // moves past the holidays and the weekend to Monday 3 January, and so does D+1 (Saturday 1
    // January): only the later rung, the overdue notice, goes out that day.
    Rulebook closed =
        rb.withHolidays(
            Set.of(
                parse("2027-12-24"),
                parse("2027-12-27"),
                parse("2027-12-28"),
                parse("2027-12-29"),
                parse("2027-12-30"),
                parse("2027-12-31")));
    LadderInput in = LadderInput.of(Step.FEEDBACK, parse("2027-06-01"), parse("2027-12-31"));
    assertThat(walk(closed, in, 3))
        .extracting(r -> r.kind() + "@" + r.date() + "->" + r.sendOn())
        .containsExactly(
            "REMINDER@2027-12-01->2027-12-01",
            "OVERDUE@2028-01-01->2028-01-03",
            "ESCALATION@2028-01-31->2028-01-31");
    assertThat(planner.ladder(closed, in, parse("2028-02-01")))
        .extracting(Rung::key)
        .containsExactly("REMINDER@2027-12-01", "OVERDUE@2028-01-01", "ESCALATION@2028-01-31");
  }

  @Test
  void theInterimNoticeAndTheInformationToTheOthersAreOneRungAndGoOutTogether() {
    // Focal point due Monday 18 January 2027 (T0 4 January): reminder Monday 11, interim Tuesday
    // 19.
    LadderInput fp = LadderInput.of(Step.FOCAL_POINT, parse("2027-01-04"), parse("2027-01-18"));
    assertThat(walk(rb, fp, 4))
        .extracting(r -> r.kind() + "@" + r.sendOn())
        .containsExactly(
            "FOCAL_POINT_REMINDER@2027-01-11", "INTERIM_FOCAL_POINT_IN_FORCE@2027-01-19",
            "INTERIM_FOCAL_POINT_INFO@2027-01-19", "DESIGNATION_PENDING@2027-02-18");
    // T0 Friday 1 January 2027 (a holiday): due Friday 15; D+1 Saturday 16 moves to Monday 18.
    LadderInput fromHoliday =
        LadderInput.of(Step.FOCAL_POINT, parse("2027-01-01"), parse("2027-01-15"));
    assertThat(walk(rb, fromHoliday, 3))
        .extracting(r -> r.kind() + "@" + r.date() + "->" + r.sendOn())
        .containsExactly(
            "FOCAL_POINT_REMINDER@2027-01-08->2027-01-08",
            "INTERIM_FOCAL_POINT_IN_FORCE@2027-01-16->2027-01-18",
            "INTERIM_FOCAL_POINT_INFO@2027-01-16->2027-01-18");
  }

  @Test
  void aFocalPointWhoLeftWithoutASuccessorIsFollowedByDesignationPendingEveryThirtyDays() {
    // Left on Wednesday 10 March 2027 (the interim notices went out with the event): pending on
    // Friday 9 April, Sunday 9 May -> Monday 10 May, Tuesday 8 June.
    LadderInput vacancy =
        new LadderInput(
                Step.FOCAL_POINT,
                parse("2027-03-10"),
                parse("2027-03-10"),
                parse("2027-03-10"),
                null,
                false,
                false,
                false)
            .asVacancy();
    assertThat(walk(rb, vacancy, 3))
        .containsExactly(
            sent(DESIGNATION_PENDING, "2027-04-09", 0, "2027-04-09"),
            sent(DESIGNATION_PENDING, "2027-05-09", 1, "2027-05-10"),
            sent(DESIGNATION_PENDING, "2027-06-08", 2, "2027-06-08"));
    assertThat(planner.ladder(rb, vacancy, parse("2027-06-30")))
        .extracting(Rung::kind)
        .containsOnly(DESIGNATION_PENDING)
        .doesNotContain(
            FOCAL_POINT_REMINDER, INTERIM_FOCAL_POINT_IN_FORCE, INTERIM_FOCAL_POINT_INFO);
  }

  @Test
  void floorsCompareCalendarDatesNotSendingDays() {
    // Extended on Monday 28 June 2027 to a deadline of Sunday 4 July: the reminder dated Sunday 27
    // June would go out on the day of the extension, but its calendar date lies before it: not
    // sent.
    LadderInput in =
        LadderInput.of(Step.SAQ, parse("2027-01-04"), parse("2027-07-04"))
            .withFloor(parse("2027-06-28"));
    assertThat(planner.nextRung(rb, in))
        .get()
        .extracting(Rung::key)
        .isEqualTo("OVERDUE@2027-07-05");
  }

  @Test
  void thePreviewAndTheNextRungAgreeOnEveryLadderWhateverTheCalendar() {
    Random random = new Random(20271224);
    for (int i = 0; i < 400; i++) {
      Set<LocalDate> holidays = new java.util.HashSet<>();
      LocalDate base = parse("2027-01-01");
      for (int h = 0; h < 60; h++) {
        holidays.add(base.plusDays(random.nextInt(730)));
      }
      Rulebook calendar = rb.withHolidays(holidays);
      Step step = Step.values()[random.nextInt(Step.values().length)];
      LocalDate started = base.plusDays(random.nextInt(400));
      LocalDate due = started.plusDays(1 + random.nextInt(200));
      LadderInput in = LadderInput.of(step, started, due);
      if (step == Step.FOCAL_POINT && random.nextBoolean()) {
        in =
            new LadderInput(step, started, started, started, null, false, false, false).asVacancy();
      }
      LocalDate until = due.plusDays(200);
      List<Rung> preview = planner.ladder(calendar, in, until);
      List<Rung> walked =
          walk(calendar, in, 40).stream().filter(r -> !r.sendOn().isAfter(until)).toList();
      assertThat(walked).as("%s on %s", in, holidays).containsExactlyElementsOf(preview);
      for (int k = 0; k < walked.size(); k++) {
        Rung rung = walked.get(k);
        assertThat(calendar.calendar().isWorkingDay(rung.sendOn()))
            .as("%s goes out on a working day", rung)
            .isTrue();
        if (k > 0 && !rung.date().equals(walked.get(k - 1).date())) {
          // Only the two notices of one rung (interim, information) share a day.
          assertThat(rung.sendOn()).as("one rung a day").isAfter(walked.get(k - 1).sendOn());
        }
      }
    }
  }
}
