package org.revflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeKind;
import org.revflow.notification.NoticeRepository;
import org.revflow.process.ProcessConstants;
import org.revflow.simulation.PreviewService;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail server down for seven days of engine time from the launch of a review, then back. The
 * launch notices fail from the first day: their 15 tries with back-off (1 min doubling to 6 h, about
 * 38 h in all) run out and each becomes an incident; the focal-point reminders of day 7 are still
 * being retried when the server returns. Resolving the incidents, as an operator would in Operate,
 * and the ongoing retries deliver every notice exactly once.
 */
@Disabled("fails: launch notices that exhaust their retries (about 38 h) are incidents that hold the whole review before its steps open, so the day-7 reminders are never planned; decide whether launch notices should not block (or retry longer), then enable")
@RevFlowTest
class MailServerDownForAWeekFaultTest {

  @Autowired ReviewDriver driver;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired NoticeRepository notices;
  @Autowired GreenMail greenMail;
  @Autowired CamundaClient camunda;
  @Autowired ZeebeTestEngine engine;
  @Autowired PreviewService preview;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void sevenDaysWithoutMailServerThenEveryNoticeOnce() {
    driver.permanentRepresentatives("LTU", "ISL", "MLT");
    driver.time().walkTo(driver.time().today().plusDays(1), LocalTime.of(7, 0));
    EngineIncidents engineLog = new EngineIncidents(engine);
    int port = mailSender.getPort();
    mailSender.setPort(1);
    String id;
    LocalDate t0;
    List<PreviewService.PlannedNotice> planned;
    Map<Long, Long> incidents;
    try {
      id = driver.launch("LTU", 1, "ISL", "MLT");
      t0 = driver.time().today();
      // The ladder's own prediction of the outage's notices, made while the server is down.
      planned = preview.preview(id, 8).stream().filter(p -> !p.on().isAfter(t0.plusDays(7))).toList();
      driver.time().walkTo(t0.plusDays(7), LocalTime.of(10, 0));
      incidents = engineLog.open();
      assertThat(notices.findByReviewIdOrderById(id)).isNotEmpty()
          .allSatisfy(n -> assertThat(n.getStatus()).isNotEqualTo(Notice.Status.SENT));
    } finally {
      mailSender.setPort(port);
    }
    int failedTries = engineLog.failures(ProcessConstants.JOB_NOTICE);
    int resolved = engineLog.resolveAll(camunda);
    driver.time().settle();
    driver.time().walkTo(t0.plusDays(8));

    List<Notice> rows = notices.findByReviewIdOrderById(id);
    Map<String, Set<String>> smtp = DeliveredMail.byNotice(greenMail, id);
    int duplicates = DeliveredMail.duplicates(smtp);
    List<Notice> launched = rows.stream().filter(n -> n.getKind() == NoticeKind.REVIEW_LAUNCHED).toList();
    List<Notice> reminders = rows.stream().filter(n -> n.getKind() == NoticeKind.FOCAL_POINT_REMINDER).toList();
    List<String> plannedKeys = new java.util.ArrayList<>();
    planned.forEach(p -> p.to().forEach(to -> plannedKeys.add(p.kind() + " " + p.step() + " " + p.state() + " -> " + to)));
    List<String> rowKeys = rows.stream()
        .map(n -> n.getKind() + " " + n.getStep() + " " + n.getStateCode() + " -> " + n.getAddresseeEmail()).toList();
    long missing = plannedKeys.stream().filter(k -> !rowKeys.contains(k)).count();
    FaultReport.figure("mail server down 7 days", rows.size() + " notices due during the outage, " + failedTries
        + " failed tries, " + incidents.size() + " incidents (retries exhausted after ~38 h), " + resolved
        + " resolved by hand; afterwards " + rows.stream().filter(n -> n.getStatus() == Notice.Status.SENT).count()
        + " sent, " + smtp.size() + " accepted by SMTP, " + duplicates + " duplicates, "
        + missing + " ladder notices missing against the preview made at launch");

    assertThat(launched).extracting(Notice::getStateCode).containsExactlyInAnyOrder("LTU", "ISL", "MLT");
    assertThat(incidents).as("launch notices exhausted their retries").hasSizeGreaterThanOrEqualTo(launched.size());
    assertThat(resolved).isEqualTo(incidents.size());
    assertThat(planned).extracting(PreviewService.PlannedNotice::kind).contains("FOCAL_POINT_REMINDER");
    assertThat(reminders).hasSize(3);
    assertThat(rowKeys).containsAll(plannedKeys);
    assertThat(rows).allSatisfy(n -> {
      assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT);
      assertThat(n.getSentOn()).isAfterOrEqualTo(t0.plusDays(7));
    });
    assertThat(rows).extracting(Notice::getDedupKey).doesNotHaveDuplicates();
    assertThat(smtp.keySet()).containsExactlyInAnyOrderElementsOf(rows.stream().map(Notice::getDedupKey).toList());
    assertThat(duplicates).isZero();
    assertThat(engineLog.open()).isEmpty();
  }
}
