package org.revflow.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.process.ProcessConstants;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notices per second through the real NoticeWorker (addressees from the registry, six-language
 * rendering, notice log, SMTP to the embedded server), and the time from job activation to SMTP
 * acceptance. On demand only:
 * {@code REVFLOW_BENCH=1 ./mvnw -B -q test -Dtest='org.revflow.notification.bench.NoticeThroughputBenchmark'};
 * the figures go to {@code target/bench/notices.txt}.
 */
@RevFlowTest
@EnabledIfEnvironmentVariable(named = "REVFLOW_BENCH", matches = "1|true")
class NoticeThroughputBenchmark {

  /** Each job is one "step done" notice to three States: 70 jobs/s offer 210 emails/s, for 20 s. */
  private static final int JOBS_PER_SECOND = 70;
  private static final int JOBS = JOBS_PER_SECOND * 20;

  @Autowired CamundaClient camunda;
  @Autowired ZeebeTestEngine engine;
  @Autowired ReviewDriver driver;
  @Autowired NoticeRepository notices;
  @Autowired GreenMail greenMail;

  @Test
  void noticesPerSecondAndLatency() throws Exception {
    driver.permanentRepresentatives("AUS", "NZL", "FJI");
    String reviewId = driver.launch("AUS", 3, "NZL", "FJI");
    // One notice job per instance: an escalation to the permanent representative of AUS, copy secretariat.
    var model = Bpmn.createExecutableProcess("bench-notice").startEvent()
        .serviceTask("Task_Notice", t -> t.zeebeJobType(ProcessConstants.JOB_NOTICE).zeebeJobRetries("3"))
        .endEvent().done();
    camunda.newDeployResourceCommand().addProcessModel(model, "bench-notice.bpmn").send().join();
    int mailBefore = greenMail.getReceivedMessages().length;

    Instant start = Instant.now();
    for (int i = 0; i < JOBS; i++) {
      long due = start.toEpochMilli() + i * 1000L / JOBS_PER_SECOND;
      long wait = due - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("reviewId", reviewId);
      vars.put("noticeKind", "STEP_DONE");
      vars.put("step", "SAQ");
      vars.put("state", "AUS");
      vars.put("noticeKey", "BENCH-" + i);
      camunda.newCreateInstanceCommand().bpmnProcessId("bench-notice").latestVersion().variables(vars).send();
    }
    long expectedRows = JOBS * 3L; // STEP_DONE goes to the three participating States
    while (notices.findByReviewIdOrderById(reviewId).stream()
        .filter(n -> n.getNoticeKey().startsWith("BENCH-") && n.getStatus() == Notice.Status.SENT).count() < expectedRows) {
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(10));
      Thread.sleep(200);
    }
    Duration wall = Duration.between(start, Instant.now());

    Map<Long, Long> activatedAt = new HashMap<>();
    for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
      if (r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.CREATED
          && r.getValue() instanceof JobRecordValue j && "bench-notice".equals(j.getBpmnProcessId())) {
        activatedAt.put(r.getKey(), r.getTimestamp());
      }
    }
    List<Long> latencies = new ArrayList<>();
    for (Notice n : notices.findByReviewIdOrderById(reviewId)) {
      if (n.getNoticeKey().startsWith("BENCH-") && n.getSentAt() != null) {
        Long created = activatedAt.get(jobKeyOf(n));
        if (created != null) {
          latencies.add(n.getSentAt().toEpochMilli() - created);
        }
      }
    }
    latencies.sort(Long::compare);
    double perSecond = expectedRows / (wall.toMillis() / 1000.0);
    String report = String.format("""
        Notice throughput benchmark (%s)
          offered: %d jobs at %d jobs/s, emails (one per addressee): %d, mail messages accepted: %d
          wall time: %.1f s, %.0f notices/s (target >= 200)
          job created -> SMTP accepted: p50 %d ms, p99 %d ms, max %d ms (target p99 < 1000 ms)
        """, Instant.now(), JOBS, JOBS_PER_SECOND, expectedRows, greenMail.getReceivedMessages().length - mailBefore,
        wall.toMillis() / 1000.0, perSecond, pct(latencies, 50), pct(latencies, 99),
        latencies.isEmpty() ? 0 : latencies.getLast());
    Path out = Path.of("target/bench/notices.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static long jobKeyOf(Notice n) {
    return n.getJobKey();
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
