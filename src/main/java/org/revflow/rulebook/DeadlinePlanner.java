package org.revflow.rulebook;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.revflow.rulebook.Rulebook.FocalPointLadder;
import org.revflow.rulebook.Rulebook.Ladder;
import org.revflow.rulebook.Rulebook.StepRule;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.stereotype.Component;

/**
 * Pure date arithmetic over a {@link Rulebook}: deadlines and the ladder of notices of a step. It
 * holds no state and reads no clock, so the process, the preview and the tests get the same dates.
 *
 * <p>A ladder is a few fixed rungs plus one rung repeating forever (escalation, or "designation
 * pending"); the step ending stops it, not the planner. The repeating rung is found by arithmetic,
 * so a step overdue for years costs the same as one overdue for a day.
 */
@Component
public class DeadlinePlanner {

  /**
   * Deadline of a step that starts on startedOn (for launch-relative steps pass the launch date).
   */
  public LocalDate dueDate(Rulebook rb, Step step, LocalDate launchDate, LocalDate startedOn) {
    StepRule rule = rb.step(step);
    LocalDate from =
        switch (rule.from()) {
          case LAUNCH -> Objects.requireNonNull(launchDate, "launchDate");
          case STEP_START -> Objects.requireNonNull(startedOn, "startedOn");
        };
    return from.plus(rule.deadline());
  }

  /** Deadline after a clarification request (dialogue) or changes requested (observations). */
  public LocalDate roundDueDate(Rulebook rb, Step step, LocalDate requestedOn) {
    StepRule rule = rb.step(step);
    if (rule.round() == null) {
      throw new IllegalArgumentException("step " + step + " has no rounds in rulebook " + rb.id());
    }
    return requestedOn.plus(rule.round());
  }

  public LocalDate nextPhaseStart(Rulebook rb, LocalDate launchDate) {
    return launchDate.plus(rb.nextPhaseAfter());
  }

  public LocalDate actionLinkExpiry(Rulebook rb, LocalDate due) {
    return due.plus(rb.actionLinkValidity());
  }

  /**
   * The floor for a ladder planned at {@code now}: a rung whose sending time has passed is not
   * sent, so today's rung still counts before the notice time and not after it.
   */
  public LocalDate floorAt(Rulebook rb, java.time.Instant now) {
    LocalDate today = LocalDate.ofInstant(now, rb.zone());
    return now.isBefore(sendAt(rb, today).toInstant()) ? today.minusDays(1) : today;
  }

  /** The notice time on that day in the rulebook's zone (a time in a DST gap moves later). */
  public ZonedDateTime sendAt(Rulebook rb, LocalDate day) {
    return ZonedDateTime.of(day, rb.noticeTime(), rb.zone());
  }

  /**
   * When a rung goes out: the notice time of its sending day (a working day, where the rule is on).
   */
  public ZonedDateTime sendAt(Rulebook rb, Rung rung) {
    return sendAt(rb, rung.sendOn());
  }

  /** The day something dated {@code day} goes out under the rulebook's calendar. */
  public LocalDate sendingDay(Rulebook rb, LocalDate day) {
    return rb.calendar().sendingDay(day);
  }

  /**
   * The next rung still to send, or empty. Rungs are taken in ladder order; a rung whose sending
   * day is also the sending day of the next rung (two calendar dates moved onto one working day) is
   * left out, so that only the later rung of the ladder goes out that day.
   */
  public Optional<Rung> nextRung(Rulebook rb, LadderInput in) {
    if (in.onHold() || in.paused()) {
      return Optional.empty();
    }
    Candidates candidates = new Candidates(shape(rb, in), in);
    Rung current = candidates.next();
    while (true) {
      Rung moved = current.sentOn(sendingDay(rb, current.date()));
      Rung following = candidates.peekAfterDate(current.date());
      if (following == null || !sendingDay(rb, following.date()).equals(moved.sendOn())) {
        return Optional.of(moved);
      }
      current = candidates.next();
    }
  }

  /** All rungs to send, in order, for previews: those that go out on or before {@code until}. */
  public List<Rung> ladder(Rulebook rb, LadderInput in, LocalDate until) {
    if (in.onHold() || in.paused()) {
      return List.of();
    }
    Shape shape = shape(rb, in);
    // A rung dated after `until` goes out after it, so it cannot share a sending day within
    // `until`.
    List<Rung> rungs = new ArrayList<>();
    for (Rung rung : shape.fixed()) {
      if (!rung.date().isAfter(until) && sendable(rung, in)) {
        rungs.add(rung);
      }
    }
    // Deliberately enumerates instead of reusing firstRepeatingRung: the two are checked against
    // each other.
    for (int k = 0; ; k++) {
      Rung rung = shape.repeating(k);
      if (rung.date().isAfter(until)) {
        break;
      }
      if (sendable(rung, in)) {
        rungs.add(rung);
      }
    }
    rungs.sort(Rung.LADDER_ORDER);
    List<Rung> sent = new ArrayList<>();
    for (int i = 0; i < rungs.size(); i++) {
      Rung rung = rungs.get(i).sentOn(sendingDay(rb, rungs.get(i).date()));
      Rung later = laterDated(rungs, i);
      if (later != null && sendingDay(rb, later.date()).equals(rung.sendOn())) {
        continue;
      }
      if (!rung.sendOn().isAfter(until)) {
        sent.add(rung);
      }
    }
    return List.copyOf(sent);
  }

