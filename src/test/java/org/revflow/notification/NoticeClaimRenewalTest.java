package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.config.MechanismTime;
import org.revflow.config.RevFlowProperties;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One job's addressees are claimed together and sent one after another. If the sends before take so
 * long that a later row's claim runs out, and another worker takes that row, this worker must not
 * send it; nor a row whose claim has run out and that anybody may take. The slow sends are played
 * by a composer that moves this worker's clock three minutes on while the second addressee's
 * message is written, and makes a second worker take that row meanwhile.
 */
@RevFlowTest
class NoticeClaimRenewalTest {

  @Autowired NoticeRepository notices;
  @Autowired org.revflow.review.ReviewLookups reviews;
  @Autowired AddresseeResolver addressees;
  @Autowired RoleHolders roleHolders;
  @Autowired NoticeComposer composer;
  @Autowired JavaMailSenderImpl mail;
  @Autowired SmtpConnections smtp;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired RevFlowProperties properties;
  @Autowired GreenMail greenMail;
  @Autowired ReviewDriver driver;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  /** This worker's clock, moved by the test. */
  static final class WorkerClock extends Clock {
    volatile Instant now;

    WorkerClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aRowWhoseClaimRanOutDuringEarlierSendsIsNotSentByThisWorker() throws Exception {
    driver.permanentRepresentatives("TLS", "PNG", "SLB");
    String reviewId = driver.launch("TLS", 2, "PNG", "SLB");
    NoticeJob job =
        new NoticeJob(
            reviewId, null, "RENEWAL-TEST", NoticeKind.STEP_DONE, Step.SAQ, "TLS", null, 0, null);
    WorkerClock clock = new WorkerClock(driver.time().now());
    Instant otherWorkersClaim = clock.now.plus(Duration.ofMinutes(4));
    List<String> composedFor = new ArrayList<>();
    NoticeComposer slow =
        new NoticeComposer() {
          @Override
          public Composed compose(NoticeJob j, Addressee to) {
            composedFor.add(to.email());
            if (composedFor.size() == 2) {
              // The first message took three minutes: every claim of this job has run out, and a
              // second
              // worker has just taken this row.
              clock.now = clock.now.plus(Duration.ofMinutes(3));
              jdbc.update(
                  "update notice set claimed_until = ? where dedup_key = ?",
                  Timestamp.from(otherWorkersClaim),
                  j.identity() + "|" + to.email().toLowerCase());
            }
            return composer.compose(j, to);
          }
        };
    NoticeService worker =
        new NoticeService(
            notices,
            reviews,
            addressees,
            roleHolders,
            slow,
            mail,
            smtp,
            tx,
            jdbc,
            new MechanismTime(clock, properties.zone()),
            properties);

    assertThatThrownBy(() -> worker.deliver(job, 4242L))
        .isInstanceOf(NoticeDeliveryException.class)
        .hasMessageContaining("claim expired, taken by another worker");

    // GreenMail keeps a copy per recipient (To and Cc): one email is one Message-ID.
    java.util.Map<String, String> sentTo = new java.util.LinkedHashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      String[] h = m.getHeader("X-RevFlow-Notice");
      if (h != null && Arrays.asList(h).contains(job.identity())) {
        sentTo.put(
            m.getMessageID(),
            ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress());
      }
    }
    assertThat(composedFor).hasSize(3);
    assertThat(sentTo.values())
        .as("only the first addressee, whose claim held")
        .containsExactly(composedFor.getFirst());
    List<Notice> rows = notices.findByDedupKeyStartingWith(job.identity() + "|");
    assertThat(rows).hasSize(3);
    assertThat(rows).filteredOn(n -> n.getStatus() == Notice.Status.SENT).hasSize(1);
    assertThat(rows)
        .filteredOn(n -> n.getAddresseeEmail().equalsIgnoreCase(composedFor.get(1)))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.getStatus())
                  .as("the other worker's row")
                  .isEqualTo(Notice.Status.SENDING);
              assertThat(n.getClaimedUntil()).isEqualTo(otherWorkersClaim);
            });
  }
}
