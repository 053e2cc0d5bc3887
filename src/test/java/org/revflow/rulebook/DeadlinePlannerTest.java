package org.revflow.rulebook;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revflow.vocabulary.NoticeKind.DESIGNATION_PENDING;
import static org.revflow.vocabulary.NoticeKind.ESCALATION;
import static org.revflow.vocabulary.NoticeKind.FOCAL_POINT_REMINDER;
import static org.revflow.vocabulary.NoticeKind.INTERIM_FOCAL_POINT_INFO;
import static org.revflow.vocabulary.NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE;
import static org.revflow.vocabulary.NoticeKind.OVERDUE;
import static org.revflow.vocabulary.NoticeKind.REMINDER;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

class DeadlinePlannerTest {

  private static final LocalDate T0 = parse("2027-01-04");

  /** Calendar-day arithmetic of the ladder; working days are WorkingDaysPlannerTest's. */
  private final Rulebook rb = TestRulebooks.calendarDaysRulebook();

  private final DeadlinePlanner planner = new DeadlinePlanner();

  private static Rung rung(NoticeKind kind, String date, int sequence) {
    return new Rung(kind, parse(date), sequence);
  }

  // --- deadlines ---------------------------------------------------------------------------

  @Test
  void deadlinesOfTheBriefsExample() {
    assertThat(planner.dueDate(rb, Step.FOCAL_POINT, T0, T0)).isEqualTo("2027-01-18");
    assertThat(planner.dueDate(rb, Step.EXPERTS, T0, T0)).isEqualTo("2027-02-01");
    assertThat(planner.dueDate(rb, Step.PRELIMINARY_CONSULTATION, T0, T0)).isEqualTo("2027-02-04");
    assertThat(planner.dueDate(rb, Step.SAQ, T0, T0)).isEqualTo("2027-07-04");
    assertThat(planner.dueDate(rb, Step.FEEDBACK, T0, parse("2027-07-20"))).isEqualTo("2028-01-20");
  }

  @Test
  void launchRelativeStepsCountFromTheLaunchEvenIfOpenedLater() {
    assertThat(planner.dueDate(rb, Step.SAQ, T0, parse("2027-02-10"))).isEqualTo("2027-07-04");
    assertThat(planner.dueDate(rb, Step.TRANSLATION, T0, parse("2027-02-10")))
        .isEqualTo("2027-03-10");
  }

  @Test
  void monthsAreCalendarMonthsClampedToTheMonthEnd() {
    assertThat(planner.dueDate(rb, Step.FEEDBACK, T0, parse("2027-08-31"))).isEqualTo("2028-02-29");
    assertThat(planner.dueDate(rb, Step.FEEDBACK, T0, parse("2026-08-31"))).isEqualTo("2027-02-28");
    assertThat(planner.dueDate(rb, Step.SAQ, parse("2027-03-31"), null)).isEqualTo("2027-09-30");
    assertThat(planner.roundDueDate(rb, Step.DIALOGUE, parse("2027-12-31")))
        .isEqualTo("2028-02-29");
    assertThat(planner.nextPhaseStart(rb, parse("2028-02-29"))).isEqualTo("2030-02-28");
  }

