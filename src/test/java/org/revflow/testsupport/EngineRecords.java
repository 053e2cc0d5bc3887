package org.revflow.testsupport;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Reads the engine's record stream incrementally: the pending timers and a count of records. */
final class EngineRecords {

  private final ZeebeTestEngine engine;
  private final Map<Long, Long> pendingTimers = new HashMap<>();
  private long seen;

  EngineRecords(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  synchronized long refresh() {
    Iterator<Record<?>> it = engine.getRecordStreamSource().getRecords().iterator();
    long index = 0;
    while (it.hasNext()) {
      Record<?> r = it.next();
      if (index++ < seen) {
        continue;
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
    return pendingTimers.values().stream().min(Long::compare).map(Instant::ofEpochMilli);
  }
}
