package org.revflow.testsupport;

import io.camunda.zeebe.protocol.record.Record;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Zeebe engine that the tests, the local run and the simulations start in this JVM, as far as
 * they use it beside the Camunda client: its clock, whether it has settled, and its records.
 *
 * <p>{@link ZeebeProcessTestEngine} is the one implementation, and the only class that knows which
 * engine it is: zeebe-process-test, deprecated in Camunda 8.8 and removed in 8.10. What a
 * replacement has to offer is this interface; docs/testing.md, "Moving off zeebe-process-test",
 * says what that would take.
 */
public interface EmbeddedEngine {

  /**
   * An engine, not yet started, serving gRPC on 127.0.0.1:{@code port}, its clock starting at
   * {@code clockStart} (null: now). Its clock only moves forward from there.
   */
  static EmbeddedEngine create(int port, Instant clockStart) {
    return ZeebeProcessTestEngine.create(port, clockStart);
  }

  void start();

  /** Stops it and deletes its state. */
  void stop();

  /** Where the Camunda client finds its gateway (gRPC). */
  URI grpcAddress();

  /** The engine's clock. */
  Instant now();

  /** Moves the engine's clock forward. */
  void increaseTime(Duration duration);

  /**
   * Sets the engine's clock to {@code at}; refused (IllegalStateException) if that lies before
   * {@link #now()}.
   */
  void setTime(Instant at);

  /** Whether the engine has processed every record written to its log so far. */
  boolean processedAll();

  /**
   * Returns once the engine has stayed idle for a moment; slower than polling {@link
   * #processedAll()}.
   */
  void awaitIdle(Duration timeout);

  /**
   * Tells the engine to look at its clock now rather than on its next tick (after the clock moved,
   * or while something is due). A hint: an implementation may do nothing.
   */
  void wake();

  /** What the engine will still do without anyone acting. */
  Pending pending();

  /**
   * The last records the engine wrote, oldest first, one line each (value type, intent, key): what
   * it keeps doing when a walk does not settle.
   */
  List<String> recentRecords();

  /** Every record the engine has written, oldest first, for assertions. */
  Iterable<Record<?>> records();

  /**
   * Drops the part of the engine's log that the engine and {@link #pending()} have read, as a
   * broker compacts its log after a snapshot: for long runs on an engine of their own that measure
   * memory. {@link #records()} is unusable afterwards.
   */
  void compactLog();

  /** For benchmarks: how much work the engine did, in its own terms. */
  String work();

  /**
   * @param recordsRead how many records the engine has written: equal on two looks, nothing
   *     happened in between
   * @param openJobTypes the job types of the jobs that exist and that no worker has finished
   * @param nextDue the earliest timer or job retry back-off that will fire, if any
   * @param overdue whether a timer or retry back-off is due by the engine's clock and has not fired
   *     yet
   */
  record Pending(
      long recordsRead, List<String> openJobTypes, Optional<Instant> nextDue, boolean overdue) {}
}
