package org.revflow.testsupport;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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

  SimulatedTime(ZeebeTestEngine engine, ShiftableClock clock) {
    this.engine = engine;
    this.clock = clock;
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

  /** Walks day by day to {@code date} at {@code time}, letting the engine settle after each step. */
  public void walkTo(LocalDate date, LocalTime time) {
    Instant target = ZonedDateTime.of(date, time, VIENNA).toInstant();
    while (now().isBefore(target)) {
      Instant next = now().plus(Duration.ofDays(1));
      advance(Duration.between(now(), next.isAfter(target) ? target : next));
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
