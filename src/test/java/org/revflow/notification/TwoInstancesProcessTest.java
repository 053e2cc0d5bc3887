package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revflow.RevFlowApplication;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two RevFlow instances on one engine and one database, as two replicas in production: their
 * workers compete for the same jobs, both take some, and no notice goes out twice. Who took a job
 * is read from each instance's own job counters, not from the engine's records: the test engine
 * keeps one job stream per job type, with the activation properties (worker name, timeout) of the
 * first worker that opened it, so a job pushed to the second instance is recorded under the first
 * one's name.
 */
@RevFlowTest
class TwoInstancesProcessTest {

  @Autowired ReviewDriver driver;
  @Autowired NoticeRepository notices;
  @Autowired GreenMail greenMail;
  @Autowired MeterRegistry meters;

  ConfigurableApplicationContext second;

  @BeforeEach
  void startSecondInstance() {
    // The same embedded services are attached by the test initializer; only the web port differs.
    second =
        new SpringApplicationBuilder(RevFlowApplication.class)
            .properties(
                Map.of(
                    "server.port",
                    "0",
                    "spring.jmx.enabled",
                    "false",
                    // A short job timeout, so that a job held by a slow instance is handed to the
                    // other one. It
                    // holds for the jobs this instance polls; pushed jobs carry the timeout of the
                    // first stream
                    // of their type (see above), the first instance's.
                    "camunda.client.worker.defaults.timeout",
                    "PT2S"))
            .run();
  }

  @AfterEach
  void stopSecondInstance() {
    driver.cancelAllReviews();
    second.close();
  }

  @Test
  void twoInstancesNeverSendTheSameNoticeTwice() throws Exception {
    driver.permanentRepresentatives("DEU", "CHE", "NLD");
    Map<String, Double> firstBefore = jobsActivated(meters);
    String id = driver.launch("CHE", 1, "DEU", "NLD");
    LocalDate t0 = driver.time().today();
    driver.time().walkTo(t0.plusWeeks(2).plusDays(32));

    List<Notice> rows = notices.findByReviewIdOrderById(id);
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT));
    assertThat(rows).extracting(Notice::getDedupKey).doesNotHaveDuplicates();
    // Each notice row is one SMTP message (To and Cc copies share its Message-ID).
    Map<String, List<String>> idsByNotice = new java.util.HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      String[] h = m.getHeader("X-RevFlow-Notice");
      if (h != null && h[0].startsWith(id + "|")) {
        idsByNotice
            .computeIfAbsent(h[0] + "|" + m.getHeader("To")[0], k -> new ArrayList<>())
            .add(m.getMessageID());
      }
    }
    assertThat(idsByNotice).hasSize(rows.size());
    assertThat(
            idsByNotice.values().stream()
                .map(l -> l.stream().distinct().count())
                .collect(Collectors.toSet()))
        .containsOnly(1L);

    // Both replicas worked: each took notice jobs (the shared first instance counted from this test
    // on).
    Map<String, Double> first = jobsActivated(meters);
    firstBefore.forEach((type, n) -> first.merge(type, -n, Double::sum));
    Map<String, Double> bySecond = jobsActivated(second.getBean(MeterRegistry.class));
    assertThat(first.getOrDefault(NoticeWorker.TYPE, 0.0))
        .as("notice jobs the first instance took, of %s", first)
        .isPositive();
    assertThat(bySecond.getOrDefault(NoticeWorker.TYPE, 0.0))
        .as("notice jobs the second instance took, of %s", bySecond)
        .isPositive();
  }

  /**
   * Jobs an instance's workers activated so far, by job type (the Camunda client's own counter).
   */
  private static Map<String, Double> jobsActivated(MeterRegistry registry) {
    Map<String, Double> out = new java.util.TreeMap<>();
    for (Counter c :
        registry
            .find(MetricsRecorder.METRIC_NAME_JOB)
            .tag("action", MetricsRecorder.ACTION_ACTIVATED)
            .counters()) {
      out.merge(c.getId().getTag("type"), c.count(), Double::sum);
    }
    return out;
  }
}
