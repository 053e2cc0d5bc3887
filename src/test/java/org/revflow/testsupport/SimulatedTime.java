package org.revflow.testsupport;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Moves the engine's clock and RevFlow's clock together, and waits until the engine has worked
 * through what the move made due. Days are walked one at a time because a single long jump fires a
 * repeating timer only once.
 */
public final class SimulatedTime {

  public static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final Duration IDLE_WAIT = Duration.ofSeconds(30);

  private final ZeebeTestEngine engine;
  private final ShiftableClock clock;
  private final EngineRecords records;

  SimulatedTime(ZeebeTestEngine engine, ShiftableClock clock) {
    this.engine = engine;
    this.clock = clock;
    this.records = new EngineRecords(engine);
  }

  /**
   * Sets both clocks to {@code at} and stops them there (a simulation starts on its own date, in the
   * past or the future); from then on they move only when told. For a fresh, isolated engine only.
   */
  public synchronized void pinAt(Instant at) {
    try {
      var field = engine.getClass().getDeclaredField("clock");
      field.setAccessible(true);
      var engineClock = (io.camunda.zeebe.scheduler.clock.ControlledActorClock) field.get(engine);
      engineClock.setCurrentTime(at);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot set the in-memory engine's clock", e);
    }
    clock.pin(at);
    waitForIdle();
  }

  public Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), VIENNA);
  }

  /** Moves both clocks forward (never back). */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    clock.shift(duration);
    engine.increaseTime(duration);
    waitForIdle();
  }

  /** Moves to the given Vienna date and time if it lies ahead. */
  public void advanceTo(LocalDate date, LocalTime time) {
    Instant target = ZonedDateTime.of(date, time, VIENNA).toInstant();
    advance(Duration.between(now(), target));
  }

  /**
   * Moves to {@code date} at {@code time} timer by timer: the clock stops at every pending timer's
   * due time, the engine and the workers settle, and only then does it move on. Nothing is skipped,
   * unlike a single long jump (which fires a repeating timer only once).
   */
  public void walkTo(LocalDate date, LocalTime time) {
    Instant target = ZonedDateTime.of(date, time, VIENNA).toInstant();
    settle();
    while (now().isBefore(target)) {
      Instant next = records.earliestTimer().filter(t -> t.isBefore(target)).orElse(target);
      if (!next.isAfter(now())) {
        next = now().plusSeconds(1);
      }
      Duration step = Duration.between(now(), next);
      clock.shift(step);
      engine.increaseTime(step);
      settle();
    }
  }

  /** Walks to the given Vienna date at 10:00, after that day's 09:00 notices. */
  public void walkTo(LocalDate date) {
    walkTo(date, LocalTime.of(10, 0));
  }

  /**
   * Waits until the engine is idle and every job it created has been finished by a worker (job
   * workers run in other threads and wake the engine again when they complete): then nothing more
   * happens until time moves or someone acts.
   */
  public void settle() {
    long deadline = System.nanoTime() + IDLE_WAIT.toNanos();
    long before = -1;
    while (true) {
      waitForIdle();
      long now = records.refresh();
      List<String> open = records.openJobTypes();
      if (open.isEmpty() && now == before) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("jobs still open after " + IDLE_WAIT + ": " + open);
      }
      before = open.isEmpty() ? now : -1;
      sleep(open.isEmpty() ? 20 : 10);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void waitForIdle() {
    try {
      engine.waitForIdleState(IDLE_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("engine did not become idle within " + IDLE_WAIT, e);
    }
  }
}
