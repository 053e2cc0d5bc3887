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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the engine's record stream incrementally: the pending timers and a count of records. */
final class EngineRecords {

  private final RecordStreamSource source;
  private final Map<Long, Long> pendingTimers = new HashMap<>();
  private final Map<Long, Long> pendingBackoffs = new HashMap<>();
  private int seen;

  EngineRecords(ZeebeTestEngine engine) {
    // One source for the whole run: it reads the log incrementally, a new one would re-read it all.
    this.source = engine.getRecordStreamSource();
  }

  synchronized long refresh() {
    Iterable<Record<?>> all = source.getRecords();
    Iterable<Record<?>> fresh = all instanceof List<Record<?>> list ? list.subList(Math.min(seen, list.size()), list.size()) : all;
    int index = all instanceof List<?> ? seen : 0;
    Iterator<Record<?>> it = fresh.iterator();
    while (it.hasNext()) {
      Record<?> r = it.next();
      if (index++ < seen) {
        continue;
      }
      if (r.getValueType() == ValueType.JOB && r.getValue() instanceof JobRecordValue j) {
        // A failed job waiting out its back-off is due again at its recurring time: walk there too.
        if (r.getIntent() == JobIntent.FAILED && j.getRetries() > 0 && j.getRetryBackoff() > 0) {
          pendingBackoffs.put(r.getKey(), Math.max(j.getRecurringTime(), r.getTimestamp() + j.getRetryBackoff()) + 1_000);
        } else if (r.getIntent() == JobIntent.RECURRED_AFTER_BACKOFF || r.getIntent() == JobIntent.CANCELED
            || r.getIntent() == JobIntent.COMPLETED) {
          pendingBackoffs.remove(r.getKey());
        }
      }
      if (r.getValueType() == ValueType.TIMER && r.getValue() instanceof TimerRecordValue t) {
        if (r.getIntent() == TimerIntent.CREATED) {
          pendingTimers.put(r.getKey(), t.getDueDate());
        } else if (r.getIntent() == TimerIntent.TRIGGERED || r.getIntent() == TimerIntent.CANCELED) {
          pendingTimers.remove(r.getKey());
        }
      }
    }
    seen = index;
    return seen;
  }

  synchronized Optional<Instant> earliestTimer() {
    refresh();
    return java.util.stream.Stream.concat(pendingTimers.values().stream(), pendingBackoffs.values().stream())
        .min(Long::compare).map(Instant::ofEpochMilli);
  }
}
