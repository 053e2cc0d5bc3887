package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
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
 * workers compete for the same jobs, and no notice goes out twice.
 */
@RevFlowTest
class TwoInstancesProcessTest {

  @Autowired ReviewDriver driver;
  @Autowired NoticeRepository notices;
  @Autowired GreenMail greenMail;

  ConfigurableApplicationContext second;

  @BeforeEach
  void startSecondInstance() {
    // The same embedded services are attached by the test initializer; only the web port differs.
    second = new SpringApplicationBuilder(RevFlowApplication.class)
        .properties(Map.of("server.port", "0", "spring.jmx.enabled", "false",
            // short job timeout: a job held by a slow instance is handed to the other one
            "camunda.client.worker.defaults.timeout", "PT2S"))
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
    String id = driver.launch("CHE", 1, "DEU", "NLD");
    LocalDate t0 = driver.time().today();
    driver.time().walkTo(t0.plusWeeks(2).plusDays(32));

    List<Notice> rows = notices.findByReviewIdOrderById(id);
    assertThat(rows).isNotEmpty().allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT));
    assertThat(rows).extracting(Notice::getDedupKey).doesNotHaveDuplicates();
    // Each notice row is one SMTP message (To and Cc copies share its Message-ID).
    Map<String, List<String>> idsByNotice = new java.util.HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      String[] h = m.getHeader("X-RevFlow-Notice");
      if (h != null && h[0].startsWith(id + "|")) {
        idsByNotice.computeIfAbsent(h[0] + "|" + m.getHeader("To")[0], k -> new ArrayList<>()).add(m.getMessageID());
      }
    }
    assertThat(idsByNotice).hasSize(rows.size());
    assertThat(idsByNotice.values().stream().map(l -> l.stream().distinct().count()).collect(Collectors.toSet()))
        .containsOnly(1L);
  }
}
