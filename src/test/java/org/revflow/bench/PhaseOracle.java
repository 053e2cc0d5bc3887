package org.revflow.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.revflow.bench.PhasePlan.PlannedEvent;
import org.revflow.bench.PhasePlan.PlannedReview;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.LadderInput;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.Rung;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/**
 * The emails a phase plan must produce, worked out from the plan, the rulebook and the planner
 * alone (no engine, no database, none of RevFlow's services): which steps are open when, their
 * ladders between the events that change them, and the notices the events themselves cause, each
 * addressed as docs/domain.md and docs/notices.md say. One line per email: {@code review date KIND
 * STEP STATE -> to}.
 *
 * <p>The rules it follows (rulebook {@code default@2027.1}):
 *
 * <ul>
 *   <li>A step's opening notice ({@code STEP_OPENED}) goes to whoever acts the day it opens, except
 *       for the focal point, experts and questionnaire steps, which the launch notice lists. The
 *       dialogue's goes to every participating State.
 *   <li>Ladder rungs go out at 09:00 on their sending day: the next working day when their calendar
 *       date is none, only the later of two rungs of one ladder that share a sending day ({@link
 *       DeadlinePlanner#nextRung}). Events come at 08:00, so a step done (or a review put on hold)
 *       on a rung's sending day stops it.
 *   <li>The dialogue is a window with no ladder of its own; each clarification request is a round
 *       with its ladder to the State under review. The dialogue closes on {@code DIALOGUE_CLOSED},
 *       or by itself at 09:00 on the first working day after the window's last day if no request is
 *       open then, else when the last open request is answered; the lists of observations open
 *       then.
 *   <li>A designation welcomes the new focal point, ends an interim whose notice went out, and
 *       introduces the focal point to the other States' acting focal points ({@code
 *       focalPointNetwork}).
 * </ul>
 */
final class PhaseOracle {

  private final Rulebook rb;
  private final DeadlinePlanner planner;
  private final String secretariat;
  private final Set<LocalDate> rungDays = new TreeSet<>();

  PhaseOracle(Rulebook rb, DeadlinePlanner planner, String secretariat) {
    this.rb = rb;
    this.planner = planner;
    this.secretariat = secretariat;
  }

  static String pr(String state) {
    return "pr@" + state.toLowerCase(Locale.ROOT) + ".example";
  }

  static String fp(String state) {
    return "fp@" + state.toLowerCase(Locale.ROOT) + ".example";
  }

  static String line(
      String reviewId, LocalDate on, String kind, String step, String state, String to) {
    return reviewId
        + " "
        + on
        + " "
        + kind
        + " "
        + (step == null ? "-" : step)
        + " "
        + (state == null ? "-" : state)
        + " -> "
        + to.toLowerCase(Locale.ROOT);
  }

  /**
   * The days some timer of the reviews fires (a ladder notice, the end of a dialogue's window):
   * with the event days, where walking time must stop (all of a day's rungs share one 09:00
   * instant). Filled by {@link #expected}.
   */
  Set<LocalDate> rungDays() {
    return rungDays;
  }

  /** Expected emails of the whole plan, as a multiset of lines. */
  Map<String, Integer> expected(PhasePlan plan) {
    Map<String, List<PlannedEvent>> byReview = new HashMap<>();
    for (PlannedEvent e : plan.events()) {
      byReview.computeIfAbsent(e.reviewId(), k -> new ArrayList<>()).add(e);
    }
    Map<String, Integer> out = new HashMap<>();
    for (PlannedReview r : plan.reviews()) {
      new ReviewRun(r, plan.launch(), out)
          .run(byReview.getOrDefault(r.id(), List.of()), plan.end());
    }
    return out;
  }

  /**
   * What an occurrence of a step is: the step for its party, the dialogue's window, or a request's
   * round.
   */
  private enum Kind {
    STEP,
    WINDOW,
    ROUND
  }

  private static final class Occ {
    final Step step;
    final String state;
    final Kind kind;

    /** The reviewing State that asked, for a round. */
    final String askedBy;

    final LocalDate started;
    LocalDate due;
    LocalDate floor;
    Rung after;

    /** The focal-point step's "interim focal point in force" went out. */
    boolean interimSent;

    Occ(
        Step step,
        String state,
        Kind kind,
        String askedBy,
        LocalDate started,
        LocalDate due,
        LocalDate floor) {
      this.step = step;
      this.state = state;
      this.kind = kind;
      this.askedBy = askedBy;
      this.started = started;
      this.due = due;
      this.floor = floor;
    }
  }

  private final class ReviewRun {
    final PlannedReview review;
    final LocalDate t0;
    final Map<String, Integer> out;
    final List<Occ> open = new ArrayList<>();
    final Set<String> designated = new HashSet<>();
    LocalDate onHoldSince;

