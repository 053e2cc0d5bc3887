package org.revflow.rulebook;

import java.time.LocalDate;
import java.util.Objects;
import org.revflow.vocabulary.Step;

/**
 * The state of one step occurrence, as far as its ladder is concerned.
 *
 * @param step the step
 * @param startedOn the day the step started; no rung before it is sent
 * @param due the current deadline D (after extensions and holds)
 * @param floorExclusive rungs dated on or before this day are not sent (the day of an extension, a
 *     resume or the opening of the step); null for none
 * @param after the last rung sent; only rungs after it in ladder order are returned; null for none
 * @param onHold the review is on hold: nothing is sent
 * @param paused the step's ladder is stopped (e.g. the clarification round was answered)
 * @param secretariatActs the secretariat acts on the step; routing only, dates are the same
 * @param vacancy a focal-point step opened because a focal point left without a successor: no
 *     reminder and no dated interim notice (both went out with the event), "designation pending"
 *     every 30 days from the day it left ({@code due})
 */
public record LadderInput(
    Step step,
    LocalDate startedOn,
    LocalDate due,
    LocalDate floorExclusive,
    Rung after,
    boolean onHold,
    boolean paused,
    boolean secretariatActs,
    boolean vacancy) {

  public LadderInput(
      Step step,
      LocalDate startedOn,
      LocalDate due,
      LocalDate floorExclusive,
      Rung after,
      boolean onHold,
      boolean paused,
      boolean secretariatActs) {
    this(step, startedOn, due, floorExclusive, after, onHold, paused, secretariatActs, false);
  }

  public LadderInput {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(startedOn, "startedOn");
    Objects.requireNonNull(due, "due");
  }

  /** A step that is running, nothing sent yet. */
  public static LadderInput of(Step step, LocalDate startedOn, LocalDate due) {
    return new LadderInput(step, startedOn, due, null, null, false, false, step.secretariatActs());
  }

  public LadderInput withAfter(Rung after) {
    return new LadderInput(
        step, startedOn, due, floorExclusive, after, onHold, paused, secretariatActs, vacancy);
  }

  public LadderInput withFloor(LocalDate floorExclusive) {
    return new LadderInput(
        step, startedOn, due, floorExclusive, after, onHold, paused, secretariatActs, vacancy);
  }

  public LadderInput withOnHold(boolean onHold) {
    return new LadderInput(
        step, startedOn, due, floorExclusive, after, onHold, paused, secretariatActs, vacancy);
  }

  public LadderInput asVacancy() {
    return new LadderInput(
        step, startedOn, due, floorExclusive, after, onHold, paused, secretariatActs, true);
  }

  public LadderInput withPaused(boolean paused) {
    return new LadderInput(
        step, startedOn, due, floorExclusive, after, onHold, paused, secretariatActs, vacancy);
  }
}
