package org.revflow.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.notification.render.NoticeContent;
import org.revflow.notification.render.NoticeRenderer;
import org.revflow.notification.render.Recipient;
import org.revflow.notification.render.RecipientRole;
import org.revflow.notification.render.RenderedNotice;
import org.revflow.process.ProcessConstants;
import org.revflow.registry.Language;
import org.revflow.testsupport.EmbeddedEngine;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Notices per second through the real NoticeWorker (addressees from the registry, six-language
 * rendering, notice log, SMTP to the embedded server), and the time from job creation and from job
 * activation to SMTP acceptance. On demand only: {@code REVFLOW_BENCH=1 ./mvnw -B -q test
 * -Dtest='org.revflow.notification.bench.NoticeThroughputBenchmark'}; the figures go to {@code
 * target/bench/notice-throughput.txt} and {@code target/bench/smtp-alone.txt}.
 *
 * <p>The engine runs in this JVM, on the same two cores (state in RocksDB, see {@code
 * RocksDbEngineFactory}): the review launched here to have addressees is cancelled in the engine
 * (its rows stay in the database, which is all the notices read), and a warm-up round runs before
 * the measured one. {@link NoticeWorkerAloneBenchmark} measures the worker without the engine.
 */
@RevFlowTest
@EnabledIfEnvironmentVariable(named = "REVFLOW_BENCH", matches = "1|true")
class NoticeThroughputBenchmark {

  /** Each job is one "step done" notice to three States: 70 jobs/s offer 210 emails/s, for 20 s. */
  private static final int JOBS_PER_SECOND = 70;

  private static final int JOBS = JOBS_PER_SECOND * 20;
  private static final int WARM_UP_JOBS = JOBS_PER_SECOND * 5;
  private static final int ADDRESSEES = 3; // STEP_DONE goes to the three participating States

  @Autowired CamundaClient camunda;
  @Autowired EmbeddedEngine engine;
  @Autowired ReviewDriver driver;
  @Autowired NoticeRepository notices;
  @Autowired GreenMail greenMail;
  @Autowired JdbcTemplate jdbc;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired NoticeRenderer renderer;
  @Autowired Environment env;