    ReviewRun(PlannedReview review, LocalDate t0, Map<String, Integer> out) {
      this.review = review;
      this.t0 = t0;
      this.out = out;
    }

    void run(List<PlannedEvent> events, LocalDate end) {
      // The launch (at 08:00, as the benchmark launches): a notice to each State's permanent
      // representative (no focal point is known yet), listing its first steps.
      for (String s : review.participating()) {
        email(t0, NoticeKind.REVIEW_LAUNCHED, null, s, pr(s));
      }
      for (String s : review.participating()) {
        openStep(Step.FOCAL_POINT, s, t0, EVENT_TIME);
        openStep(Step.EXPERTS, s, t0, EVENT_TIME);
      }
      openStep(Step.PRELIMINARY_CONSULTATION, null, t0, EVENT_TIME);
      openStep(Step.SAQ, review.underReview(), t0, EVENT_TIME);
      Map<LocalDate, List<PlannedEvent>> byDay = new LinkedHashMap<>();
      for (PlannedEvent e : events) {
        byDay.computeIfAbsent(e.on(), k -> new ArrayList<>()).add(e);
      }
      for (var day : byDay.entrySet()) {
        until(day.getKey());
        for (PlannedEvent e : day.getValue()) {
          apply(e);
        }
      }
      // The walk ends at 10:00 on the phase's last day, after its 09:00 notices.
      until(end.plusDays(1));
    }

    /**
     * Whatever the timers do before 08:00 on {@code day}: ladder notices and the dialogue's own
     * end.
     */
    void until(LocalDate day) {
      if (onHoldSince != null) {
        return;
      }
      windowEnd(day);
      for (Occ o : open) {
        if (o.kind == Kind.WINDOW) {
          continue; // the window has no ladder: nobody owes anything by its end
        }
        while (true) {
          LadderInput in =
              new LadderInput(
                  o.step,
                  o.started,
                  o.due,
                  o.floor,
                  o.after,
                  false,
                  false,
                  o.step.secretariatActs());
          Optional<Rung> next = planner.nextRung(rb, in);
          if (next.isEmpty() || !next.get().sendOn().isBefore(day)) {
            break;
          }
          rung(o, next.get());
          o.after = next.get();
        }
      }
    }

    /**
     * The dialogue closes by itself at 09:00 on the first working day after its window's last day,
     * if that comes before {@code day} and no request is open then.
     */
    void windowEnd(LocalDate day) {
      Occ window = window();
      if (window == null || open.stream().anyMatch(o -> o.kind == Kind.ROUND)) {
        return;
      }
      LocalDate closing = closingDay(window);
      if (closing.isBefore(day)) {
        rungDays.add(closing);
        closeDialogue(window, closing, rb.noticeTime());
      }
    }

    LocalDate closingDay(Occ window) {
      return planner.sendingDay(rb, window.due.plusDays(1));
    }

    void rung(Occ o, Rung r) {
      LocalDate on = r.sendOn();
      rungDays.add(on);
      NoticeKind k = r.kind();
      switch (k) {
        case FOCAL_POINT_REMINDER, DESIGNATION_PENDING ->
            email(on, k, o.step, o.state, pr(o.state));
        case INTERIM_FOCAL_POINT_IN_FORCE -> {
          o.interimSent = true;
          email(on, k, o.step, o.state, pr(o.state));
        }
        case INTERIM_FOCAL_POINT_INFO -> toTheOthers(on, k, o.step, o.state);
        case REMINDER, OVERDUE ->
            email(on, k, o.step, o.state, o.state == null ? secretariat : acting(o.state));
        case ESCALATION ->
            email(on, k, o.step, o.state, o.state == null ? secretariat : pr(o.state));
        default -> throw new IllegalStateException("not a ladder rung: " + k);
      }
    }

