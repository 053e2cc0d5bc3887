package org.revflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.TestRulebookDirectory;
import org.revflow.testsupport.TestUsers;
import org.revflow.testsupport.Throttles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reviews list, a review's page, and launching a review from the pages: what they show, and
 * that a refused launch says why next to the field and changes nothing.
 */
@RevFlowTest
class ConsoleReviewPagesTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;
  @Autowired Throttles throttle;

  private ConsoleClient browser;

  @BeforeEach
  void signIn() {
    throttle.forgetFailures();
    browser = new ConsoleClient(port);
    assertThat(browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD).location())
        .endsWith("/console/");
  }

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  private List<Long> counts() {
    driver.time().settle();
    return List.of(
            "review",
            "review_participant",
            "review_event",
            "review_step",
            "process_outbox",
            "registry_designation",
            "registry_person")
        .stream()
        .map(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class))
        .toList();
  }

  private Map<String, String> launchForm(String underReview, String untoc) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("underReview", underReview);
    form.put("phase", "2");
    form.put("untoc", untoc);
    form.put("rulebook", TestRulebookDirectory.CALENDAR_DAYS);
    return form;
  }

  @Test
  void aRefusedLaunchSaysWhyNextToTheFieldAndChangesNothing() {
    driver.permanentRepresentatives("TJK", "UZB", "MKD");
    assertThat(browser.get("/console/reviews/new").body())
        .contains("<label for=\"underReview\"", "<label for=\"untoc\"");
    List<Long> before = counts();

    ConsoleClient.Response missing = browser.post("/console/reviews", launchForm("", "UZB MKD"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body())
        .contains(
            "Nothing was changed: there is a problem",
            "id=\"underReview-error\"",
            "Choose the State under review.",
            "aria-invalid=\"true\"");

    ConsoleClient.Response unknown = browser.post("/console/reviews", launchForm("TJK", "UZB XYZ"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("id=\"untoc-error\"", "unknown State &#39;XYZ&#39;");
    // The form comes back as typed.
    assertThat(unknown.body()).contains("value=\"UZB XYZ\"");

    ConsoleClient.Response itself = browser.post("/console/reviews", launchForm("TJK", "TJK UZB"));
    assertThat(itself.status()).isEqualTo(400);
    assertThat(itself.body()).contains("id=\"untoc-error\"", "cannot review itself");

    Map<String, String> future = launchForm("TJK", "UZB MKD");
    future.put("launchDate", "tomorrow");
    ConsoleClient.Response badDate = browser.post("/console/reviews", future);
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body()).contains("id=\"launchDate-error\"", "is not a date");

    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aReviewLaunchedFromThePagesHasItsPageAndItsRowInTheList() {
    driver.permanentRepresentatives("TJK", "UZB", "MKD");
    browser.get("/console/reviews/new");
    ConsoleClient.Response launched =
        browser.post("/console/reviews", launchForm("TJK", "uzb, mkd"));
    assertThat(launched.status()).isEqualTo(302);
    String id = launched.location().substring(launched.location().lastIndexOf('/') + 1);
    assertThat(id).startsWith("TJK-P2-");
    driver.time().settle();

    ConsoleClient.Response page = browser.follow(launched);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Review " + id + " launched")
        .contains("<svg", "id=\"timeline\"", "role=\"img\"", "Timeline of review " + id)
        // Acting focal points: the permanent representatives, interim.
        .contains("id=\"acting-TJK\"", "PR of TJK", "interim: the permanent representative")
        .contains("id=\"participants\"", "Uzbekistan", "North Macedonia")
        // The history says who launched it; the launch notices are in the log.
        .contains("Review launched", ">secretariat<")
        .contains("id=\"sent-notices\"", "pr@tjk.example")
        .contains("id=\"planned-notices\"");
    assertThat(jdbc.queryForObject("SELECT created_by FROM review WHERE id = ?", String.class, id))
        .isEqualTo("secretariat");

    ConsoleClient.Response list = browser.get("/console/reviews?state=TJK&phase=2");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("href=\"/console/reviews/" + id + "\"", "Tajikistan");
    // Filtered by a State that reviews it, and by its stage.
    assertThat(browser.get("/console/reviews?state=MKD").body())
        .contains("/console/reviews/" + id + "\"");
    assertThat(browser.get("/console/reviews?state=TJK&stage=COMPLETED").body())
        .doesNotContain("/console/reviews/" + id + "\"")
        .contains("No review matches these filters.");
    assertThat(browser.get("/console/reviews?state=TJK&interim=true").body())
        .contains("/console/reviews/" + id + "\"");
    // A bad filter is said, not a failure.
    assertThat(browser.get("/console/reviews?phase=two").body())
        .contains("&#39;two&#39; is not a valid phase");
    // With htmx, only the results come back.
    ConsoleClient.Response part = browser.getHtmx("/console/reviews?state=TJK");
    assertThat(part.body())
        .contains("id=\"results\"", "/console/reviews/" + id + "\"")
        .doesNotContain("<html");

    // An unknown review is a page that says so.
    ConsoleClient.Response unknown = browser.get("/console/reviews/NOPE-P9-1999");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("no review NOPE-P9-1999");
  }
}
