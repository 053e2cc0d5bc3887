package org.revflow.testsupport;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the engine's record stream incrementally and keeps what moving time needs: the pending
 * timers, the jobs waiting out a retry back-off, and the jobs that workers still have to finish.
 */
final class EngineRecords {

  private final RecordStreamSource source;
  private final Map<Long, Long> pendingTimers = new HashMap<>();
  private final Map<Long, Long> pendingBackoffs = new HashMap<>();
  private final Map<Long, String> openJobs = new HashMap<>();
  private int seen;

  EngineRecords(ZeebeTestEngine engine) {
    // One source for the whole run: it reads the log incrementally, a new one would re-read it all.
    this.source = engine.getRecordStreamSource();
  }

  /** Reads the records written since the last call; returns how many records there are in all. */
  synchronized long refresh() {
    Iterable<Record<?>> all = source.getRecords();
    List<Record<?>> records = all instanceof List<Record<?>> list ? list : copy(all);
    for (Record<?> r : records.subList(Math.min(seen, records.size()), records.size())) {
      if (r.getValueType() == ValueType.JOB && r.getValue() instanceof JobRecordValue j) {
        job(r, j);
      } else if (r.getValueType() == ValueType.TIMER && r.getValue() instanceof TimerRecordValue t) {
        if (r.getIntent() == TimerIntent.CREATED) {
          pendingTimers.put(r.getKey(), t.getDueDate());
        } else if (r.getIntent() == TimerIntent.TRIGGERED || r.getIntent() == TimerIntent.CANCELED) {
          pendingTimers.remove(r.getKey());
        }
      }
    }
    seen = records.size();
    return seen;
  }

  private void job(Record<?> r, JobRecordValue j) {
    if (!(r.getIntent() instanceof JobIntent intent)) {
      return;
    }
    switch (intent) {
      case CREATED, RECURRED_AFTER_BACKOFF, TIMED_OUT, YIELDED -> {
        pendingBackoffs.remove(r.getKey());
        openJobs.put(r.getKey(), j.getType());
      }
      case RETRIES_UPDATED -> {
        if (j.getRetries() > 0) {
          openJobs.put(r.getKey(), j.getType());
        }
      }
      case FAILED -> {
        if (j.getRetries() <= 0) {
          openJobs.remove(r.getKey()); // an incident: nothing runs until someone resolves it
        } else if (j.getRetryBackoff() > 0) {
          openJobs.remove(r.getKey());
          // Due again at its recurring time: time must stop there too, so that no retry is skipped.
          pendingBackoffs.put(r.getKey(), Math.max(j.getRecurringTime(), r.getTimestamp() + j.getRetryBackoff()) + 1_000);
        }
      }
      case COMPLETED, CANCELED, ERROR_THROWN -> {
        openJobs.remove(r.getKey());
        pendingBackoffs.remove(r.getKey());
      }
      default -> {
        // other intents do not change whether a job is waiting for a worker
      }
    }
  }

  synchronized Optional<Instant> earliestTimer() {
    refresh();
    return Stream.concat(pendingTimers.values().stream(), pendingBackoffs.values().stream())
        .min(Long::compare).map(Instant::ofEpochMilli);
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

  /** Job types of the jobs that exist and that no worker has finished yet. */
  synchronized List<String> openJobTypes() {
    refresh();
    return List.copyOf(openJobs.values());
  }

  private static List<Record<?>> copy(Iterable<Record<?>> all) {
    List<Record<?>> list = new ArrayList<>();
    all.forEach(list::add);
    return list;
  }
}
