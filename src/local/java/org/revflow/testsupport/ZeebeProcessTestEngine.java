package org.revflow.testsupport;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EmbeddedEngine} on zeebe-process-test's in-memory engine (8.8; Camunda License 1.0, not
 * for production; deprecated, removed in 8.10). The only class that uses it, with three helpers
 * that read the engine's insides for it: {@link EngineRecords} (its log), {@link
 * EngineLogCompaction} and {@link RocksDbEngineFactory} (which must live in the engine's own
 * package).
 *
 * <p>The public API ({@link ZeebeTestEngine}) has no way to set the clock, to tell quickly whether
 * the engine has processed its log, or to read the log without a decoded copy of every record:
 * those parts are read from the engine's private fields, written against 8.8.21.
 */
final class ZeebeProcessTestEngine implements EmbeddedEngine {

  private static final Logger log = LoggerFactory.getLogger(ZeebeProcessTestEngine.class);

  private final ZeebeTestEngine engine;
  private final int port;
  private final Path stateDirectory;
  private final ControlledActorClock clock;
  private final StreamProcessor processor;
  private final LogStream logStream;
  private final List<Thread> actorThreads;
  private final EngineRecords records;
  private EngineLogCompaction compaction;

  private ZeebeProcessTestEngine(ZeebeTestEngine engine, int port, Path stateDirectory) {
    this.engine = engine;
    this.port = port;
    this.stateDirectory = stateDirectory;
    this.clock = field(engine, "clock", ControlledActorClock.class);
    this.processor = field(engine, "streamProcessor", StreamProcessor.class);
    this.logStream = field(engine, "logStream", LogStream.class);
    this.actorThreads = actorThreads(engine);
    this.records = new EngineRecords(logStream);
  }

  /**
   * The engine's state in RocksDB (see {@link RocksDbEngineFactory}: the test engine's own
   * in-memory state copies itself on every prefix scan); {@code REVFLOW_ENGINE_STATE=memory} picks
   * the test engine exactly as it comes, e.g. where RocksDB's native library does not load.
   */
  static ZeebeProcessTestEngine create(int port, Instant clockStart) {
    Path stateDirectory = stateDirectory();
    ZeebeTestEngine engine;
    if (stateDirectory == null) {
      engine = inMemory(port, clockStart);
    } else {
      try {
        engine = RocksDbEngineFactory.create(port, stateDirectory, clockStart);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        log.warn("RocksDB did not start ({}): the engine keeps its state in memory", e.toString());
        engine = inMemory(port, clockStart);
      }
    }
    return new ZeebeProcessTestEngine(engine, port, stateDirectory);
  }

  private static ZeebeTestEngine inMemory(int port, Instant clockStart) {
    if (clockStart != null) {
      log.warn(
          "the test engine as it comes starts its clock now: a simulation of dates before today is refused"
              + " (REVFLOW_ENGINE_STATE=memory or RocksDB not loaded)");
    }
    return EngineFactory.create(port);
  }

  @Override
  public void start() {
    engine.start();
  }

  @Override
  public void stop() {
    try {
      engine.stop();
    } finally {
      deleteState();
    }
  }

  @Override
  public URI grpcAddress() {
    return URI.create("http://localhost:" + port);
  }

  @Override
  public Instant now() {
    return Instant.ofEpochMilli(clock.getCurrentTimeInMillis());
  }

  @Override
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  @Override
  public void setTime(Instant at) {
    if (at.toEpochMilli() < clock.getTimeMillis()) {
      // The engine's actor timers would stay asleep until its clock came back to where it was.
      throw new IllegalStateException(
          "cannot move the engine's clock back from "
              + clock.getCurrentTime()
              + " to "
              + at
              + ": an engine simulating past dates must start its clock earlier"
              + " (EmbeddedServices.isolated does)");
    }
    clock.setCurrentTime(at);
  }

  /**
   * Asks the stream processor directly instead of {@code waitForIdleState}, which checks every 50
   * ms and wants two idle checks in a row: at least 100 ms per call, which was most of a
   * simulation's time (a walk settles at every timer).
   */
  @Override
  public boolean processedAll() {
    return Boolean.TRUE.equals(processor.hasProcessingReachedTheEnd().join());
  }

  @Override
  public void awaitIdle(Duration timeout) {
    try {
      engine.waitForIdleState(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("engine did not become idle within " + timeout, e);
    }
  }

  /** Unparks the engine's actor threads, instead of waiting for their next idle park to end. */
  @Override
  public void wake() {
    actorThreads.forEach(LockSupport::unpark);
  }

  @Override
  public Pending pending() {
    long read = records.refresh();
    return new Pending(
        read,
        records.openJobTypes(),
        records.earliestTimer(),
        records.anythingDueBy(clock.getCurrentTimeInMillis()));
  }

  @Override
  public List<String> recentRecords() {
    records.refresh();
    return records.recent();
  }

  @Override
  public Iterable<Record<?>> records() {
    return engine.getRecordStreamSource().getRecords();
  }

  @Override
  public synchronized void compactLog() {
    if (compaction == null) {
      compaction = new EngineLogCompaction(logStream);
    }
    compaction.compactBelow(
        Math.min(processor.getLastProcessedPositionAsync().join(), records.position()));
  }

  @Override
  public String work() {
    var jobs = new TreeMap<String, Long>();
    records.jobEvents().forEach((intent, n) -> jobs.put(intent.name(), n));
    return records.recordsRead() + " records; job events " + jobs;
  }

  /**
   * The engine's actor threads, to wake; none if they cannot be reached (waking is only a hint).
   */
  private static List<Thread> actorThreads(ZeebeTestEngine engine) {
    try {
      Object scheduler = field(engine, "scheduler", Object.class);
      var executorField = scheduler.getClass().getDeclaredField("actorTaskExecutor");
      executorField.setAccessible(true);
      Object executor = executorField.get(scheduler);
      List<Thread> threads = new ArrayList<>();
      for (String group : List.of("cpuBoundThreads", "ioBoundThreads")) {
        var groupField = executor.getClass().getDeclaredField(group);
        groupField.setAccessible(true);
        Object g = groupField.get(executor);
        var threadsField = g.getClass().getSuperclass().getDeclaredField("threads");
        threadsField.setAccessible(true);
        threads.addAll(List.of((Thread[]) threadsField.get(g)));
      }
      return threads;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return List.of();
    }
  }

  private static <T> T field(ZeebeTestEngine engine, String name, Class<T> type) {
    try {
      var field = engine.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return type.cast(field.get(engine));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot reach the in-memory engine's " + name + " (engine version changed?)", e);
    }
  }

  private static Path stateDirectory() {
    if ("memory"
        .equalsIgnoreCase(System.getenv().getOrDefault("REVFLOW_ENGINE_STATE", "rocksdb"))) {
      return null;
    }
    try {
      return Files.createTempDirectory("revflow-engine-state");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteState() {
    if (stateDirectory == null) {
      return;
    }
    try (var paths = Files.walk(stateDirectory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      log.debug("engine state not deleted", e);
    }
  }
}
