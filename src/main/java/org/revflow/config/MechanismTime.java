package org.revflow.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The one place that answers "what day is it in Vienna?": the Mechanism's deadlines are calendar
 * dates in its time zone ({@code revflow.zone}, Europe/Vienna), and every service that needs today,
 * or the day of an instant, asks here instead of combining a clock and a zone of its own. Instants
 * come from the application's {@link Clock}, which the tests and simulations move with the
 * engine's.
 */
public final class MechanismTime {

  private final Clock clock;
  private final ZoneId zone;

  public MechanismTime(Clock clock, ZoneId zone) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** The Mechanism's time zone. */
  public ZoneId zone() {
    return zone;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Today in the Mechanism's zone. */
  public LocalDate today() {
    return dateOf(now());
  }

  /** The Mechanism's calendar date of {@code instant}. */
  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /** The first instant of {@code day} in the Mechanism's zone. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }
}
