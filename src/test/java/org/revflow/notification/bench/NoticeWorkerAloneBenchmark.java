package org.revflow.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.bench.CpuMeter;
import org.revflow.notification.NoticeWorker;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RevFlow's notice worker without the engine: the same {@link NoticeWorker} handler, with the same
 * addressees from the registry, rendering, notice log and SMTP to the embedded server, called with
 * jobs made here at a steady rate by {@code camunda.client.execution-threads} (8) threads, as the
 * client would call it. In production the engine runs elsewhere; in {@link
 * NoticeThroughputBenchmark} the in-memory test engine shares this JVM and its two cores. The
 * figure here is what the worker itself sustains, and the time from a job's hand-over to the SMTP
 * server's acceptance. On demand: {@code REVFLOW_BENCH=1 ./mvnw -B test
 * -Dtest='org.revflow.notification.bench.NoticeWorkerAloneBenchmark'}; the figures go to {@code
 * target/bench/notice-worker-alone.txt}.
 */
@RevFlowTest
@EnabledIfEnvironmentVariable(named = "REVFLOW_BENCH", matches = "1|true")
class NoticeWorkerAloneBenchmark {

  /**
   * One "step done" notice to the three States of a review per job: 70 jobs/s offer 210 emails/s
   * ({@code REVFLOW_BENCH_JOBS_PER_SECOND} offers more, to find where the worker stops keeping up).
   */
  private static final int JOBS_PER_SECOND =
      Integer.parseInt(System.getenv().getOrDefault("REVFLOW_BENCH_JOBS_PER_SECOND", "70"));

  private static final int SECONDS = 20;
  private static final int ADDRESSEES = 3;
  private static final int HANDLER_THREADS = 8;

  /**
   * {@code sink} (default): a minimal SMTP server that accepts each message at once; {@code
   * greenmail}: the tests' GreenMail, which parses and stores every message per recipient and tops
   * out near the worker's own rate, so that the figure would be GreenMail's.
   */
  private static final String SMTP = System.getenv().getOrDefault("REVFLOW_BENCH_SMTP", "sink");

  @Autowired NoticeWorker worker;
  @Autowired org.springframework.mail.javamail.JavaMailSenderImpl mailSender;
  @Autowired ReviewDriver driver;
  @Autowired JdbcTemplate jdbc;

  private final AtomicLong jobKeys = new AtomicLong(7_000_000_000L);

  @Test
  void emailsPerSecondWithoutTheEngine() throws Exception {
    driver.permanentRepresentatives("TON", "WSM", "VUT");
    String reviewId = driver.launch("TON", 3, "WSM", "VUT");
    driver.cancelAllReviews();
    String load0 = NoticeThroughputBenchmark.loadAverage();
    int greenMailPort = mailSender.getPort();
    org.revflow.testsupport.RecordingSmtpServer sink =
        SMTP.equals("sink") ? new org.revflow.testsupport.RecordingSmtpServer() : null;
    Result r;
    try {
      if (sink != null) {
        mailSender.setPort(sink.port());
      }
      run(reviewId, "WARM-", JOBS_PER_SECOND * 5);
      Map<String, Long> before = serverCounters();
      long[] cpu0 = cpuMillis();
      r = run(reviewId, "ALONE-", JOBS_PER_SECOND * SECONDS);
      long[] cpu1 = cpuMillis();
      cpuPerJob =
          new double[] {
            (cpu1[0] - cpu0[0]) / (double) r.jobs, (cpu1[1] - cpu0[1]) / (double) r.jobs
          };
      Map<String, Long> after = serverCounters();
      after.replaceAll((k, v) -> v - before.getOrDefault(k, 0L));
      statements = after;
    } finally {
      mailSender.setPort(greenMailPort);
      if (sink != null) {
        sink.close();
      }
    }
    long sent =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM notice WHERE review_id = ? AND notice_key LIKE 'ALONE-%'"
                + " AND status = 'SENT'",
            Long.class, reviewId);
    String report =
        String.format(
            """
        Notice worker without the engine (%s)
          machine: %d cores; load average before %s, after %s
          offered: %d jobs at %d jobs/s (%d emails/s), %d handler threads, after a warm-up of %d jobs; SMTP server: %s
          sent: %d of %d emails in %.1f s from the first hand-over to the last acceptance: %.0f emails/s (target >= 200)
          job handed over (queue for a handler included) -> all its emails accepted: p50 %d ms, p99 %d ms, max %d ms (target p99 < 1000 ms)
          CPU per job: %.2f ms in this JVM (worker, SMTP sink, the benchmark itself), %.2f ms in the database server
          database work per job (server counters over the run / jobs): %s
        """,
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            load0,
            NoticeThroughputBenchmark.loadAverage(),
            r.jobs,
            JOBS_PER_SECOND,
            JOBS_PER_SECOND * ADDRESSEES,
            HANDLER_THREADS,
            JOBS_PER_SECOND * 5,
            sink != null ? "a local sink accepting at once" : "GreenMail",
            sent,
            r.jobs * (long) ADDRESSEES,
            r.seconds,
            sent / r.seconds,
            NoticeThroughputBenchmark.pct(r.latencies, 50),
            NoticeThroughputBenchmark.pct(r.latencies, 99),
            r.latencies.getLast(),
            cpuPerJob[0],
            cpuPerJob[1],
            perJob(statements, r.jobs));
    Path out = Path.of("target/bench/notice-worker-alone.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
    assertThat(sent).isEqualTo(r.jobs * (long) ADDRESSEES);
  }

