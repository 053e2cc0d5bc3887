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
import java.util.Optional;
import java.util.Set;
import org.revflow.bench.PhasePlan.PlannedEvent;
import org.revflow.bench.PhasePlan.PlannedReview;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.LadderInput;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.Rung;

/**
 * The emails a phase plan must produce, worked out from the plan, the rulebook and the planner
 * alone (no engine, no database): which steps are open when, their ladders between the events that
 * change them, and the notices the events themselves cause, each addressed by the rules of the
 * review-mechanism brief. One line per email: {@code review date KIND STEP STATE -> to}.
 */
final class PhaseOracle {

  private final Rulebook rb;
  private final DeadlinePlanner planner;
  private final String secretariat;
  private final java.util.Set<LocalDate> rungDays = new java.util.TreeSet<>();

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

  static String line(String reviewId, LocalDate on, String kind, String step, String state, String to) {
    return reviewId + " " + on + " " + kind + " " + (step == null ? "-" : step) + " " + (state == null ? "-" : state)
        + " -> " + to.toLowerCase(Locale.ROOT);
  }

  /**
   * The days some ladder notice is due: with the event days, where walking time must stop (all
   * of a day's rungs share one 09:00 timer instant). Filled by {@link #expected}.
   */
  java.util.Set<LocalDate> rungDays() {
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
      new ReviewRun(r, plan.launch(), out).run(byReview.getOrDefault(r.id(), List.of()), plan.end());
    }
    return out;
  }

  private static final class Occ {
    final Step step;
    final String state;
    final LocalDate started;
    LocalDate due;
    LocalDate floor;
    Rung after;
    LocalDate doneOn;

    Occ(Step step, String state, LocalDate started, LocalDate due, LocalDate floor) {
      this.step = step;
      this.state = state;
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
      for (String s : review.participating()) {
        email(t0, NoticeKind.REVIEW_LAUNCHED, null, s, pr(s));
      }
      for (String s : review.participating()) {
        openStep(Step.FOCAL_POINT, s, t0);
        openStep(Step.EXPERTS, s, t0);
      }
      openStep(Step.PRELIMINARY_CONSULTATION, null, t0);
      openStep(Step.SAQ, review.underReview(), t0);
      Map<LocalDate, List<PlannedEvent>> byDay = new LinkedHashMap<>();
      for (PlannedEvent e : events) {
        byDay.computeIfAbsent(e.on(), k -> new ArrayList<>()).add(e);
      }
      for (var day : byDay.entrySet()) {
        ladders(day.getKey());
        for (PlannedEvent e : day.getValue()) {
          apply(e);
        }
      }
      ladders(end.plusDays(1));
    }

    /** Every open step's ladder up to the day before {@code until} (events come at 08:00, notices at 09:00). */
    void ladders(LocalDate until) {
      if (onHoldSince != null) {
        return;
      }
      for (Occ o : open) {
        while (true) {
          LadderInput in = new LadderInput(o.step, o.started, o.due, o.floor, o.after, false, false,
              o.step.secretariatActs());
          Optional<Rung> next = planner.nextRung(rb, in);
          if (next.isEmpty() || !next.get().date().isBefore(until)) {
            break;
          }
          rung(o, next.get());
          o.after = next.get();
        }
      }
    }

    void rung(Occ o, Rung r) {
      LocalDate on = r.date();
      rungDays.add(on);
      NoticeKind k = r.kind();
      switch (k) {
        case FOCAL_POINT_REMINDER, INTERIM_FOCAL_POINT_IN_FORCE, DESIGNATION_PENDING ->
            email(on, k, o.step, o.state, pr(o.state));
        case INTERIM_FOCAL_POINT_INFO -> {
          for (String other : review.participating()) {
            if (!other.equals(o.state)) {
              email(on, k, o.step, o.state, acting(other));
            }
          }
        }
        case REMINDER, OVERDUE -> email(on, k, o.step, o.state, o.state == null ? secretariat : acting(o.state));
        case ESCALATION -> email(on, k, o.step, o.state, o.state == null ? secretariat : pr(o.state));
        default -> throw new IllegalStateException("not a ladder rung: " + k);
      }
    }

    void apply(PlannedEvent e) {
      LocalDate d = e.on();
      switch (e.type()) {
        case FOCAL_POINT_DESIGNATED -> {
          designated.add(e.state());
          Occ o = find(Step.FOCAL_POINT, e.state());
          close(o, d);
          email(d, NoticeKind.FOCAL_POINT_DESIGNATED, o.step, o.state, fp(o.state));
          if (d.isAfter(o.due)) {
            email(d, NoticeKind.INTERIM_FOCAL_POINT_ENDED, o.step, o.state, pr(o.state));
          }
        }
        case EXPERTS_DESIGNATED -> done(find(Step.EXPERTS, e.state()), d);
        case PRELIMINARY_CONSULTATION_HELD -> done(find(Step.PRELIMINARY_CONSULTATION, null), d);
        case SAQ_CLEARED -> {
          done(find(Step.SAQ, review.underReview()), d);
          openStep(Step.TRANSLATION, null, d);
          for (String r : review.reviewers()) {
            openStep(Step.FEEDBACK, r, d);
          }
        }
        case TRANSLATION_DONE -> done(find(Step.TRANSLATION, null), d);
        case FEEDBACK_CLEARED -> {
          done(find(Step.FEEDBACK, e.state()), d);
          if (open.stream().noneMatch(o -> o.step == Step.FEEDBACK)) {
            openStep(Step.DIALOGUE, review.underReview(), d);
          }
        }
        case DIALOGUE_CLOSED -> {
          done(find(Step.DIALOGUE, review.underReview()), d);
          for (String r : review.reviewers()) {
            openStep(Step.OBSERVATIONS, r, d);
          }
        }
        case OBSERVATIONS_CLEARED -> {
          done(find(Step.OBSERVATIONS, e.state()), d);
          if (open.stream().noneMatch(o -> o.step == Step.OBSERVATIONS)) {
            openStep(Step.OBSERVATIONS_AGREEMENT, review.underReview(), d);
          }
        }
        case OBSERVATIONS_AGREED -> {
          done(find(Step.OBSERVATIONS_AGREEMENT, review.underReview()), d);
          for (String r : review.reviewers()) {
            openStep(Step.SUMMARY, r, d);
          }
        }
        case SUMMARY_AGREED -> {
          for (String r : review.reviewers()) {
            done(find(Step.SUMMARY, r), d);
          }
          openStep(Step.FINALISATION, null, d);
        }
        case FINALISED -> {
          done(find(Step.FINALISATION, null), d);
          open.clear(); // the terminate end event stops every ladder still running
          for (String s : review.participating()) {
            email(d, NoticeKind.REVIEW_COMPLETED, null, s, acting(s));
          }
        }
        case REVIEW_ON_HOLD -> {
          onHoldSince = d;
          toAll(d, NoticeKind.REVIEW_ON_HOLD);
        }
        case REVIEW_RESUMED -> {
          long held = ChronoUnit.DAYS.between(onHoldSince, d);
          onHoldSince = null;
          for (Occ o : open) {
            o.due = o.due.plusDays(held);
            o.floor = d;
          }
          toAll(d, NoticeKind.REVIEW_RESUMED);
        }
        case DEADLINE_EXTENDED -> {
          Occ o = find(e.step(), e.step().secretariatActs() ? null : e.state());
          o.due = e.newDue();
          o.floor = d;
          email(d, NoticeKind.DEADLINE_EXTENDED, o.step, o.state, o.state == null ? secretariat : acting(o.state));
        }
        default -> throw new IllegalStateException("the phase plan has no " + e.type());
      }
    }

    void toAll(LocalDate d, NoticeKind kind) {
      for (String s : review.participating()) {
        email(d, kind, null, null, acting(s));
      }
    }

    /** A step done by its event: the step-done notice to every participating State's acting focal point. */
    void done(Occ o, LocalDate d) {
      close(o, d);
      for (String s : review.participating()) {
        email(d, NoticeKind.STEP_DONE, o.step, o.state, acting(s));
      }
    }

    void close(Occ o, LocalDate d) {
      o.doneOn = d;
      open.remove(o);
    }

    Occ find(Step step, String state) {
      return open.stream().filter(o -> o.step == step && java.util.Objects.equals(o.state, state)).findFirst()
          .orElseThrow(() -> new IllegalStateException("plan error: " + step + " " + state + " not open in "
              + review.id()));
    }

    void openStep(Step step, String state, LocalDate on) {
      LocalDate due = planner.dueDate(rb, step, t0, on);
      if (onHoldSince != null) {
        throw new IllegalStateException("plan error: a step opens while " + review.id() + " is on hold");
      }
      // Steps open at 08:00, with the event that starts them: that day's 09:00 rungs still count.
      LocalDate floor = planner.floorAt(rb, ZonedDateTime.of(on, LocalTime.of(8, 0), rb.zone()).toInstant());
      open.add(new Occ(step, step.secretariatActs() ? null : state, on, due, floor));
    }

    String acting(String state) {
      return designated.contains(state) ? fp(state) : pr(state);
    }

    void email(LocalDate on, NoticeKind kind, Step step, String state, String to) {
      out.merge(line(review.id(), on, kind.name(), step == null ? null : step.name(), state, to), 1, Integer::sum);
    }
  }
}