  @Test
  void roundsAfterAClarificationRequestOrChangesRequested() {
    assertThat(planner.roundDueDate(rb, Step.DIALOGUE, parse("2028-03-15")))
        .isEqualTo("2028-05-15");
    assertThat(planner.roundDueDate(rb, Step.OBSERVATIONS, parse("2028-03-15")))
        .isEqualTo("2028-04-15");
    assertThatThrownBy(() -> planner.roundDueDate(rb, Step.SAQ, parse("2028-03-15")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step SAQ has no rounds in rulebook default@2026.1");
  }

  @Test
  void nextPhaseAndActionLinks() {
    assertThat(planner.nextPhaseStart(rb, T0)).isEqualTo("2029-01-04");
    assertThat(planner.actionLinkExpiry(rb, parse("2027-07-04"))).isEqualTo("2027-08-03");
  }

  // --- send time ----------------------------------------------------------------------------

  @Test
  void noticesGoOutAtNineViennaTime() {
    assertThat(planner.sendAt(rb, parse("2027-06-04")))
        .isEqualTo(ZonedDateTime.parse("2027-06-04T09:00+02:00[Europe/Vienna]"));
    assertThat(planner.sendAt(rb, parse("2027-01-11")))
        .isEqualTo(ZonedDateTime.parse("2027-01-11T09:00+01:00[Europe/Vienna]"));
  }

  @Test
  void summerTimeChangesTheOffsetNotTheLocalTime() {
    // 2027: summer time from Sunday 28 March, back to winter time on Sunday 31 October.
    ZonedDateTime beforeSpring = planner.sendAt(rb, parse("2027-03-27"));
    ZonedDateTime spring = planner.sendAt(rb, parse("2027-03-28"));
    ZonedDateTime beforeAutumn = planner.sendAt(rb, parse("2027-10-30"));
    ZonedDateTime autumn = planner.sendAt(rb, parse("2027-10-31"));

    assertThat(beforeSpring.toString()).isEqualTo("2027-03-27T09:00+01:00[Europe/Vienna]");
    assertThat(spring.toString()).isEqualTo("2027-03-28T09:00+02:00[Europe/Vienna]");
    assertThat(Duration.between(beforeSpring, spring)).isEqualTo(Duration.ofHours(23));
    assertThat(beforeAutumn.toString()).isEqualTo("2027-10-30T09:00+02:00[Europe/Vienna]");
    assertThat(autumn.toString()).isEqualTo("2027-10-31T09:00+01:00[Europe/Vienna]");
    assertThat(Duration.between(beforeAutumn, autumn)).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void aNoticeTimeInTheSpringGapMovesLater() {
    Rulebook early = TestRulebooks.load(TestRulebooks.set("noticeTime", "02:30"));

    assertThat(planner.sendAt(early, parse("2027-03-28")).toString())
        .isEqualTo("2027-03-28T03:30+02:00[Europe/Vienna]");
  }

  // --- ladders of the brief's example -------------------------------------------------------

  @Test
  void focalPointLadder() {
    LadderInput in = LadderInput.of(Step.FOCAL_POINT, T0, parse("2027-01-18"));

    assertThat(planner.ladder(rb, in, parse("2027-04-30")))
        .containsExactly(
            rung(FOCAL_POINT_REMINDER, "2027-01-11", 0),
            rung(INTERIM_FOCAL_POINT_IN_FORCE, "2027-01-19", 0),
            rung(INTERIM_FOCAL_POINT_INFO, "2027-01-19", 0),
            rung(DESIGNATION_PENDING, "2027-02-18", 0),
            rung(DESIGNATION_PENDING, "2027-03-20", 1),
            rung(DESIGNATION_PENDING, "2027-04-19", 2));
  }

  @Test
  void genericLadder() {
    LadderInput in = LadderInput.of(Step.SAQ, T0, parse("2027-07-04"));

    assertThat(planner.ladder(rb, in, parse("2027-10-03")))
        .containsExactly(
            rung(REMINDER, "2027-06-04", 0),
            rung(REMINDER, "2027-06-27", 1),
            rung(OVERDUE, "2027-07-05", 0),
            rung(ESCALATION, "2027-08-04", 0),
            rung(ESCALATION, "2027-09-03", 1),
            rung(ESCALATION, "2027-10-03", 2));
    assertThat(planner.nextRung(rb, in)).contains(rung(REMINDER, "2027-06-04", 0));
    assertThat(rung(REMINDER, "2027-06-04", 0).key()).isEqualTo("REMINDER@2027-06-04");
  }

  @Test
  void theInterimPairSharesADayInAFixedOrder() {
    LadderInput in = LadderInput.of(Step.FOCAL_POINT, T0, parse("2027-01-18"));
    Rung inForce = rung(INTERIM_FOCAL_POINT_IN_FORCE, "2027-01-19", 0);
    Rung info = rung(INTERIM_FOCAL_POINT_INFO, "2027-01-19", 0);

    assertThat(planner.nextRung(rb, in.withAfter(rung(FOCAL_POINT_REMINDER, "2027-01-11", 0))))
        .contains(inForce);
    assertThat(planner.nextRung(rb, in.withAfter(inForce))).contains(info);
    assertThat(planner.nextRung(rb, in.withAfter(info)))
        .contains(rung(DESIGNATION_PENDING, "2027-02-18", 0));
    // Opening late, on the interim day itself: both of the pair are still due.
    assertThat(planner.nextRung(rb, in.withFloor(parse("2027-01-18")))).contains(inForce);
  }

  @Test
  void theFocalPointStepHasNoGenericRungs() {
    LadderInput in = LadderInput.of(Step.FOCAL_POINT, T0, parse("2027-01-18"));

    assertThat(planner.ladder(rb, in, parse("2030-01-01")))
        .extracting(Rung::kind)
        .doesNotContain(REMINDER, OVERDUE, ESCALATION);
  }

  // --- what is not sent ---------------------------------------------------------------------

  @Test
  void nothingWhileOnHoldOrPaused() {
    LadderInput in = LadderInput.of(Step.SAQ, T0, parse("2027-07-04"));

    assertThat(planner.nextRung(rb, in.withOnHold(true))).isEmpty();
    assertThat(planner.nextRung(rb, in.withPaused(true))).isEmpty();
    assertThat(planner.ladder(rb, in.withOnHold(true), parse("2030-01-01"))).isEmpty();
    assertThat(planner.ladder(rb, in.withPaused(true), parse("2030-01-01"))).isEmpty();
  }

  @Test
  void aReminderBeforeTheStepStartedIsSkippedButKeepsItsSequence() {
    // Summary started 1 Feb, due 1 Mar: D-30 is 30 January, before the start.
    LadderInput in = LadderInput.of(Step.SUMMARY, parse("2027-02-01"), parse("2027-03-01"));

    assertThat(planner.nextRung(rb, in)).contains(rung(REMINDER, "2027-02-22", 1));
  }

  @Test
  void aRungOnTheStartDayIsSent() {
    LadderInput in = LadderInput.of(Step.SUMMARY, parse("2027-01-30"), parse("2027-03-01"));

    assertThat(planner.nextRung(rb, in)).contains(rung(REMINDER, "2027-01-30", 0));
  }

  @Test
  void openingLateSkipsRungsBeforeTheOpeningDay() {
    LadderInput in =
        LadderInput.of(Step.SAQ, T0, parse("2027-07-04")).withFloor(parse("2027-06-26"));

    assertThat(planner.nextRung(rb, in)).contains(rung(REMINDER, "2027-06-27", 1));
    assertThat(planner.nextRung(rb, in.withFloor(parse("2027-06-27"))))
        .contains(rung(OVERDUE, "2027-07-05", 0));
  }

  @Test
  void anExtensionAfterTheOverdueNoticeSendsTheNewReminderDatedAfterTheExtension() {
    // Overdue notice sent 5 July; on 10 July the deadline moves to 1 August.
    LadderInput in =
        new LadderInput(
            Step.SAQ,
            T0,
            parse("2027-08-01"),
            parse("2027-07-10"),
            rung(OVERDUE, "2027-07-05", 0),
            false,
            false,
            false);

    assertThat(planner.ladder(rb, in, parse("2027-10-01")))
        .containsExactly(
            rung(REMINDER, "2027-07-25", 1), // D-30 = 2 July is on or before the extension day
            rung(OVERDUE, "2027-08-02", 0),
            rung(ESCALATION, "2027-09-01", 0),
            rung(ESCALATION, "2027-10-01", 1));
  }

  @Test
  void anExtensionDuringEscalationsStartsANewLadder() {
    LadderInput in =
        new LadderInput(
            Step.SAQ,
            T0,
            parse("2027-09-01"),
            parse("2027-08-10"),
            rung(ESCALATION, "2027-08-04", 0),
            false,
            false,
            false);

    assertThat(planner.nextRung(rb, in)).contains(rung(REMINDER, "2027-08-25", 1));
  }

  @Test
  void aResumeMovesTheDeadlineAndSkipsRungsUpToTheResumeDay() {
    // D-30 reminder sent 4 June; on hold 1 June, resumed 11 June: D moves 10 days to 14 July.
    LadderInput in =
        new LadderInput(
            Step.SAQ,
            T0,
            parse("2027-07-14"),
            parse("2027-06-11"),
            rung(REMINDER, "2027-06-04", 0),
            false,
            false,
            false);

    assertThat(planner.nextRung(rb, in)).contains(rung(REMINDER, "2027-06-14", 0));
  }

  // --- escalation arithmetic ----------------------------------------------------------------

  @Test
  void escalationsGoOnForeverAndKeepTheirSequence() {
    LadderInput in = LadderInput.of(Step.SAQ, T0, parse("2027-07-04"));

    assertThat(planner.nextRung(rb, in.withAfter(rung(ESCALATION, "2027-09-03", 1))))
        .contains(rung(ESCALATION, "2027-10-03", 2));
    assertThat(planner.nextRung(rb, in.withFloor(parse("2027-09-30"))))
        .contains(rung(ESCALATION, "2027-10-03", 2));
  }

  @Test
  void manyYearsOfEscalationsAreArithmetic() {
    LadderInput in =
        LadderInput.of(Step.SAQ, T0, parse("2027-07-04")).withFloor(parse("2227-07-01"));

    assertThat(planner.nextRung(rb, in)).contains(rung(ESCALATION, "2227-07-07", 2434));
    // 10,000 plans 400 years out: slow enough to notice if the planner walked the ladder.
    for (int i = 0; i < 10_000; i++) {
      assertThat(planner.nextRung(rb, in.withFloor(parse("2427-01-01").plusDays(i)))).isPresent();
    }
  }

  @Test
  void designationPendingRepeatsForever() {
    LadderInput in =
        LadderInput.of(Step.FOCAL_POINT, T0, parse("2027-01-18"))
            .withAfter(rung(DESIGNATION_PENDING, "2027-03-20", 1));

    assertThat(planner.nextRung(rb, in)).contains(rung(DESIGNATION_PENDING, "2027-04-19", 2));
    assertThat(planner.nextRung(rb, in.withFloor(parse("2037-01-01"))))
        .contains(rung(DESIGNATION_PENDING, "2037-01-26", 121));
  }

  // --- properties ---------------------------------------------------------------------------

  @Test
  void everyReturnedRungIsSendableAndNothingSendableComesBeforeIt() {
    Random random = new Random(20260101);
    for (int i = 0; i < 3_000; i++) {
      LadderInput in = randomInput(random);
      Rung next = planner.nextRung(rb, in).orElseThrow();

      assertThat(next.date()).as("%s", in).isAfterOrEqualTo(in.startedOn());
      if (in.floorExclusive() != null) {
        assertThat(next.date()).as("%s", in).isAfter(in.floorExclusive());
      }
      if (in.after() != null) {
        assertThat(next.isAfter(in.after())).as("%s -> %s", in, next).isTrue();
      }
      assertThat(planner.ladder(rb, in, next.date())).as("%s", in).first().isEqualTo(next);
    }
  }

  @Test
  void iteratingNextRungFromNothingReproducesTheLadder() {
    Random random = new Random(7);
    for (int i = 0; i < 1_000; i++) {
      LadderInput in = randomInput(random).withAfter(null);
      LocalDate until = in.due().plusDays(random.nextInt(400));

      List<Rung> iterated = new ArrayList<>();
      LadderInput state = in;
      for (Optional<Rung> next = planner.nextRung(rb, state);
          next.isPresent() && !next.get().date().isAfter(until);
          next = planner.nextRung(rb, state)) {
        if (state.after() != null) {
          // Fails instead of looping forever on a planner that returns the same rung again.
          assertThat(next.get().isAfter(state.after()))
              .as("%s after %s", next.get(), state.after())
              .isTrue();
        }
        iterated.add(next.get());
        state = state.withAfter(next.get());
      }

      assertThat(iterated).as("%s until %s", in, until).isEqualTo(planner.ladder(rb, in, until));
      assertThat(iterated).extracting(Rung::key).doesNotHaveDuplicates();
    }
  }

  @Test
  void sequencesCountEachKindInTheFullLadder() {
    Random random = new Random(11);
    for (int i = 0; i < 500; i++) {
      LadderInput in = randomInput(random);
      LocalDate until = in.due().plusDays(300);
      // Started long before, so that no rung is skipped (the focal-point reminder counts from the
      // start).
      LocalDate anyStart =
          in.step() == Step.FOCAL_POINT ? in.startedOn() : in.startedOn().minusYears(2);
      List<Rung> all = planner.ladder(rb, LadderInput.of(in.step(), anyStart, in.due()), until);
      assertThat(planner.ladder(rb, in, until)).isSubsetOf(all);
      for (NoticeKind kind : NoticeKind.values()) {
        assertThat(all.stream().filter(r -> r.kind() == kind).map(Rung::sequence).toList())
            .as("%s %s", in, kind)
            .isEqualTo(
                IntStream.range(0, (int) all.stream().filter(r -> r.kind() == kind).count())
                    .boxed()
                    .toList());
      }
    }
  }

  private LadderInput randomInput(Random random) {
    Step step = Step.values()[random.nextInt(Step.values().length)];
    LocalDate start = parse("2027-01-01").plusDays(random.nextInt(4 * 365));
    LocalDate due =
        random.nextBoolean()
            ? planner.dueDate(rb, step, start, start)
            : start.plusDays(1 + random.nextInt(400));
    LocalDate floor = random.nextInt(3) == 0 ? null : start.plusDays(random.nextInt(600) - 20);
    Rung after = null;
    if (random.nextBoolean()) {
      List<Rung> candidates =
          planner.ladder(rb, LadderInput.of(step, start, due), due.plusDays(400));
      after = candidates.get(random.nextInt(candidates.size()));
    }
    return new LadderInput(step, start, due, floor, after, false, false, step.secretariatActs());
  }
}
