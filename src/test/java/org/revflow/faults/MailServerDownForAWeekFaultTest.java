package org.revflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.process.ProcessConstants;
import org.revflow.simulation.PreviewService;
import org.revflow.testsupport.EmbeddedEngine;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail server down for seven days of engine time in the middle of a ladder (the focal-point
 * reminders of day 7 fall inside it), then back. The notice jobs fail and are retried with back-off
 * (1 min doubling to 6 h, 45 tries: about nine days of patience), so no incident is raised, and
 * every notice of the outage goes out exactly once when the server is back.
 */
@RevFlowTest
class MailServerDownForAWeekFaultTest {

  @Autowired ReviewDriver driver;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired NoticeRepository notices;
  @Autowired GreenMail greenMail;
  @Autowired CamundaClient camunda;
  @Autowired EmbeddedEngine engine;
  @Autowired PreviewService preview;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void sevenDaysWithoutMailServerThenEveryNoticeOnce() {
    driver.permanentRepresentatives("LTU", "ISL", "MLT");
    driver.time().walkTo(driver.time().today().plusDays(1), LocalTime.of(7, 0));
    EngineIncidents engineLog = new EngineIncidents(engine);
    String id = driver.launch("LTU", 1, "ISL", "MLT");
    LocalDate t0 = driver.time().today();
    driver.time().settle();
    LocalDate down = t0.plusDays(1);
    LocalDate back = t0.plusDays(8);
    driver.time().walkTo(down, LocalTime.of(0, 0));
    // The ladder's own prediction of the notices that fall into the outage.
    List<PreviewService.PlannedNotice> planned =
        preview.preview(id, 8).stream()
            .filter(p -> !p.on().isBefore(down) && p.on().isBefore(back))
            .toList();
    Set<Long> before =
        notices.findByReviewIdOrderById(id).stream()
            .map(Notice::getId)
            .collect(java.util.stream.Collectors.toSet());
    int port = mailSender.getPort();
    mailSender.setPort(1);
    Map<Long, Long> incidentsDuringOutage;
    try {
      driver.time().walkTo(back, LocalTime.of(0, 0));
      incidentsDuringOutage = engineLog.open();
      assertThat(notices.findByReviewIdOrderById(id))
          .filteredOn(n -> !before.contains(n.getId()))
          .isNotEmpty()
          .allSatisfy(n -> assertThat(n.getStatus()).isNotEqualTo(Notice.Status.SENT));
    } finally {
      mailSender.setPort(port);
    }
    int failedTries = engineLog.failures(ProcessConstants.JOB_NOTICE);
    driver.time().walkTo(back.plusDays(1));

    List<Notice> rows =
        notices.findByReviewIdOrderById(id).stream()
            .filter(n -> !before.contains(n.getId()))
            .toList();
    Map<String, Set<String>> smtp = DeliveredMail.byNotice(greenMail, id);
    int duplicates = DeliveredMail.duplicates(smtp);
    List<String> plannedKeys = new java.util.ArrayList<>();
    planned.forEach(
        p ->
            p.to()
                .forEach(
                    to ->
                        plannedKeys.add(
                            p.kind() + " " + p.step() + " " + p.state() + " -> " + to)));
    List<String> rowKeys =
        rows.stream()
            .map(
                n ->
                    n.getKind()
                        + " "
                        + n.getStep()
                        + " "
                        + n.getStateCode()
                        + " -> "
                        + n.getAddresseeEmail())
            .toList();
    long missing = plannedKeys.stream().filter(k -> !rowKeys.contains(k)).count();
    NoticeJobInvariant.Result invariant = NoticeJobInvariant.check(engineLog, jdbc);
    FaultReport.figure(
        "mail server down 7 days",
        rows.size()
            + " notices due during the outage, "
            + failedTries
            + " failed tries, "
            + incidentsDuringOutage.size()
            + " incidents; afterwards "
            + rows.stream().filter(n -> n.getStatus() == Notice.Status.SENT).count()
            + " sent, "
            + duplicates
            + " duplicates, "
            + missing
            + " ladder notices missing against the preview made before the outage; "
            + invariant.line());

    assertThat(planned)
        .extracting(PreviewService.PlannedNotice::kind)
        .contains("FOCAL_POINT_REMINDER");
    assertThat(failedTries).isPositive();
    assertThat(incidentsDuringOutage)
        .as("a week's outage is within the retries' patience")
        .isEmpty();
    assertThat(rowKeys).containsExactlyInAnyOrderElementsOf(plannedKeys);
    assertThat(rows)
        .allSatisfy(
            n -> {
              assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT);
              assertThat(n.getSentOn()).isAfterOrEqualTo(back);
            });
    assertThat(rows).extracting(Notice::getDedupKey).doesNotHaveDuplicates();
    assertThat(duplicates).isZero();
    assertThat(engineLog.open()).isEmpty();
    assertThat(invariant.completedJobs()).isPositive();
    assertThat(invariant.violations()).isEmpty();
  }
}
