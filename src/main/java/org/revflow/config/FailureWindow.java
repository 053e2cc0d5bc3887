package org.revflow.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed attempts per key in a sliding window, in memory: a key with {@code maxFailures} failures
 * within {@code window} is blocked until the oldest ages out. The cache holds at most {@code
 * maxKeys} keys (least recently used go first) and each key at most {@code maxFailures} times, so a
 * client spraying keys costs bounded memory and no full scans; a key left alone for a window is
 * forgotten. Time is the application clock's, so tests move it.
 */
public final class FailureWindow {

  private final Cache<String, Deque<Instant>> failures;
  private final int maxFailures;
  private final Duration window;
  private final Clock clock;

  public FailureWindow(int maxFailures, Duration window, long maxKeys, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
    this.failures =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(window)
            .ticker(monotonic(clock))
            // Evictions on the calling thread: the bound holds at once, not when a pool gets round
            // to it.
            .executor(Runnable::run)
            .build();
  }

  public boolean blocked(String key) {
    Deque<Instant> times = failures.getIfPresent(key);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times, clock.instant());
      return times.size() >= maxFailures;
    }
  }

  public void failed(String key) {
    Instant now = clock.instant();
    Deque<Instant> times = failures.get(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      times.addLast(now);
      while (times.size() > maxFailures) {
        times.removeFirst(); // only the newest maxFailures decide whether the key is blocked
      }
    }
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant from = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
      times.removeFirst();
    }
    // The shared test clock can be moved back: a failure "in the future" is not evidence either.
    times.removeIf(t -> t.isAfter(now));
  }

  /** Caffeine wants nanoseconds that never go back; the application clock may (tests). */
  private static Ticker monotonic(Clock clock) {
    AtomicLong last = new AtomicLong(Long.MIN_VALUE);
    return () -> last.accumulateAndGet(clock.millis() * 1_000_000L, Math::max);
  }
}