  /**
   * The first rung after index i dated later than it (rungs of one date are one rung of the
   * ladder).
   */
  private static Rung laterDated(List<Rung> rungs, int i) {
    for (int j = i + 1; j < rungs.size(); j++) {
      if (rungs.get(j).date().isAfter(rungs.get(i).date())) {
        return rungs.get(j);
      }
    }
    return null;
  }

  /** The sendable rungs of a ladder in ladder order, fixed and repeating merged, one at a time. */
  private static final class Candidates {
    private final Shape shape;
    private final List<Rung> fixed;
    private int nextFixed;
    private int nextRepeating;

    Candidates(Shape shape, LadderInput in) {
      this.shape = shape;
      this.fixed =
          shape.fixed().stream().filter(r -> sendable(r, in)).sorted(Rung.LADDER_ORDER).toList();
      this.nextRepeating = firstRepeatingRung(shape, in).sequence();
    }

    Rung next() {
      Rung repeating = shape.repeating(nextRepeating);
      if (nextFixed < fixed.size()
          && Rung.LADDER_ORDER.compare(fixed.get(nextFixed), repeating) < 0) {
        return fixed.get(nextFixed++);
      }
      nextRepeating++;
      return repeating;
    }

    /** The first candidate not yet taken that is dated after {@code date}, without taking it. */
    Rung peekAfterDate(LocalDate date) {
      for (int i = nextFixed; i < fixed.size(); i++) {
        if (fixed.get(i).date().isAfter(date)) {
          Rung repeating = firstRepeatingAfter(date);
          return Rung.LADDER_ORDER.compare(fixed.get(i), repeating) < 0 ? fixed.get(i) : repeating;
        }
      }
      return firstRepeatingAfter(date);
    }

    private Rung firstRepeatingAfter(LocalDate date) {
      int k = nextRepeating;
      while (!shape.repeating(k).date().isAfter(date)) {
        k++;
      }
      return shape.repeating(k);
    }
  }

  private static boolean sendable(Rung rung, LadderInput in) {
    return !rung.date().isBefore(in.startedOn())
        && (in.floorExclusive() == null || rung.date().isAfter(in.floorExclusive()))
        && (in.after() == null || rung.isAfter(in.after()));
  }

  /**
   * The first repeating rung that is {@link #sendable}: every condition is a lower bound on its
   * date.
   */
  private static Rung firstRepeatingRung(Shape shape, LadderInput in) {
    LocalDate earliest = in.startedOn();
    if (in.floorExclusive() != null) {
      earliest = latest(earliest, in.floorExclusive().plusDays(1));
    }
    if (in.after() != null) {
      boolean sortsAfterSameDay = shape.repeatingKind().compareTo(in.after().kind()) > 0;
      earliest =
          latest(earliest, sortsAfterSameDay ? in.after().date() : in.after().date().plusDays(1));
    }
    long daysFromFirst = ChronoUnit.DAYS.between(shape.repeatingFirst(), earliest);
    long k = Math.max(0, Math.ceilDiv(daysFromFirst, shape.everyDays()));
    return shape.repeating(Math.toIntExact(k));
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static Shape shape(Rulebook rb, LadderInput in) {
    LocalDate due = in.due();
    List<Rung> fixed = new ArrayList<>();
    if (in.step() == Step.FOCAL_POINT && in.vacancy()) {
      // The interim notices went out the day the focal point left (due); "pending" every 30 days
      // after.
      int every = rb.focalPointLadder().designationPending().every().getDays();
      return new Shape(fixed, NoticeKind.DESIGNATION_PENDING, due.plusDays(every), every);
    }
    if (in.step() == Step.FOCAL_POINT) {
      FocalPointLadder fp = rb.focalPointLadder();
      fixed.add(new Rung(NoticeKind.FOCAL_POINT_REMINDER, in.startedOn().plus(fp.reminder()), 0));
      LocalDate interim = due.plus(fp.interim());
      fixed.add(new Rung(NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE, interim, 0));
      fixed.add(new Rung(NoticeKind.INTERIM_FOCAL_POINT_INFO, interim, 0));
      return new Shape(
          fixed,
          NoticeKind.DESIGNATION_PENDING,
          due.plus(fp.designationPending().first()),
          fp.designationPending().every().getDays());
    }
    Ladder ladder = rb.ladder();
    for (int i = 0; i < ladder.reminders().size(); i++) {
      fixed.add(new Rung(NoticeKind.REMINDER, due.minus(ladder.reminders().get(i)), i));
    }
    fixed.add(new Rung(NoticeKind.OVERDUE, due.plus(ladder.overdue()), 0));
    return new Shape(
        fixed,
        NoticeKind.ESCALATION,
        due.plus(ladder.escalation().first()),
        ladder.escalation().every().getDays());
  }

  /** The fixed rungs of a ladder and its repeating rung k = first + k * every days. */
  private record Shape(
      List<Rung> fixed, NoticeKind repeatingKind, LocalDate repeatingFirst, int everyDays) {
    Rung repeating(int k) {
      return new Rung(repeatingKind, repeatingFirst.plusDays((long) k * everyDays), k);
    }
  }
}
