package org.revflow.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.Throttles;

/** The throttle's keys and its memory, without the application around it. */
class ActionThrottleTest {

  private final Clock clock = Clock.fixed(Instant.parse("2027-03-01T08:00:00Z"), ZoneOffset.UTC);

  private ActionThrottle throttle() {
    return new ActionThrottle(
        new ActionProperties(
            "x".repeat(40), new ActionProperties.Throttle(10, Duration.ofMinutes(15))),
        clock);
  }

  @Test
  void anIpv6HostCountsAsItsSlash64() {
    ActionThrottle throttle = throttle();
    for (int i = 1; i <= 10; i++) {
      throttle.failed("2001:db8:1:2::" + Integer.toHexString(i));
    }
    assertThat(throttle.blocked("2001:db8:1:2:ffff:ffff:ffff:ffff")).as("same /64").isTrue();
    assertThat(throttle.blocked("[2001:0db8:0001:0002::1234]"))
        .as("same /64, spelt otherwise")
        .isTrue();
    assertThat(throttle.blocked("2001:db8:1:3::1")).as("the next /64").isFalse();
    assertThat(throttle.blocked("192.0.2.1")).isFalse();
  }

  @Test
  void anIpv4AddressIsItself() {
    ActionThrottle throttle = throttle();
    for (int i = 0; i < 10; i++) {
      throttle.failed("192.0.2.7");
    }
    assertThat(throttle.blocked("192.0.2.7")).isTrue();
    assertThat(throttle.blocked("::ffff:192.0.2.7")).as("IPv4-mapped").isTrue();
    assertThat(throttle.blocked("192.0.2.8")).isFalse();
  }

  @Test
  void sprayedAddressesInTheirWindowStayWithinTheBound() {
    ActionThrottle throttle = throttle();
    int sprayed = ActionThrottle.MAX_ADDRESSES + 5_000;
    long started = System.nanoTime();
    for (int i = 0; i < sprayed; i++) {
      throttle.failed("10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff));
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    // Every one of them is within its window (the clock stands still), and still the map is
    // bounded.
    assertThat(Throttles.keysHeld(throttle)).isLessThanOrEqualTo(ActionThrottle.MAX_ADDRESSES);
    // No scan of the whole map per failure past the bound (5,000 of those took minutes before).
    assertThat(millis).isLessThan(30_000);
  }
}
