package org.revflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.TestUsers;
import org.revflow.testsupport.Throttles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The workplan's pages: the planned launches, moving or cancelling one with a reason. */
@RevFlowTest
class ConsoleWorkplanPagesTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;
  @Autowired Throttles throttle;

  private ConsoleClient browser;
  private String planned;

  @BeforeEach
  void reviewAndSignIn() {
    throttle.forgetFailures();
    driver.permanentRepresentatives("ARM", "UZB", "MKD");
    String launched = driver.launch("ARM", 1, "UZB", "MKD");
    // A launch plans the State's next phase.
    planned =
        jdbc.queryForObject(
            "SELECT id FROM review WHERE previous_review_id = ?", String.class, launched);
    browser = new ConsoleClient(port);
    browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
  }

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  private List<Object> plan() {
    driver.time().settle();
    return List.of(
        jdbc.queryForObject(
            "SELECT CONCAT(status, ' ', launch_date) FROM review WHERE id = ?",
            String.class,
            planned),
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM review_event WHERE review_id = ?", Long.class, planned));
  }

  @Test
  void aPlanIsMovedAndCancelledWithAReasonAndNeverWithout() {
    assertThat(browser.get("/console/workplan").body())
        .contains("/console/workplan/" + planned + "\"", "Armenia");
    String page = browser.get("/console/workplan/" + planned).body();
    assertThat(page)
        .contains("id=\"move-form\"", "<label for=\"move-date\"", "<label for=\"cancel-reason\"");
    List<Object> before = plan();

    String later = driver.time().today().plusYears(2).plusMonths(3).toString();
    ConsoleClient.Response noReason =
        browser.post("/console/workplan/" + planned + "/move", Map.of("plannedOn", later));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("id=\"move-reason-error\"", "is required");
    ConsoleClient.Response past =
        browser.post(
            "/console/workplan/" + planned + "/move",
            Map.of(
                "plannedOn", driver.time().today().minusDays(1).toString(), "reason", "NV/ARM/1"));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("id=\"move-date-error\"", "must not lie in the past");
    ConsoleClient.Response garbled =
        browser.post(
            "/console/workplan/" + planned + "/move",
            Map.of("plannedOn", "soon", "reason", "NV/ARM/1"));
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.body()).contains("id=\"move-date-error\"", "is not a date");
    ConsoleClient.Response noCancelReason =
        browser.post("/console/workplan/" + planned + "/cancel", Map.of());
    assertThat(noCancelReason.status()).isEqualTo(400);
    assertThat(noCancelReason.body()).contains("id=\"cancel-reason-error\"");
    assertThat(plan()).isEqualTo(before);

    ConsoleClient.Response moved =
        browser.post(
            "/console/workplan/" + planned + "/move",
            Map.of("plannedOn", later, "reason", "NV/ARM/2: elections"));
    assertThat(moved.status()).isEqualTo(302);
    assertThat(browser.follow(moved).body()).contains("moved to " + later);
    assertThat(
            jdbc.queryForObject(
                "SELECT launch_date FROM review WHERE id = ?", String.class, planned))
        .isEqualTo(later);
    assertThat(
            jdbc.queryForObject(
                "SELECT recorded_by FROM review_event WHERE review_id = ? AND type = 'PLAN_MOVED'",
                String.class,
                planned))
        .isEqualTo("secretariat");

    browser.get("/console/workplan/" + planned);
    ConsoleClient.Response cancelled =
        browser.post(
            "/console/workplan/" + planned + "/cancel",
            Map.of("reason", "withdrawn by decision 12/3"));
    assertThat(cancelled.status()).isEqualTo(302);
    assertThat(browser.follow(cancelled).body()).contains("cancelled", "no longer in the workplan");
    assertThat(browser.get("/console/workplan").body())
        .doesNotContain("/console/workplan/" + planned + "\"");
  }
}
