package org.revflow.action;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts invalid action-link attempts per client address in a sliding window. In memory, per
 * instance: a restart forgets, and two instances each allow the limit. That is enough to make
 * guessing pointless (a token carries a 256-bit signature); it is not an accounting of abuse.
 */
@Component
public class ActionThrottle {

  /** Bounds the memory an address-spraying client can make us spend. */
  private static final int MAX_ADDRESSES = 50_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final ActionProperties.Throttle settings;
  private final Clock clock;

  ActionThrottle(ActionProperties properties, Clock clock) {
    this.settings = properties.throttle();
    this.clock = clock;
  }

  public boolean blocked(String address) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times, clock.instant());
      return times.size() >= settings.maxFailures();
    }
  }

  public void failed(String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_ADDRESSES) {
      failures.values().removeIf(d -> {
        synchronized (d) {
          prune(d, now);
          return d.isEmpty();
        }
      });
    }
    Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      times.addLast(now);
    }
  }

  /** Forgets every address (tests start from a clean slate). */
  public void reset() {
    failures.clear();
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant from = now.minus(settings.window());
    while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
      times.removeFirst();
    }
    // The shared test clock can be moved back: a failure "in the future" is not evidence either.
    times.removeIf(t -> t.isAfter(now));
  }
}
