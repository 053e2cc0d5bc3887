package org.revflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * The notice log's pages: searched by person, State, review, kind and status; one notice with the
 * email as received (links not clickable, an action link's key cut short, the frame sandboxed); a
 * failed notice with its reason and what to do.
 */
@RevFlowTest
class ConsoleNoticePagesTest {

  private static final Pattern ACTION_LINK = Pattern.compile("/act/([A-Za-z0-9_\\-]+)");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;
  @Autowired GreenMail greenMail;
  @Autowired Throttles throttle;

  /**
   * A State under review for each test: review ids are per State, phase and year, and cancelled
   * ones stay.
   */
  private static final List<String> UNDER_REVIEW =
      List.of("MUS", "SYC", "MDG", "COM", "DJI", "GAB");

  private static int next;

  private ConsoleClient browser;
  private String underReview;
  private String prUnderReview;
  private String id;

  @BeforeEach
  void reviewAndSignIn() {
    throttle.forgetFailures();
    underReview = UNDER_REVIEW.get(next++ % UNDER_REVIEW.size());
    prUnderReview = "pr@" + underReview.toLowerCase(java.util.Locale.ROOT) + ".example";
    driver.permanentRepresentatives(underReview, "CPV", "NAM");
    id = driver.launch(underReview, 2, "CPV", "NAM");
    browser = new ConsoleClient(port);
    browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
  }

  @AfterEach
  void stopReviews() {
    jdbc.update("DELETE FROM notice WHERE dedup_key LIKE 'console-test|%'");
    driver.cancelAllReviews();
  }

  @Test
  void theLogIsSearchedByReviewPersonStateKindAndStatus() {
    String byReview = browser.get("/console/notices?review=" + id).body();
    assertThat(byReview)
        .contains("id=\"notices-table\"", prUnderReview, "pr@cpv.example", "Review launched");
    String byPerson = browser.get("/console/notices?person=PR@CPV").body();
    assertThat(byPerson).contains("pr@cpv.example").doesNotContain(prUnderReview);
    String byState = browser.get("/console/notices?review=" + id + "&state=NAM").body();
    assertThat(byState).contains("pr@nam.example").doesNotContain("pr@cpv.example");
    String byKind = browser.get("/console/notices?review=" + id + "&kind=STEP_OPENED").body();
    String rows = byKind.substring(byKind.indexOf("id=\"notices-table\""));
    assertThat(rows).contains("Step opened").doesNotContain("Review launched");
    assertThat(browser.get("/console/notices?review=" + id + "&status=FAILED").body())
        .contains("No notice matches.");
    assertThat(browser.get("/console/notices?status=LOST").body())
        .contains("&#39;LOST&#39; is not a valid status");
    assertThat(browser.getHtmx("/console/notices?review=" + id).body())
        .contains("id=\"results\"")
        .doesNotContain("<html");
  }

  @Test
  void anEmailIsShownAsReceivedWithItsLinksAsTextAndTheActionKeyCutShort() throws Exception {
    // The questionnaire's first reminder goes to the acting focal point of MUS (its PR, interim)
    // with an action link.
    java.time.LocalDate due =
        jdbc.queryForObject(
            "SELECT due_on FROM review_step WHERE review_id = ? AND step = 'SAQ'",
            java.time.LocalDate.class,
            id);
    driver.time().walkTo(due.minusDays(30));
    Long noticeId =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM notice WHERE review_id = ? AND kind = 'REMINDER'"
                + " AND step = 'SAQ' AND addressee_email = ? AND status = 'SENT'",
            Long.class,
            id,
            prUnderReview);
    assertThat(noticeId).isNotNull();
    String sentToken = actionTokenMailedTo(prUnderReview);

    ConsoleClient.Response page = browser.get("/console/notices/" + noticeId);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "<iframe",
            "sandbox=\"\"",
            "/console/notices/" + noticeId + "/email",
            "Self-assessment questionnaire",
            "interim focal point");

    ConsoleClient.Response email = browser.get("/console/notices/" + noticeId + "/email");
    assertThat(email.status()).isEqualTo(200);
    assertThat(email.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("sandbox", "default-src 'none'");
    assertThat(email.headers().firstValue("X-Frame-Options").orElseThrow()).isEqualTo("SAMEORIGIN");
    assertThat(email.body())
        .contains(id)
        .doesNotContainIgnoringCase("<a ")
        .doesNotContainIgnoringCase("href=");
    // The link is there, as text, with its key cut short: the key the person got is not.
    assertThat(email.body())
        .contains("/act/" + sentToken.substring(0, 6) + "\u2026")
        .doesNotContain(sentToken);
    ConsoleClient.Response text = browser.get("/console/notices/" + noticeId + "/email.txt");
    assertThat(text.body())
        .contains("/act/" + sentToken.substring(0, 6) + "\u2026")
        .doesNotContain(sentToken);
  }

  @Test
  void aFailedNoticeSaysWhyAndWhatToDo() {
    Long personId =
        jdbc.queryForObject(
            "SELECT id FROM registry_person WHERE email = 'pr@cpv.example'", Long.class);
    // A row as the notice worker leaves it after the mail server refused the address.
    jdbc.update(
        "INSERT INTO notice (dedup_key, review_id, notice_key, kind, addressee_email, addressee_role,"
            + " addressee_state, person_id, language, status, attempts, failure_reason, job_key, created_at)"
            + " VALUES ('console-test|1', ?, 'REMINDER:2027-01-01:1', 'REMINDER', 'pr@cpv.example', 'INTERIM_FOCAL_POINT',"
            + " 'CPV', ?, 'en', 'FAILED', 3, 'SendFailedException: 550 5.1.1 <pr@cpv.example>: user unknown', 1, ?)",
        id,
        personId,
        java.sql.Timestamp.from(Instant.now()));
    long failedId =
        jdbc.queryForObject("SELECT id FROM notice WHERE dedup_key = 'console-test|1'", Long.class);

    String page = browser.get("/console/notices/" + failedId).body();
    assertThat(page)
        .contains(
            "This notice was not delivered",
            "550 5.1.1",
            "Tried 3 time(s)",
            "The mail server refused this address",
            "/console/registry/people/" + personId);
    assertThat(browser.get("/console/notices?status=FAILED").body())
        .contains("/console/notices/" + failedId + "\"");
    String dashboard = browser.get("/console/").body();
    assertThat(dashboard).contains("/console/notices/" + failedId + "\"");
    assertThat(browser.get("/console/reviews/" + id).body())
        .contains("of this review&#39;s notices failed");
  }

  @Test
  void anUnknownNoticeIsAPageThatSaysSo() {
    ConsoleClient.Response missing = browser.get("/console/notices/999999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("no notice 999999999");
    assertThat(browser.get("/console/notices/999999999/email").status()).isEqualTo(404);
  }

  private String actionTokenMailedTo(String address) throws Exception {
    for (MimeMessage m : Arrays.asList(greenMail.getReceivedMessages()).reversed()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))) {
        Matcher link = ACTION_LINK.matcher(text(m));
        if (link.find()) {
          return link.group(1);
        }
      }
    }
    throw new AssertionError("no action link mailed to " + address);
  }

  private static String text(jakarta.mail.Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart mp) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        all.append(text(mp.getBodyPart(i))).append('\n');
      }
      return all.toString();
    }
    return "";
  }
}