    void apply(PlannedEvent e) {
      LocalDate d = e.on();
      String under = review.underReview();
      switch (e.type()) {
        case FOCAL_POINT_DESIGNATED -> {
          designated.add(e.state());
          Occ o = find(Step.FOCAL_POINT, e.state());
          close(o);
          email(d, NoticeKind.FOCAL_POINT_DESIGNATED, o.step, o.state, fp(o.state));
          if (o.interimSent) {
            email(d, NoticeKind.INTERIM_FOCAL_POINT_ENDED, o.step, o.state, pr(o.state));
          }
          if (rb.focalPointNetwork()) {
            toTheOthers(d, NoticeKind.FOCAL_POINT_CHANGED, o.step, o.state);
          }
        }
        case EXPERTS_DESIGNATED -> done(find(Step.EXPERTS, e.state()), d);
        case PRELIMINARY_CONSULTATION_HELD -> done(find(Step.PRELIMINARY_CONSULTATION, null), d);
        case SAQ_CLEARED -> {
          done(find(Step.SAQ, under), d);
          openStep(Step.TRANSLATION, null, d, EVENT_TIME);
          for (String r : review.reviewers()) {
            openStep(Step.FEEDBACK, r, d, EVENT_TIME);
          }
        }
        case TRANSLATION_DONE -> done(find(Step.TRANSLATION, null), d);
        case FEEDBACK_CLEARED -> {
          done(find(Step.FEEDBACK, e.state()), d);
          if (noneOpen(Step.FEEDBACK)) {
            openWindow(d);
          }
        }
        case CLARIFICATION_REQUESTED -> {
          requireWindow();
          Occ round =
              new Occ(
                  Step.DIALOGUE,
                  under,
                  Kind.ROUND,
                  e.state(),
                  d,
                  planner.roundDueDate(rb, Step.DIALOGUE, d),
                  floor(d, EVENT_TIME));
          open.add(round);
          email(d, NoticeKind.CLARIFICATION_REQUESTED, Step.DIALOGUE, under, acting(under));
        }
        case CLARIFICATION_ANSWERED -> {
          Occ window = requireWindow();
          Occ round =
              open.stream()
                  .filter(o -> o.kind == Kind.ROUND)
                  .filter(o -> e.state() == null || e.state().equals(o.askedBy))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "plan error: no request of "
                                  + e.state()
                                  + " open in "
                                  + review.id()));
          close(round); // no "done" notice: the answer is announced to whoever asked
          for (String s : round.askedBy != null ? List.of(round.askedBy) : review.reviewers()) {
            email(d, NoticeKind.CLARIFICATION_ANSWERED, Step.DIALOGUE, s, acting(s));
          }
          // The last open request answered once the window's end has come: the dialogue closes.
          if (open.stream().noneMatch(o -> o.kind == Kind.ROUND)
              && !d.isBefore(closingDay(window))) {
            closeDialogue(window, d, EVENT_TIME);
          }
        }
        case DIALOGUE_CLOSED -> {
          Occ window = requireWindow();
          open.removeIf(o -> o.kind == Kind.ROUND); // end with it, told nothing
          closeDialogue(window, d, EVENT_TIME);
        }
        case OBSERVATIONS_CLEARED -> {
          done(find(Step.OBSERVATIONS, e.state()), d);
          if (noneOpen(Step.OBSERVATIONS)) {
            openStep(Step.OBSERVATIONS_AGREEMENT, under, d, EVENT_TIME);
          }
        }
        case OBSERVATIONS_AGREED -> {
          done(find(Step.OBSERVATIONS_AGREEMENT, under), d);
          for (String r : review.reviewers()) {
            openStep(Step.SUMMARY, r, d, EVENT_TIME);
          }
        }
        case SUMMARY_CLEARED -> {
          done(find(Step.SUMMARY, e.state()), d);
          if (noneOpen(Step.SUMMARY)) {
            openStep(Step.SUMMARY_AGREEMENT, under, d, EVENT_TIME);
          }
        }
        case SUMMARY_AGREED -> {
          done(find(Step.SUMMARY_AGREEMENT, under), d);
          openStep(Step.FINALISATION, null, d, EVENT_TIME);
        }
        case FINALISED -> {
          done(find(Step.FINALISATION, null), d);
          open.clear(); // the review ends: every ladder still running stops, told nothing
          for (String s : review.participating()) {
            email(d, NoticeKind.REVIEW_COMPLETED, null, s, acting(s));
          }
        }
        case REVIEW_ON_HOLD -> {
          onHoldSince = d;
          toAll(d, NoticeKind.REVIEW_ON_HOLD);
        }
        case REVIEW_RESUMED -> {
          // The clock stopped: every open deadline (the dialogue's window too) moves by the hold's
          // length, and rungs dated on or before the resume day are not sent.
          long held = ChronoUnit.DAYS.between(onHoldSince, d);
          onHoldSince = null;
          for (Occ o : open) {
            o.due = o.due.plusDays(held);
            o.floor = d;
          }
          toAll(d, NoticeKind.REVIEW_RESUMED);
        }
        case DEADLINE_EXTENDED -> {
          if (e.step() == Step.DIALOGUE) {
            // The oldest open request's answer, else the window (its notice to every State).
            Occ o =
                open.stream()
                    .filter(x -> x.kind == Kind.ROUND)
                    .findFirst()
                    .orElseGet(this::requireWindow);
            o.due = e.newDue();
            o.floor = d;
            if (o.kind == Kind.WINDOW) {
              for (String s : review.participating()) {
                email(d, NoticeKind.DEADLINE_EXTENDED, Step.DIALOGUE, s, acting(s));
              }
            } else {
              email(d, NoticeKind.DEADLINE_EXTENDED, Step.DIALOGUE, under, acting(under));
            }
          } else {
            Occ o = find(e.step(), e.step().secretariatActs() ? null : e.state());
            o.due = e.newDue();
            o.floor = d;
            email(
                d,
                NoticeKind.DEADLINE_EXTENDED,
                o.step,
                o.state,
                o.state == null ? secretariat : acting(o.state));
          }
        }
        default -> throw new IllegalStateException("the phase plan has no " + e.type());
      }
    }

    /**
     * The window opens when all feedback is cleared: every participating State is told, each its
     * own notice.
     */
    void openWindow(LocalDate on) {
      Occ window =
          new Occ(
              Step.DIALOGUE,
              null,
              Kind.WINDOW,
              null,
              on,
              planner.dueDate(rb, Step.DIALOGUE, t0, on),
              null);
      open.add(window);
      for (String s : review.participating()) {
        email(on, NoticeKind.STEP_OPENED, Step.DIALOGUE, s, acting(s));
      }
    }

    /** Everyone is told the dialogue is closed, and the lists of observations open then. */
    void closeDialogue(Occ window, LocalDate on, LocalTime at) {
      close(window);
      for (String s : review.participating()) {
        email(on, NoticeKind.STEP_DONE, Step.DIALOGUE, null, acting(s));
      }
      for (String r : review.reviewers()) {
        openStep(Step.OBSERVATIONS, r, on, at);
      }
    }

    Occ window() {
      return open.stream().filter(o -> o.kind == Kind.WINDOW).findFirst().orElse(null);
    }

    Occ requireWindow() {
      Occ window = window();
      if (window == null) {
        throw new IllegalStateException(
            "plan error: the dialogue of " + review.id() + " is not open");
      }
      return window;
    }

    void toAll(LocalDate d, NoticeKind kind) {
      for (String s : review.participating()) {
        email(d, kind, null, null, acting(s));
      }
    }

    /** The acting focal points of the participating States other than {@code state}. */
    void toTheOthers(LocalDate d, NoticeKind kind, Step step, String state) {
      for (String other : review.participating()) {
        if (!other.equals(state)) {
          email(d, kind, step, state, acting(other));
        }
      }
    }

    /**
     * A step done by its event: the step-done notice to every participating State's acting focal
     * point.
     */
    void done(Occ o, LocalDate d) {
      close(o);
      for (String s : review.participating()) {
        email(d, NoticeKind.STEP_DONE, o.step, o.state, acting(s));
      }
    }

    void close(Occ o) {
      open.remove(o);
    }

    boolean noneOpen(Step step) {
      return open.stream().noneMatch(o -> o.step == step && o.kind == Kind.STEP);
    }

    Occ find(Step step, String state) {
      return open.stream()
          .filter(o -> o.kind == Kind.STEP && o.step == step && Objects.equals(o.state, state))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "plan error: " + step + " " + state + " not open in " + review.id()));
    }

    /**
     * A step opens (at 08:00 with the event that opens it, at 09:00 with the dialogue's own end):
     * its deadline, and its opening notice to whoever acts, except where the launch notice lists
     * it.
     */
    void openStep(Step step, String state, LocalDate on, LocalTime at) {
      if (onHoldSince != null) {
        throw new IllegalStateException(
            "plan error: a step opens while " + review.id() + " is on hold");
      }
      String actor = step.secretariatActs() ? null : state;
      open.add(
          new Occ(
              step, actor, Kind.STEP, null, on, planner.dueDate(rb, step, t0, on), floor(on, at)));
      if (step != Step.FOCAL_POINT && step != Step.EXPERTS && step != Step.SAQ) {
        email(on, NoticeKind.STEP_OPENED, step, actor, actor == null ? secretariat : acting(actor));
      }
    }

    /**
     * A rung whose sending time had passed when the step opened is not sent: 08:00 still has that
     * day's 09:00.
     */
    LocalDate floor(LocalDate on, LocalTime at) {
      return planner.floorAt(rb, ZonedDateTime.of(on, at, rb.zone()).toInstant());
    }

    String acting(String state) {
      return designated.contains(state) ? fp(state) : pr(state);
    }

    void email(LocalDate on, NoticeKind kind, Step step, String state, String to) {
      out.merge(
          line(review.id(), on, kind.name(), step == null ? null : step.name(), state, to),
          1,
          Integer::sum);
    }
  }

  /** When the plan's events are recorded (and the reviews launched). */
  private static final LocalTime EVENT_TIME = PhaseBenchmark.EVENT_TIME;
}