  @Test
  void noticesPerSecondAndLatency() throws Exception {
    String loadBefore = loadAverage();
    driver.permanentRepresentatives("AUS", "NZL", "FJI");
    String reviewId = driver.launch("AUS", 3, "NZL", "FJI");
    driver.cancelAllReviews();
    // One notice job per instance: "step done" to the acting focal point (here the permanent
    // representative) of each of the three States, copy secretariat.
    var model =
        Bpmn.createExecutableProcess("bench-notice")
            .startEvent()
            .serviceTask(
                "Task_Notice",
                t -> t.zeebeJobType(ProcessConstants.JOB_NOTICE).zeebeJobRetries("3"))
            .endEvent()
            .done();
    camunda.newDeployResourceCommand().addProcessModel(model, "bench-notice.bpmn").send().join();

    offer(reviewId, "WARM-", WARM_UP_JOBS);
    awaitSent(reviewId, "WARM-", WARM_UP_JOBS * (long) ADDRESSEES, Instant.now());
    Thread.sleep(2000); // let the warm-up's completions drain
    int mailBefore = greenMail.getReceivedMessages().length;

    Instant start = Instant.now();
    List<CamundaFuture<ProcessInstanceEvent>> creations = offer(reviewId, "BENCH-", JOBS);
    Duration offering = Duration.between(start, Instant.now());
    long expectedRows = JOBS * (long) ADDRESSEES;
    long sentRows = awaitSent(reviewId, "BENCH-", expectedRows, start);
    long refused =
        creations.stream().filter(f -> f.toCompletableFuture().isCompletedExceptionally()).count();
    String loadAfter = loadAverage();

    Map<Long, Long> createdAt = new HashMap<>();
    Map<Long, Long> activatedAt = new HashMap<>();
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.JOB
          && r.getIntent() == JobIntent.CREATED
          && r.getValue() instanceof JobRecordValue j
          && "bench-notice".equals(j.getBpmnProcessId())) {
        createdAt.put(r.getKey(), r.getTimestamp());
      } else if (r.getValueType() == ValueType.JOB_BATCH
          && r.getIntent() == JobBatchIntent.ACTIVATED
          && r.getValue() instanceof JobBatchRecordValue b) {
        b.getJobKeys().forEach(k -> activatedAt.putIfAbsent(k, r.getTimestamp()));
      }
    }
    List<Long> fromCreated = new ArrayList<>();
    List<Long> fromActivated = new ArrayList<>();
    for (Notice n : notices.findByReviewIdOrderById(reviewId)) {
      if (n.getNoticeKey().startsWith("BENCH-") && n.getSentAt() != null) {
        long sent = n.getSentAt().toEpochMilli();
        Long created = createdAt.get(n.getJobKey());
        if (created != null) {
          fromCreated.add(sent - created);
        }
        Long activated = activatedAt.get(n.getJobKey());
        if (activated != null) {
          fromActivated.add(sent - activated);
        }
      }
    }
    // Engine record times and sentAt both follow the shared (shiftable) clock, so the wall time is
    // taken between them: first job created to last email accepted.
    List<Notice> measured =
        notices.findByReviewIdOrderById(reviewId).stream()
            .filter(n -> n.getNoticeKey().startsWith("BENCH-") && n.getSentAt() != null)
            .toList();
    long firstCreated =
        measured.stream()
            .map(n -> createdAt.get(n.getJobKey()))
            .filter(java.util.Objects::nonNull)
            .min(Long::compare)
            .orElse(0L);
    long lastSent =
        measured.stream().mapToLong(n -> n.getSentAt().toEpochMilli()).max().orElse(firstCreated);
    Duration wall = Duration.ofMillis(Math.max(1, lastSent - firstCreated));
    fromCreated.sort(Long::compare);
    fromActivated.sort(Long::compare);
    double perSecond = sentRows / (wall.toMillis() / 1000.0);
    String report =
        String.format(
            """
        Notice throughput benchmark (%s)
          machine: %d cores; load average before %s, after %s
          worker: %s handler threads (camunda.client.execution-threads), max-jobs-active %s, database pool %s
          warm-up: %d jobs; then offered: %d jobs at %d jobs/s (offering took %.1f s), emails (one per addressee): %d,         mail messages accepted: %d (one per To and Cc)
          sent: %d of %d emails%s
          first job created -> last email accepted: %.1f s, %.0f notices/s (target >= 200)
          job created -> SMTP accepted: p50 %d ms, p99 %d ms, max %d ms (target p99 < 1000 ms), %d emails
          job activated -> SMTP accepted: p50 %d ms, p99 %d ms, max %d ms, %d emails
        """,
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            loadAfter,
            env.getProperty("camunda.client.execution-threads"),
            env.getProperty("camunda.client.worker.defaults.max-jobs-active"),
            env.getProperty("spring.datasource.hikari.maximum-pool-size"),
            WARM_UP_JOBS,
            JOBS,
            JOBS_PER_SECOND,
            offering.toMillis() / 1000.0,
            expectedRows,
            greenMail.getReceivedMessages().length - mailBefore,
            sentRows,
            expectedRows,
            refused == 0
                ? ""
                : " ("
                    + refused
                    + " instance creations refused or timed out: the engine was overloaded)",
            wall.toMillis() / 1000.0,
            perSecond,
            pct(fromCreated, 50),
            pct(fromCreated, 99),
            max(fromCreated),
            fromCreated.size(),
            pct(fromActivated, 50),
            pct(fromActivated, 99),
            max(fromActivated),
            fromActivated.size());
    write("notice-throughput.txt", report);
  }

  /**
   * The embedded SMTP server alone, without RevFlow around it: one rendered notice sent again and
   * again from eight threads, with a new connection per message and over kept connections. It tells
   * how much of a notice's time is the test's mail server, and what connection reuse saves.
   */
  @Test
  void smtpServerAlone() throws Exception {
    String loadBefore = loadAverage();
    var content =
        new NoticeContent(
            NoticeKind.ESCALATION,
            "AUT-P1-2027",
            "AUT",
            1,
            Step.SAQ,
            "AUT",
            LocalDate.now().minusDays(40),
            null,
            0,
            URI.create("http://localhost:8080/api/reviews/AUT-P1-2027"),
            null,
            Map.of());
    RenderedNotice rendered =
        renderer.render(
            content,
            new Recipient(
                "Bench",
                "bench@aut.example",
                Language.FR,
                null,
                RecipientRole.PERMANENT_REPRESENTATIVE));
    int threads = 8;
    int perThread = 250;
    double perMessage =
        run(
            threads,
            perThread,
            () -> {
              for (int i = 0; i < perThread; i++) {
                mailSender.send(message(rendered));
              }
            });
    double kept =
        run(
            threads,
            perThread,
            () -> {
              Transport t = mailSender.getSession().getTransport("smtp");
              t.connect(mailSender.getHost(), mailSender.getPort(), null, null);
              try {
                for (int i = 0; i < perThread; i++) {
                  MimeMessage m = message(rendered);
                  t.sendMessage(m, m.getAllRecipients());
                }
              } finally {
                t.close();
              }
            });
    String report =
        String.format(
            """
        Embedded SMTP server alone (%s)
          machine: %d cores; load average %s, after %s
          %d threads x %d messages (one notice with HTML, text and iCalendar parts, To + Cc)
          a new connection per message (JavaMailSender.send): %.0f messages/s
          kept connections, one per thread: %.0f messages/s
        """,
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            loadAverage(),
            threads,
            perThread,
            perMessage,
            kept);
    write("smtp-alone.txt", report);
  }

  private interface Work {
    void run() throws Exception;
  }

  /**
   * Messages per second for {@code threads} threads each doing {@code work} ({@code perThread}
   * messages).
   */
  private static double run(int threads, int perThread, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long started = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(
            pool.submit(
                () -> {
                  work.run();
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
      return threads * perThread / ((System.nanoTime() - started) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private MimeMessage message(RenderedNotice rendered) throws Exception {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("revflow-no-reply@example.org");
    helper.setTo("bench@aut.example");
    helper.addCc("untoc.review@example.org");
    helper.setSubject(rendered.subject());
    helper.setText(rendered.text(), rendered.html());
    rendered
        .calendar()
        .ifPresent(
            a -> {
              try {
                helper.addAttachment(
                    a.filename(), new ByteArrayResource(a.content()), a.contentType());
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            });
    message.saveChanges();
    return message;
  }

  /**
   * Creates {@code jobs} instances at {@link #JOBS_PER_SECOND}; returns the creations, answered.
   */
  private List<CamundaFuture<ProcessInstanceEvent>> offer(String reviewId, String prefix, int jobs)
      throws InterruptedException {
    Instant start = Instant.now();
    List<CamundaFuture<ProcessInstanceEvent>> created = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
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
      vars.put("noticeKey", prefix + i);
      created.add(
          camunda
              .newCreateInstanceCommand()
              .bpmnProcessId("bench-notice")
              .latestVersion()
              .variables(vars)
              .send());
    }
    for (CamundaFuture<ProcessInstanceEvent> f : created) {
      try {
        f.join();
      } catch (RuntimeException refused) {
        // Back-pressure or a timeout on an overloaded machine: reported with the figures, not
        // hidden.
      }
    }
    return created;
  }

  /**
   * Waits, with a cheap count, until {@code rows} notices whose key starts with {@code prefix} are
   * sent, or nothing more was sent for two minutes (instances the engine refused never come);
   * returns how many were sent.
   */
  private long awaitSent(String reviewId, String prefix, long rows, Instant start)
      throws InterruptedException {
    long last = -1;
    Instant progress = Instant.now();
    while (true) {
      Long count =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM notice WHERE review_id = ? AND notice_key LIKE ? AND status = 'SENT'",
              Long.class,
              reviewId,
              prefix + "%");
      long sent = count == null ? 0 : count;
      if (sent >= rows) {
        return sent;
      }
      if (sent != last) {
        last = sent;
        progress = Instant.now();
      } else if (Duration.between(progress, Instant.now()).compareTo(Duration.ofMinutes(2)) > 0) {
        assertThat(sent).as("emails sent before progress stopped").isPositive();
        return sent;
      }
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(15));
      Thread.sleep(100);
    }
  }

  private static void write(String file, String report) throws IOException {
    Path out = Path.of("target/bench", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long max(List<Long> sorted) {
    return sorted.isEmpty() ? 0 : sorted.getLast();
  }

  static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
