package org.revflow.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU of one run: this JVM's, split by thread group (the engine's actors, the job workers, the
 * clients recording events, the garbage collector...), and the database server's. On 2 shared
 * cores, whether a run is bound by CPU or by chains of round trips decides what can make it faster:
 * CPU seconds near twice the wall time mean the cores were full.
 */
public final class CpuMeter {

  private Map<String, Long> taskCpu0 = Map.of();
  private long jvm0;
  private long db0;
  private long gc0;

  void start() {
    taskCpu0 = taskCpu();
    jvm0 = jvmCpuMillis();
    db0 = dbCpuMillis();
    gc0 = gcMillis();
  }

  /**
   * Seconds of CPU since {@link #start}: "jvm", "database", the collectors' pauses (wall time),
   * then the JVM's thread groups, largest first. Threads are read from /proc, so the collector's
   * and the compilers' native threads count too; a thread that ended in between is not counted
   * there.
   */
  Map<String, Double> stop() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("jvm", (jvmCpuMillis() - jvm0) / 1000.0);
    out.put("database", (dbCpuMillis() - db0) / 1000.0);
    out.put("gc pauses (wall)", (gcMillis() - gc0) / 1000.0);
    Map<String, Long> byGroup = new HashMap<>();
    Map<String, Long> before = taskCpu0;
    taskCpu()
        .forEach(
            (task, ms) ->
                byGroup.merge(
                    group(task.substring(task.indexOf(' ') + 1)),
                    ms - before.getOrDefault(task, 0L),
                    Long::sum));
    byGroup.entrySet().stream()
        .filter(e -> e.getValue() >= 100)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(14)
        .forEach(e -> out.put("[" + e.getKey() + "]", e.getValue() / 1000.0));
    return out;
  }

  static String format(Map<String, Double> cpu) {
    return cpu.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** A thread's group: its name without numbers ("zb-actors-1" and "zb-actors-2" are one group). */
  private static String group(String name) {
    return name.replaceAll("[0-9]+", "#");
  }

  /** CPU ms of each of this process's threads, keyed by "tid name" (Linux; empty elsewhere). */
  private static Map<String, Long> taskCpu() {
    Map<String, Long> cpu = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(
          t -> {
            try {
              String stat = Files.readString(t.resolve("stat"));
              String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
              cpu.put(t.getFileName() + " " + name, ticks(stat));
            } catch (Exception ended) {
              // the thread ended while the list was read
            }
          });
    } catch (Exception e) {
      return Map.of();
    }
    return cpu;
  }

  /** utime + stime of a /proc stat line (fields 14 and 15, in ticks of 10 ms), in ms. */
  private static long ticks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(g -> Math.max(0, g.getCollectionTime()))
        .sum();
  }

  /** This JVM's CPU so far, in ms. */
  public static long jvmCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
  }

  /**
   * The CPU so far of the database servers this JVM started, in ms (utime + stime from /proc, Linux
   * only; 0 elsewhere). Only this JVM's: on a machine shared with other builds, their servers come
   * and go during a run, and counting them read as negative database time.
   */
  public static long dbCpuMillis() {
    return ProcessHandle.current()
        .descendants()
        .filter(
            p ->
                p.info()
                    .command()
                    .map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld"))
                    .orElse(false))
        .mapToLong(CpuMeter::procCpuMillis)
        .sum();
  }

  private static long procCpuMillis(ProcessHandle p) {
    try {
      return ticks(Files.readString(Path.of("/proc/" + p.pid() + "/stat")));
    } catch (Exception e) {
      return 0;
    }
  }
}
