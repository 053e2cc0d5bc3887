package org.revflow.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs with the system clock plus an offset, exactly like the in-memory engine's
 * controlled clock (which is also "system time plus what increaseTime added"). Moving both by the
 * same amount keeps Java and the engine on the same date.
 */
public final class ShiftableClock extends Clock {

  private final AtomicLong offsetMillis;
  private final java.util.concurrent.atomic.AtomicReference<Instant> pinned;
  private final ZoneId zone;

  public ShiftableClock() {
    this(new AtomicLong(), new java.util.concurrent.atomic.AtomicReference<>(), ZoneOffset.UTC);
  }

  private ShiftableClock(
      AtomicLong offsetMillis,
      java.util.concurrent.atomic.AtomicReference<Instant> pinned,
      ZoneId zone) {
    this.offsetMillis = offsetMillis;
    this.pinned = pinned;
    this.zone = zone;
  }

  /**
   * Stops the clock at {@code at}: from then on only {@link #shift} moves it (as a pinned engine
   * clock).
   */
  void pin(Instant at) {
    offsetMillis.set(0);
    pinned.set(at);
  }

  void shift(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ShiftableClock(offsetMillis, pinned, zone);
  }

  @Override
  public Instant instant() {
    Instant base = pinned.get();
    return base == null
        ? Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis.get())
        : base.plusMillis(offsetMillis.get());
  }
}
