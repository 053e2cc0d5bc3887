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
  private final ZoneId zone;

  public ShiftableClock() {
    this(new AtomicLong(), ZoneOffset.UTC);
  }

  private ShiftableClock(AtomicLong offsetMillis, ZoneId zone) {
    this.offsetMillis = offsetMillis;
    this.zone = zone;
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
    return new ShiftableClock(offsetMillis, zone);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis.get());
  }
}
