package org.revflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.RevFlowApplication;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.process.ProcessConstants;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewLaunchService;
import org.revflow.testsupport.EmbeddedEngine;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Duplicate job activation: two RevFlow instances on one engine and database, the second with a
 * two-second job timeout, and an SMTP server that takes three seconds to accept each message. While
 * the server holds the first messages, engine time jumps by more than both instances' job timeouts,
 * so the engine times out the notice jobs in the middle of their send and hands them out again, to
 * either instance. Each notice must still be accepted by the server once.
 */
@RevFlowTest
class DuplicateJobActivationFaultTest {

  /**
   * Longer than both job timeouts (PT1M here, PT2S in the second instance), shorter than a notice
   * claim (2 min).
   */
  private static final Duration PAST_JOB_TIMEOUTS = Duration.ofSeconds(65);

  @Autowired ReviewDriver driver;
  @Autowired ReviewLaunchService reviews;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired NoticeRepository notices;
  @Autowired EmbeddedEngine engine;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void noticesHandedOutTwiceAreAcceptedBySmtpOnce() throws Exception {
    driver.permanentRepresentatives("ROU", "BGR", "HRV", "ECU", "PRY", "BOL");
    int port = mailSender.getPort();
    try (SlowSmtpServer smtp = new SlowSmtpServer(3_000);
        ConfigurableApplicationContext second =
            new SpringApplicationBuilder(RevFlowApplication.class)
                .properties(
                    Map.of(
                        "server.port",
                        "0",
                        "spring.jmx.enabled",
                        "false",
                        "camunda.client.worker.defaults.timeout",
                        "PT2S"))
                .run()) {
      JavaMailSenderImpl secondMail = second.getBean(JavaMailSenderImpl.class);
      int secondPort = secondMail.getPort();
      mailSender.setPort(smtp.port());
      secondMail.setPort(smtp.port());
      try {
        driver.time().walkTo(driver.time().today().plusDays(1), ReviewDriver.EVENT_TIME);
        EngineIncidents engineLog = new EngineIncidents(engine);
        List<String> ids = new ArrayList<>();
        ids.add(launch("ROU", "BGR", "HRV"));
        ids.add(launch("ECU", "PRY", "BOL"));

        // The fault: job deadlines pass while the server holds messages.
        long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (smtp.inProgress() == 0 && System.nanoTime() < waitUntil) {
          Thread.sleep(5);
        }
        assertThat(smtp.inProgress()).as("messages held by the slow server").isPositive();
        driver.time().advance(PAST_JOB_TIMEOUTS);

        // Then time goes on for the failed attempts' back-offs, each step once the server holds
        // nothing: engine time runs ahead of real time here, and a clock that jumped past a claim
        // while its message was still being sent would be a fault no real clock makes.
        for (int i = 0; i < 20 && !allLaunchNoticesSent(ids); i++) {
          awaitServerIdle(smtp);
          driver.time().advance(PAST_JOB_TIMEOUTS);
        }
        driver.time().walkTo(driver.time().today(), ReviewDriver.EVENT_TIME.plusHours(2));

        int timedOut = engineLog.timedOut(ProcessConstants.JOB_NOTICE);
        int twice = engineLog.activatedMoreThanOnce(ProcessConstants.JOB_NOTICE);
        List<Notice> rows = new ArrayList<>();
        int duplicates = 0;
        int acceptedForReviews = 0;
        for (String id : ids) {
          rows.addAll(notices.findByReviewIdOrderById(id));
          Map<String, Set<String>> accepted = smtp.byNotice(id);
          duplicates += DeliveredMail.duplicates(accepted);
          acceptedForReviews += accepted.values().stream().mapToInt(Set::size).sum();
          assertThat(accepted.keySet())
              .containsExactlyInAnyOrderElementsOf(
                  notices.findByReviewIdOrderById(id).stream().map(Notice::getDedupKey).toList());
        }
        NoticeJobInvariant.Result invariant = NoticeJobInvariant.check(engineLog, jdbc);
        FaultReport.figure(
            "duplicate job activation",
            twice
                + " notice jobs activated more than once ("
                + timedOut
                + " timed out mid-send; 2 instances, 3 s SMTP) for "
                + rows.size()
                + " notices; "
                + acceptedForReviews
                + " emails accepted by SMTP, "
                + duplicates
                + " duplicates; "
                + invariant.line());

        assertThat(timedOut)
            .as("notice jobs timed out during their send (the fault happened)")
            .isPositive();
        assertThat(twice).as("notice jobs handed out a second time").isPositive();
        // Per review: the launch notice to each of its three States, and the preliminary
        // consultation
        // announced to the secretariat.
        assertThat(rows)
            .hasSize(8)
            .allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT));
        assertThat(duplicates).isZero();
        assertThat(acceptedForReviews).isEqualTo(rows.size());
        assertThat(invariant.completedJobs()).isPositive();
        assertThat(invariant.violations()).isEmpty();
      } finally {
        mailSender.setPort(port);
        secondMail.setPort(secondPort);
      }
    }
  }

  private static void awaitServerIdle(SlowSmtpServer smtp) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int quiet = 0;
    while (quiet < 20 && System.nanoTime() < until) {
      quiet = smtp.inProgress() == 0 ? quiet + 1 : 0;
      Thread.sleep(25);
    }
  }

  private String launch(String underReview, String... reviewers) {
    return reviews
        .launch(
            new ReviewCommands.Launch(
                underReview,
                1,
                Map.of(ReviewCommands.Instrument.UNTOC, List.of(reviewers)),
                driver.time().today(),
                null),
            "test")
        .getId();
  }

  private boolean allLaunchNoticesSent(List<String> ids) {
    List<Notice> rows = new ArrayList<>();
    ids.forEach(id -> rows.addAll(notices.findByReviewIdOrderById(id)));
    return rows.size() == 6 && rows.stream().allMatch(n -> n.getStatus() == Notice.Status.SENT);
  }
}
