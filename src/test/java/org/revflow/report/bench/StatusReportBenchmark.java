package org.revflow.report.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.bench.SeededHistory;
import org.revflow.report.ReportExports;
import org.revflow.report.StatusReport;
import org.revflow.report.StatusReportService;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.SimulatedTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a timed test (issue #21): the status report over 600 reviews, three phases of 189
 * launched two years apart by group (2020, 2021, 2022) plus planned ones, with their steps,
 * deadline revisions, holds, participants, focal-point designations and permanent representatives
 * seeded directly in the database (not driven through the engine). Measures {@link
 * StatusReportService#report} for today and for a past date, and the XLSX export, after a warm-up.
 * On demand, in its own JVM: {@code REVFLOW_BENCH=1 ./mvnw -B verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StatusReportBenchmark}; figures in {@code
 * target/bench/status-report.txt}.
 */
@RevFlowTest
@EnabledIfEnvironmentVariable(named = "REVFLOW_BENCH", matches = "1|true")
class StatusReportBenchmark {

  static final int PER_PHASE = 189;
  static final int PLANNED = 33;
  static final int RUNS = 50;

  @Autowired JdbcTemplate jdbc;
  @Autowired StatusReportService reports;
  @Autowired SimulatedTime time;

  private final Random random = new Random(2027);

  @Test
  void theReportOver600ReviewsWithTwoYearsOfHistory() throws IOException {
    LocalDate today = time.today();
    List<String> states =
        jdbc.queryForList("SELECT code FROM registry_state ORDER BY code", String.class)
            .subList(0, PER_PHASE);
    long seedStart = System.nanoTime();
    SeededHistory history = new SeededHistory(jdbc, random, null);
    history.permanentRepresentatives(states);
    // Group g's first phase began in 2020 + g; each next phase 24 months later, spread over its
    // year.
    LocalDate firstPhase = today.minusYears(6).withDayOfYear(1);
    int reviews = 0;
    for (int phase = 1; phase <= 3; phase++) {
      for (int i = 0; i < PER_PHASE; i++) {
        int group = i % 3 + 1;
        LocalDate launch =
            firstPhase
                .plusYears(group - 1)
                .plusYears(2L * (phase - 1))
                .plusDays(random.nextInt(330));
        if (launch.isAfter(today)) {
          history.plan(states.get(i), phase, group, launch, null, List.of());
        } else {
          history.launch(states, i, phase, group, launch, today);
        }
        reviews++;
      }
    }
    for (int i = 0; i < PLANNED; i++) {
      history.plan(states.get(i), 4, i % 3 + 1, today.plusMonths(1 + i % 12), null, List.of());
      reviews++;
    }
    long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
    long steps = jdbc.queryForObject("SELECT COUNT(*) FROM review_step", Long.class);

    for (int i = 0; i < 5; i++) {
      reports.report(today); // warm-up: class loading, JIT, the database's caches
    }
    List<Long> now = measure(() -> reports.report(today));
    LocalDate cutOff = today.minusMonths(14);
    List<Long> past = measure(() -> reports.report(cutOff));
    ReportExports exports = new ReportExports();
    List<Long> xlsx =
        measure(() -> exports.xlsx(reports.report(today), ReportExports.ReportLanguage.EN));
    StatusReport r = reports.report(today);

    String out =
        String.format(
            """
        Status report benchmark (%s, %d cores, heap max %d MiB)
        seeded %d reviews (%d in the report), %d steps, in %d ms
        report for today (%s):      p50 %d ms, p95 %d ms, max %d ms over %d runs
        report for %s:         p50 %d ms, p95 %d ms, max %d ms
        report + XLSX export:        p50 %d ms, p95 %d ms, max %d ms
        counts by stage today: %s
        """,
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20,
            reviews,
            r.reviews().size(),
            steps,
            seedMs,
            today,
            p(now, 50),
            p(now, 95),
            p(now, 100),
            RUNS,
            cutOff,
            p(past, 50),
            p(past, 95),
            p(past, 100),
            p(xlsx, 50),
            p(xlsx, 95),
            p(xlsx, 100),
            r.counts().byStage());
    System.out.print(out);
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("status-report.txt"), out);
  }

  private static long p(List<Long> sorted, int percentile) {
    int index =
        Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, index));
  }

  private static List<Long> measure(Runnable run) {
    List<Long> ms = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      run.run();
      ms.add((System.nanoTime() - start) / 1_000_000);
    }
    Collections.sort(ms);
    return ms;
  }
}
