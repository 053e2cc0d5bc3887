package org.revflow.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Moves the engine's clock and RevFlow's clock together, and waits until the engine has worked
 * through what the move made due. Days are walked one at a time because a single long jump fires a
 * repeating timer only once.
 */
public final class SimulatedTime {

  public static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final Duration IDLE_WAIT = Duration.ofSeconds(30);
  private static final Duration DUE_WAIT = Duration.ofMillis(250);
  private static final int MAX_NUDGES = 24;
  private static final boolean DEBUG = Boolean.getBoolean("revflow.time.debug");

  private final EmbeddedEngine engine;
  private final ShiftableClock clock;
  private final java.util.concurrent.atomic.AtomicLong stops =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean compacting;

  /**
   * Outboxes of the application contexts on this engine. A message whose publication failed waits
   * for the outbox's sweeper, which runs on the wall clock: in simulated time the walk would be
   * months ahead when it arrives. Settling publishes it first, as the sweeper would within seconds.
   */
  private final List<org.revflow.process.ProcessMessages> outboxes =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  void attachOutbox(org.revflow.process.ProcessMessages outbox) {
    outboxes.add(outbox);
  }

  void detachOutbox(org.revflow.process.ProcessMessages outbox) {
    outboxes.remove(outbox);
  }

  /** Publishes what the outboxes hold; true when something was pending. */
  private boolean flushOutboxes() {
    boolean pending = false;
    for (org.revflow.process.ProcessMessages outbox : outboxes) {
      try {
        if (outbox.pendingCount() > 0) {
          outbox.publishPending();
          pending = true;
        }
      } catch (org.springframework.dao.DataAccessException databaseAway) {
        // A fault test has cut the database: the outbox cannot be read, and waiting would not help.
      }
    }
    return pending;
  }

  SimulatedTime(EmbeddedEngine engine, ShiftableClock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  /**
   * Sets both clocks to {@code time} on {@code date} in Vienna and stops them there (a simulation
   * starts on its own date, in the past or the future); from then on they move only when told. For
   * a fresh, isolated engine only.
   */
  public synchronized void pinAt(LocalDate date, LocalTime time) {
    Instant at = ZonedDateTime.of(date, time, VIENNA).toInstant();
    engine.setTime(at);
    clock.pin(at);
    settle();
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
    int nudges = 0;
    while (now().isBefore(target)) {
      Instant due = engine.pending().nextDue().orElse(null);
      Instant next;
      if (due != null && !due.isAfter(now())) {
        // Due and not fired: the engine now and then misses a timer until its clock moves on. Move
        // it on by 1 s, 2 s, 4 s, ... but never past the end of that day in Vienna (the notice's
        // date must not change) nor past the walk's target.
        if (++nudges > MAX_NUDGES) {
          throw new IllegalStateException(
              "the engine does not fire its timer due at "
                  + due
                  + " (engine clock "
                  + engine.now()
                  + ")");
        }
        Instant endOfDay =
            ZonedDateTime.ofInstant(due, VIENNA)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(VIENNA)
                .toInstant()
                .minusSeconds(1);
        next = min(now().plusSeconds(1L << Math.min(nudges - 1, 16)), min(endOfDay, target));
        if (!next.isAfter(now())) {
          next = now().plusSeconds(1);
        }
        if (DEBUG) {
          System.err.println(
              "simulated time: nudge " + nudges + " for timer due " + due + " to " + next);
        }
      } else {
        if (DEBUG && nudges > 0) {
          System.err.println("simulated time: fired after " + nudges + " nudges");
        }
        nudges = 0;
        next = due == null || !due.isBefore(target) ? target : due;
      }
      Duration step = Duration.between(now(), next);
      clock.shift(step);
      engine.increaseTime(step);
      stops.incrementAndGet();
      engine.wake();
      settle();
    }
  }

  /** The earliest timer or retry back-off the engine will fire, if any. */
  public java.util.Optional<Instant> nextTimer() {
    return engine.pending().nextDue();
  }

  /**
   * From now on, each settle drops the engine's log below what the engine and this walker have
   * read, as a broker compacts its log after a snapshot (see {@link EmbeddedEngine#compactLog()}).
   * For long runs on an engine of their own whose records nobody asserts on: the engine's record
   * stream is unusable afterwards.
   */
  public void compactEngineLog() {
    compacting = true;
  }

  private void compact() {
    if (compacting) {
      engine.compactLog();
    }
  }

  /**
   * For benchmarks: records in the engine's log, and job events by intent (yields and time-outs are
   * work done twice).
   */
  public String engineWork() {
    return engine.work();
  }

  /**
   * How many times walks have stopped on this engine (for benchmarks: each stop costs a settle).
   */
  public long stops() {
    return stops.get();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Walks to the given Vienna date at 10:00, after that day's 09:00 notices. */
  public void walkTo(LocalDate date) {
    walkTo(date, LocalTime.of(10, 0));
  }

  /**
   * Waits until the engine has processed everything written to its log, every job it created has
   * been finished by a worker (job workers run in other threads and wake the engine again when they
   * complete), and no timer or retry back-off is due that has not fired: then nothing more happens
   * until time moves or someone acts.
   *
   * <p>Polls {@link EmbeddedEngine#processedAll()} every millisecond instead of waiting for the
   * engine to look idle, which takes at least 100 ms per call: most of a simulation's time once (a
   * walk settles at every timer).
   */
  public void settle() {
    long deadline = System.nanoTime() + IDLE_WAIT.toNanos();
    long dueSince = 0;
    long before = -1;
    int quiet = 0;
    while (true) {
      awaitProcessed(deadline);
      EmbeddedEngine.Pending pending = engine.pending();
      long now = pending.recordsRead();
      List<String> open = pending.openJobTypes();
      boolean due = pending.overdue();
      if (due && dueSince == 0) {
        dueSince = System.nanoTime();
      } else if (!due) {
        dueSince = 0;
      }
      // A due timer normally fires within milliseconds; one that does not (the engine's checker
      // runs
      // on its own schedule) must not hold the walk forever: walkTo nudges the clock past it.
      boolean waitingForDue = due && System.nanoTime() - dueSince < DUE_WAIT.toNanos();
      // Only when the engine looks quiet: a count of pending outbox rows on every 1-2 ms poll was a
      // query stream of its own, charged to RevFlow in the benchmarks.
      boolean outboxPending = open.isEmpty() && !waitingForDue && now == before && flushOutboxes();
      if (open.isEmpty() && !waitingForDue && !outboxPending && now == before) {
        // Two quiet looks in a row: a command sent just before the first look has been written by
        // now.
        if (++quiet >= 2) {
          compact();
          return;
        }
      } else {
        quiet = 0;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not settled after %s: open jobs %s; records still written: %s; outbox pending: %s;"
                    .formatted(IDLE_WAIT, open, now != before, outboxPending)
                + " timer due: %s; the last records: %s"
                    .formatted(due, String.join(", ", engine.recentRecords())));
      }
      before = open.isEmpty() ? now : -1;
      if (waitingForDue) {
        engine.wake();
      }
      sleep(open.isEmpty() && !waitingForDue ? 2 : 1);
    }
  }

  /** Waits until the engine's stream processor has processed every record written so far. */
  private void awaitProcessed(long deadline) {
    while (!engine.processedAll()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("engine did not become idle within " + IDLE_WAIT);
      }
      sleep(1);
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
    engine.awaitIdle(IDLE_WAIT);
  }
}
