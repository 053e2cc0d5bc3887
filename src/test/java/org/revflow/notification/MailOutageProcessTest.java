package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail server down for a day of engine time: the notices wait, then go out once, in order. */
@RevFlowTest
class MailOutageProcessTest {

  @Autowired ReviewDriver driver;

  @org.junit.jupiter.api.AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Autowired JavaMailSenderImpl mailSender;
  @Autowired NoticeRepository notices;

  @Test
  void noticesDueDuringADayWithoutMailServerGoOutOnceWhenItIsBack() {
    driver.permanentRepresentatives("HUN", "SVK", "SVN");
    String id = driver.launch("HUN", 1, "SVK", "SVN");
    LocalDate t0 = driver.time().today();
    driver.time().walkTo(t0.plusDays(6));
    int port = mailSender.getPort();
    mailSender.setPort(1);
    try {
      // The three focal-point reminders fall due at 09:00 on T0 + 7; the server stays down until
      // the next day.
      driver.time().walkTo(t0.plusDays(8), LocalTime.of(9, 30));
      assertThat(notices.findByReviewIdOrderById(id))
          .filteredOn(n -> n.getKind() == NoticeKind.FOCAL_POINT_REMINDER)
          .hasSize(3)
          .allSatisfy(
              n -> {
                assertThat(n.getStatus()).isEqualTo(Notice.Status.FAILED);
                assertThat(n.getAttempts()).isGreaterThan(3);
              });
    } finally {
      mailSender.setPort(port);
    }
    driver.time().walkTo(t0.plusDays(9));

    List<Notice> reminders =
        notices.findByReviewIdOrderById(id).stream()
            .filter(n -> n.getKind() == NoticeKind.FOCAL_POINT_REMINDER)
            .toList();
    assertThat(reminders)
        .hasSize(3)
        .allSatisfy(
            n -> {
              assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT);
              assertThat(n.getSentOn()).isAfter(t0.plusDays(7));
            });
    assertThat(reminders)
        .extracting(Notice::getStateCode)
        .containsExactlyInAnyOrder("HUN", "SVK", "SVN");
    // Nothing was sent twice: one row per notice and addressee, each sent once.
    assertThat(notices.findByReviewIdOrderById(id))
        .extracting(Notice::getDedupKey)
        .doesNotHaveDuplicates();
  }
}
