package org.revflow.faults;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revflow.testsupport.EmbeddedEngine;

/** Reads the engine's records (from a position on) for what a fault test counts and repairs. */
final class EngineIncidents {

  private final EmbeddedEngine engine;
  private final long from;

  /** Counts only records written after now. */
  EngineIncidents(EmbeddedEngine engine) {
    this.engine = engine;
    this.from = records().size();
  }

  private List<Record<?>> records() {
    List<Record<?>> all = new java.util.ArrayList<>();
    engine.records().forEach(all::add);
    return all;
  }

  private List<Record<?>> since() {
    List<Record<?>> all = records();
    return all.subList((int) Math.min(from, all.size()), all.size());
  }

  /** Open incidents raised since: incident key to job key. */
  Map<Long, Long> open() {
    Map<Long, Long> open = new LinkedHashMap<>();
    for (Record<?> r : since()) {
      if (r.getValueType() == ValueType.INCIDENT && r.getValue() instanceof IncidentRecordValue v) {
        if (r.getIntent() == IncidentIntent.CREATED) {
          open.put(r.getKey(), v.getJobKey());
        } else if (r.getIntent() == IncidentIntent.RESOLVED) {
          open.remove(r.getKey());
        }
      }
    }
    return open;
  }

  /** Incidents raised since. */
  int raised() {
    return (int)
        since().stream()
            .filter(
                r ->
                    r.getValueType() == ValueType.INCIDENT
                        && r.getIntent() == IncidentIntent.CREATED)
            .count();
  }

  /**
   * Gives each open incident's job one more try and resolves the incident, as an operator would in
   * Operate.
   */
  int resolveAll(CamundaClient camunda) {
    Map<Long, Long> open = open();
    open.forEach(
        (incident, job) -> {
          camunda.newUpdateRetriesCommand(job).retries(3).send().join();
          camunda.newResolveIncidentCommand(incident).send().join();
        });
    return open.size();
  }

  /** Jobs of a type failed since (each failure is one attempt that did not deliver). */
  int failures(String jobType) {
    return (int)
        since().stream()
            .filter(
                r ->
                    r.getValueType() == ValueType.JOB
                        && r.getIntent() == JobIntent.FAILED
                        && r.getValue()
                            instanceof io.camunda.zeebe.protocol.record.value.JobRecordValue j
                        && j.getType().equals(jobType))
            .count();
  }

  /**
   * Jobs of a type timed out since (held by a worker longer than its timeout, then handed out
   * again).
   */
  int timedOut(String jobType) {
    return (int)
        since().stream()
            .filter(
                r ->
                    r.getValueType() == ValueType.JOB
                        && r.getIntent() == JobIntent.TIMED_OUT
                        && r.getValue()
                            instanceof io.camunda.zeebe.protocol.record.value.JobRecordValue j
                        && j.getType().equals(jobType))
            .count();
  }

  /** Keys of the jobs of a type completed since. */
  java.util.Set<Long> completed(String jobType) {
    java.util.Set<Long> keys = new java.util.LinkedHashSet<>();
    for (Record<?> r : since()) {
      if (r.getValueType() == ValueType.JOB
          && r.getIntent() == JobIntent.COMPLETED
          && r.getValue() instanceof io.camunda.zeebe.protocol.record.value.JobRecordValue j
          && j.getType().equals(jobType)) {
        keys.add(r.getKey());
      }
    }
    return keys;
  }

  /** Jobs of a type activated more than once since (by any worker). */
  int activatedMoreThanOnce(String jobType) {
    Map<Long, Integer> activations = new HashMap<>();
    for (Record<?> r : since()) {
      if (r.getValueType() == ValueType.JOB_BATCH
          && r.getIntent() == JobBatchIntent.ACTIVATED
          && r.getValue() instanceof JobBatchRecordValue b
          && b.getType().equals(jobType)) {
        b.getJobKeys().forEach(k -> activations.merge(k, 1, Integer::sum));
      }
    }
    return (int) activations.values().stream().filter(n -> n > 1).count();
  }
}
