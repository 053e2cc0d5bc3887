package org.revflow.report.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.report.ReportExports;
import org.revflow.report.StatusReport;
import org.revflow.report.StatusReportService;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.SimulatedTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a timed test (issue #21): the status report over 600 reviews, three phases of 189
 * launched two years apart by group (2020, 2021, 2022) plus planned ones, with their steps, deadline
 * revisions, holds, participants, focal-point designations and permanent representatives seeded
 * directly in the database (not driven through the engine). Measures {@link StatusReportService#report}
 * for today and for a past date, and the XLSX export, after a warm-up. On demand, in its own JVM:
 * {@code REVFLOW_BENCH=1 ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=StatusReportBenchmark}; figures in {@code target/bench/status-report.txt}.
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
  private long elementKeys = 9_000_000_000L;

  @Test
  void theReportOver600ReviewsWithTwoYearsOfHistory() throws IOException {
    LocalDate today = time.today();
    List<String> states = jdbc.queryForList("SELECT code FROM registry_state ORDER BY code", String.class)
        .subList(0, PER_PHASE);
    long seedStart = System.nanoTime();
    seedPermanentRepresentatives(states);
    // Group g's first phase began in 2020 + g; each next phase 24 months later, spread over its year.
    LocalDate firstPhase = today.minusYears(6).withDayOfYear(1);
    int reviews = 0;
    for (int phase = 1; phase <= 3; phase++) {
      for (int i = 0; i < PER_PHASE; i++) {
        int group = i % 3 + 1;
        LocalDate launch = firstPhase.plusYears(group - 1).plusYears(2L * (phase - 1)).plusDays(random.nextInt(330));
        if (launch.isAfter(today)) {
          plan(states.get(i), phase, group, launch);
        } else {
          launch(states, i, phase, group, launch, today);
        }
        reviews++;
      }
    }
    for (int i = 0; i < PLANNED; i++) {
      plan(states.get(i), 4, i % 3 + 1, today.plusMonths(1 + i % 12));
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
    List<Long> xlsx = measure(() -> exports.xlsx(reports.report(today), ReportExports.ReportLanguage.EN));
    StatusReport r = reports.report(today);

    String out = String.format("""
        Status report benchmark (%s, %d cores, heap max %d MiB)
        seeded %d reviews (%d in the report), %d steps, in %d ms
        report for today (%s):      p50 %d ms, p95 %d ms, max %d ms over %d runs
        report for %s:         p50 %d ms, p95 %d ms, max %d ms
        report + XLSX export:        p50 %d ms, p95 %d ms, max %d ms
        counts by stage today: %s
        """, Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        reviews, r.reviews().size(), steps, seedMs, today, p(now, 50), p(now, 95), p(now, 100), RUNS, cutOff,
        p(past, 50), p(past, 95), p(past, 100), p(xlsx, 50), p(xlsx, 95), p(xlsx, 100), r.counts().byStage());
    System.out.print(out);
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("status-report.txt"), out);
  }

  private static long p(List<Long> sorted, int percentile) {
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
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

  // ---------------------------------------------------------------- seeding, straight into the tables

  private void seedPermanentRepresentatives(List<String> states) {
    for (String s : states) {
      long person = person("PR of " + s, "pr@" + s.toLowerCase() + ".bench.example");
      jdbc.update("INSERT INTO registry_permanent_rep (state_code, person_id, valid_from, created_at, created_by)"
          + " VALUES (?, ?, ?, ?, 'bench')", s, person, Timestamp.valueOf("2015-01-01 00:00:00"), now());
    }
  }

  private long person(String name, String email) {
    jdbc.update("INSERT INTO registry_person (name, email, language, created_at, created_by, updated_at, updated_by)"
        + " VALUES (?, ?, 'en', ?, 'bench', ?, 'bench')", name, email, now(), now());
    return jdbc.queryForObject("SELECT id FROM registry_person WHERE email = ?", Long.class, email);
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  private static String id(String state, int phase, LocalDate on) {
    return state + "-P" + phase + "-" + on.getYear();
  }

  private void plan(String state, int phase, int group, LocalDate on) {
    String id = id(state, phase, on);
    jdbc.update("INSERT INTO review (id, under_review, phase, launch_date, planned_on, review_group, rulebook_version,"
        + " status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'default@2027.1', 'PLANNED', ?, 'bench')",
        id, state, phase, Date.valueOf(on), Date.valueOf(on), group, now());
    participant(id, state, "UNDER_REVIEW", null, on);
  }

  private void participant(String review, String state, String role, String instrument, LocalDate on) {
    jdbc.update("INSERT INTO review_participant (review_id, state_code, role, instrument, joined_on) VALUES (?, ?, ?, ?, ?)",
        review, state, role, instrument, Date.valueOf(on));
  }

  private void launch(List<String> states, int i, int phase, int group, LocalDate t0, LocalDate today) {
    String state = states.get(i);
    String id = id(state, phase, t0);
    String r1 = states.get((i + 7 + phase) % states.size());
    String r2 = states.get((i + 61 + 3 * phase) % states.size());
    jdbc.update("INSERT INTO review (id, under_review, phase, launch_date, planned_on, review_group, rulebook_version,"
        + " status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'default@2027.1', 'ACTIVE', ?, 'bench')",
        id, state, phase, Date.valueOf(t0), Date.valueOf(t0), group, now());
    participant(id, state, "UNDER_REVIEW", null, t0);
    participant(id, r1, "REVIEWER", "UNTOC", t0);
    participant(id, r2, "REVIEWER", "UNTOC", t0);
    if (random.nextInt(4) == 0) {
      participant(id, r1, "REVIEWER", "TIP", t0);
    }
    List<String> all = List.of(state, r1, r2);
    for (String s : all) {
      LocalDate done = step(id, "FOCAL_POINT", s, t0, t0.plusDays(14), t0.plusDays(random.nextInt(60)), today);
      if (done != null) {
        long person = person("FP of " + s + " in " + id, "fp-" + id.toLowerCase() + "-" + s.toLowerCase() + "@bench.example");
        jdbc.update("INSERT INTO registry_designation (review_id, state_code, role, person_id, name_as_designated,"
            + " note_verbale_ref, received_on, valid_from, created_at, created_by) VALUES (?, ?, 'FOCAL_POINT', ?, ?,"
            + " 'NV/bench', ?, ?, ?, 'bench')", id, s, person, "FP of " + s, Date.valueOf(done),
            Timestamp.valueOf(done.atTime(8, 0)), now());
      }
      step(id, "EXPERTS", s, t0, t0.plusDays(28), t0.plusDays(5 + random.nextInt(60)), today);
    }
    step(id, "PRELIMINARY_CONSULTATION", null, t0, t0.plusMonths(1), t0.plusDays(10 + random.nextInt(40)), today);
    LocalDate saq = step(id, "SAQ", state, t0, t0.plusMonths(6), t0.plusDays(120 + random.nextInt(200)), today);
    if (saq == null) {
      return;
    }
    step(id, "TRANSLATION", null, saq, saq.plusMonths(1), saq.plusDays(10 + random.nextInt(40)), today);
    LocalDate feedback = latest(step(id, "FEEDBACK", r1, saq, saq.plusMonths(6), saq.plusDays(100 + random.nextInt(150)), today),
        step(id, "FEEDBACK", r2, saq, saq.plusMonths(6), saq.plusDays(100 + random.nextInt(150)), today));
    if (feedback == null) {
      return;
    }
    if (random.nextInt(25) == 0) {
      hold(id, feedback.plusDays(3), feedback.plusDays(30), today);
    }
    LocalDate dialogue = step(id, "DIALOGUE", null, feedback, feedback.plusMonths(2), feedback.plusDays(40 + random.nextInt(60)), today);
    if (dialogue == null) {
      return;
    }
    LocalDate lists = latest(step(id, "OBSERVATIONS", r1, dialogue, dialogue.plusMonths(3), dialogue.plusDays(40 + random.nextInt(90)), today),
        step(id, "OBSERVATIONS", r2, dialogue, dialogue.plusMonths(3), dialogue.plusDays(40 + random.nextInt(90)), today));
    if (lists == null) {
      return;
    }
    LocalDate agreed = step(id, "OBSERVATIONS_AGREEMENT", state, lists, lists.plusMonths(2), lists.plusDays(20 + random.nextInt(60)), today);
    if (agreed == null) {
      return;
    }
    LocalDate parts = latest(step(id, "SUMMARY", r1, agreed, agreed.plusMonths(1), agreed.plusDays(10 + random.nextInt(40)), today),
        step(id, "SUMMARY", r2, agreed, agreed.plusMonths(1), agreed.plusDays(10 + random.nextInt(40)), today));
    if (parts == null) {
      return;
    }
    LocalDate summary = step(id, "SUMMARY_AGREEMENT", state, parts, parts.plusMonths(1), parts.plusDays(10 + random.nextInt(40)), today);
    if (summary == null) {
      return;
    }
    LocalDate finalised = step(id, "FINALISATION", null, summary, summary.plusMonths(3), summary.plusDays(30 + random.nextInt(80)), today);
    if (finalised != null) {
      jdbc.update("UPDATE review SET status = 'COMPLETED' WHERE id = ?", id);
    }
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null || b == null ? null : a.isAfter(b) ? a : b;
  }

  /** One step; done on {@code doneOn} when that has come, else open. Some get a later deadline. */
  private LocalDate step(String review, String step, String state, LocalDate started, LocalDate due, LocalDate doneOn,
      LocalDate today) {
    if (started.isAfter(today)) {
      return null;
    }
    boolean done = !doneOn.isAfter(today);
    boolean revised = random.nextInt(10) == 0;
    LocalDate finalDue = revised ? due.plusDays(30) : due;
    jdbc.update("INSERT INTO review_step (review_id, step, state_code, occurrence, status, started_on, due_on,"
        + " original_due_on, deadline_revision, done_on, opened_by_element, process_instance_key) VALUES"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", review, step, state, step.equals("DIALOGUE") ? "DIALOGUE_WINDOW" : "STEP",
        done ? "DONE" : "OPEN", Date.valueOf(started), Date.valueOf(finalDue), Date.valueOf(due), revised ? 1 : 0,
        done ? Date.valueOf(doneOn) : null, elementKeys++);
    if (revised) {
      long stepId = jdbc.queryForObject("SELECT MAX(id) FROM review_step", Long.class);
      LocalDate changed = started.plusDays(10).isAfter(today) ? started : started.plusDays(10);
      jdbc.update("INSERT INTO review_step_revision (step_id, changed_on, due_on) VALUES (?, ?, ?)", stepId,
          Date.valueOf(changed), Date.valueOf(finalDue));
    }
    return done ? doneOn : null;
  }

  private void hold(String review, LocalDate from, LocalDate to, LocalDate today) {
    event(review, "REVIEW_ON_HOLD", from, today);
    event(review, "REVIEW_RESUMED", to, today);
  }

  private void event(String review, String type, LocalDate on, LocalDate today) {
    if (!on.isAfter(today)) {
      jdbc.update("INSERT INTO review_event (review_id, type, occurred_on, recorded_at, recorded_by) VALUES"
          + " (?, ?, ?, ?, 'bench')", review, type, Date.valueOf(on), now());
    }
  }
}
