package org.revflow.testsupport;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.job.JobRecord;
import io.camunda.zeebe.protocol.impl.record.value.timer.TimerRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the engine's log incrementally and keeps what moving time needs: the pending timers, the
 * jobs waiting out a retry back-off, and the jobs that workers still have to finish.
 *
 * <p>It reads the log with a reader of its own instead of the engine's {@code RecordStreamSource},
 * which keeps a decoded copy of every record ever written for as long as the engine lives (about 20
 * MiB per review of a phase, and the CPU to decode every record). Only timer and job events are
 * decoded here, and nothing is kept but the three maps below. Part of {@link
 * ZeebeProcessTestEngine}.
 */
final class EngineRecords {

  private final LogStreamReader reader;
  private final RecordMetadata metadata = new RecordMetadata();
  private final TimerRecord timer = new TimerRecord();
  private final JobRecord job = new JobRecord();
  private final Map<Long, Long> pendingTimers = new HashMap<>();
  private final Map<Long, Long> pendingBackoffs = new HashMap<>();
  private final Map<Long, String> openJobs = new HashMap<>();
  private final Map<JobIntent, Long> jobEvents = new java.util.EnumMap<>(JobIntent.class);
  private long lastPosition = -1;
  // The last records read (value type, intent, key), for a walk that does not settle to say what
  // the engine keeps writing; kept as enums and longs so that reading costs no strings.
  private static final int RECENT = 24;
  private final ValueType[] recentTypes = new ValueType[RECENT];
  private final Intent[] recentIntents = new Intent[RECENT];
  private final long[] recentKeys = new long[RECENT];
  private boolean started;
  private boolean reseek;
  private long read;

  EngineRecords(LogStream logStream) {
    this.reader = logStream.newLogStreamReader();
  }

  /** The position of the last record read: the log before it is no longer needed here. */
  synchronized long position() {
    return lastPosition;
  }

  /**
   * Reads the records written since the last call; returns how many records have been read in all.
   */
  synchronized long refresh() {
    if (!started) {
      reader.seekToFirstEvent();
      started = true;
    }
    if (reseek && !seekPastLastRead()) {
      return read;
    }
    // Onwards from where the last call stopped, never seeking back: the reader asks the log for
    // blocks appended since, and never touches what lies before it (which may have been compacted).
    while (true) {
      LoggedEvent event;
      try {
        if (!reader.hasNext()) {
          break;
        }
        event = reader.next();
      } catch (NullPointerException | IndexOutOfBoundsException notYetVisible) {
        // The in-memory log is a plain ArrayList that the engine appends to on its own thread: now
        // and then this thread sees the new size before the new block (a phase run failed on it).
        // The reader has moved past that block: back to the record after the last one read, and
        // the block is read on the next call. The seek reads the log too, and may see the same
        // half-appended block (a whole-tier run failed on it): then it is tried again next call.
        seekPastLastRead();
        break;
      }
      lastPosition = event.getPosition();
      metadata.reset();
      event.readMetadata(metadata);
      int slot = (int) (read % RECENT);
      recentTypes[slot] = metadata.getValueType();
      recentIntents[slot] = metadata.getIntent();
      recentKeys[slot] = event.getKey();
      read++;
      if (metadata.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (metadata.getValueType() == ValueType.JOB) {
        job.reset();
        event.readValue(job);
        job(event, metadata.getIntent(), job);
      } else if (metadata.getValueType() == ValueType.TIMER) {
        Intent intent = metadata.getIntent();
        if (intent == TimerIntent.CREATED) {
          timer.reset();
          event.readValue(timer);
          pendingTimers.put(event.getKey(), timer.getDueDate());
        } else if (intent == TimerIntent.TRIGGERED || intent == TimerIntent.CANCELED) {
          pendingTimers.remove(event.getKey());
        }
      }
    }
    return read;
  }

  /** Whether the reader stands right after the last record read; if not, the next call tries. */
  private boolean seekPastLastRead() {
    try {
      reader.seek(lastPosition + 1);
      reseek = false;
    } catch (NullPointerException | IndexOutOfBoundsException notYetVisible) {
      reseek = true;
    }
    return !reseek;
  }

  private void job(LoggedEvent event, Intent anyIntent, JobRecord j) {
    if (!(anyIntent instanceof JobIntent intent)) {
      return;
    }
    long key = event.getKey();
    jobEvents.merge(intent, 1L, Long::sum);
    switch (intent) {
      case CREATED, RECURRED_AFTER_BACKOFF, TIMED_OUT, YIELDED -> {
        pendingBackoffs.remove(key);
        openJobs.put(key, j.getType());
      }
      case RETRIES_UPDATED -> {
        if (j.getRetries() > 0) {
          openJobs.put(key, j.getType());
        }
      }
      case FAILED -> {
        if (j.getRetries() <= 0) {
          openJobs.remove(key); // an incident: nothing runs until someone resolves it
        } else if (j.getRetryBackoff() > 0) {
          openJobs.remove(key);
          // Due again at its recurring time: time must stop there too, so that no retry is skipped.
          pendingBackoffs.put(
              key,
              Math.max(j.getRecurringTime(), event.getTimestamp() + j.getRetryBackoff()) + 1_000);
        }
      }
      case COMPLETED, CANCELED, ERROR_THROWN -> {
        openJobs.remove(key);
        pendingBackoffs.remove(key);
      }
      default -> {
        // other intents do not change whether a job is waiting for a worker
      }
    }
  }

  synchronized Optional<Instant> earliestTimer() {
    refresh();
    return Stream.concat(pendingTimers.values().stream(), pendingBackoffs.values().stream())
        .min(Long::compare)
        .map(Instant::ofEpochMilli);
  }

  /**
   * Whether a timer or a job's retry back-off is due at {@code millis} and has not fired yet: the
   * engine will act on it without anyone telling it, so time has not settled.
   */
  synchronized boolean anythingDueBy(long millis) {
    refresh();
    return pendingTimers.values().stream().anyMatch(t -> t <= millis)
        || pendingBackoffs.values().stream().anyMatch(t -> t - 1_000 <= millis);
  }

  /**
   * How many records of each job event were read: yields, time-outs and failures are work done
   * twice.
   */
  synchronized Map<JobIntent, Long> jobEvents() {
    refresh();
    return Map.copyOf(jobEvents);
  }

  /** The last records read, oldest first, as "VALUE_TYPE INTENT key". */
  synchronized List<String> recent() {
    List<String> lines = new java.util.ArrayList<>();
    for (long i = Math.max(0, read - RECENT); i < read; i++) {
      int slot = (int) (i % RECENT);
      lines.add(recentTypes[slot] + " " + recentIntents[slot] + " " + recentKeys[slot]);
    }
    return lines;
  }

  /** Records read so far. */
  synchronized long recordsRead() {
    return read;
  }

  /** Job types of the jobs that exist and that no worker has finished yet. */
  synchronized List<String> openJobTypes() {
    refresh();
    return List.copyOf(openJobs.values());
  }
}