  private Map<String, Long> statements = Map.of();
  private double[] cpuPerJob = {0, 0};

  /**
   * CPU time used so far by this JVM and by the database server, in ms: unlike emails per second on
   * a shared machine, the CPU a job costs hardly varies from run to run.
   */
  static long[] cpuMillis() {
    return new long[] {CpuMeter.jvmCpuMillis(), CpuMeter.dbCpuMillis()};
  }

  /**
   * The server's statement counters: what one notice job costs the database, whatever the driver or
   * Hibernate make of the code (a statement saved here is a round trip saved on every notice).
   */
  private Map<String, Long> serverCounters() {
    Map<String, Long> counters = new java.util.TreeMap<>();
    jdbc.query(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', 'Com_update',"
            + " 'Com_commit', 'Com_rollback', 'Com_set_option', 'Com_stmt_prepare', 'Com_stmt_execute')",
        rs -> {
          counters.put(rs.getString(1), rs.getLong(2));
        });
    return counters;
  }

  private static String perJob(Map<String, Long> counters, int jobs) {
    return counters.entrySet().stream()
        .map(
            e ->
                String.format(
                    java.util.Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / (double) jobs))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private record Result(int jobs, double seconds, List<Long> latencies) {}

  /** Hands {@code jobs} jobs to the worker at the steady rate; returns when all are handled. */
  private Result run(String reviewId, String prefix, int jobs) throws Exception {
    ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS);
    ScheduledExecutorService offer = Executors.newSingleThreadScheduledExecutor();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> done = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    try {
      for (int i = 0; i < jobs; i++) {
        int n = i;
        long at = i * 1_000_000_000L / JOBS_PER_SECOND;
        offer.schedule(
            () -> {
              // Measured from the hand-over, as a streamed job is pushed: time waiting for a free
              // handler counts.
              long handedOver = System.nanoTime();
              done.add(
                  handlers.submit(
                      () -> {
                        worker.handle(
                            JOB_CLIENT,
                            job(),
                            new NoticeWorker.Input(
                                reviewId,
                                null,
                                prefix + n,
                                NoticeKind.STEP_DONE,
                                Step.SAQ,
                                "TON",
                                null));
                        latencies.add((System.nanoTime() - handedOver) / 1_000_000);
                      }));
            },
            at,
            TimeUnit.NANOSECONDS);
      }
      offer.shutdown();
      offer.awaitTermination(10, TimeUnit.MINUTES);
      for (Future<?> f : List.copyOf(done)) {
        f.get(10, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Long> sorted = new ArrayList<>(latencies);
      sorted.sort(Long::compare);
      return new Result(jobs, seconds, sorted);
    } finally {
      handlers.shutdownNow();
    }
  }

  private ActivatedJob job() {
    long key = jobKeys.incrementAndGet();
    return (ActivatedJob)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getKey" -> key;
                  case "getRetries" -> NoticeWorker.RETRIES;
                  case "getType" -> "notice";
                  case "toString" -> "job " + key;
                  default -> defaultValue(method.getReturnType());
                });
  }

  /**
   * A client whose commands all succeed at once: every fluent step returns the next, and join
   * returns.
   */
  private static final JobClient JOB_CLIENT = fluent(JobClient.class);

  @SuppressWarnings("unchecked")
  private static <T> T fluent(Class<T> type) {
    return (T)
        Proxy.newProxyInstance(
            NoticeWorkerAloneBenchmark.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Class<?> r = method.getReturnType();
              if (method.getName().equals("join") || method.getName().equals("get")) {
                return null;
              }
              if (method.getName().equals("toString")) {
                return "fluent " + type.getSimpleName();
              }
              return r.isInterface() ? fluent(r) : defaultValue(r);
            });
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
