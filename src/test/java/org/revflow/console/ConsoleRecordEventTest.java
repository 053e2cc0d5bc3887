package org.revflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
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

/**
 * Recording an event from the pages: every refusal (a missing field, an unknown State, an event the
 * review cannot accept now, a date in the future, a missing or forged CSRF token, an ended session)
 * is said on a page and changes nothing; a recorded event shows what happens next and who recorded
 * it.
 */
@RevFlowTest
class ConsoleRecordEventTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;
  @Autowired Throttles throttle;

  private ConsoleClient browser;
  private String id;

  @BeforeEach
  void signIn() {
    throttle.forgetFailures();
    browser = new ConsoleClient(port);
    assertThat(browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD).location())
        .endsWith("/console/");
  }

  /** A review of its own for each test (ids are per State, phase and year). */
  private void launch(String underReview) {
    driver.permanentRepresentatives(underReview, "SRB", "BIH");
    id = driver.launch(underReview, 3, "SRB", "BIH");
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
            "registry_person",
            "notice")
        .stream()
        .map(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class))
        .toList();
  }

  private ConsoleClient.Response record(String... fieldsAndValues) {
    browser.get("/console/reviews/" + id + "/events/new");
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      form.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return browser.post("/console/reviews/" + id + "/events", form);
  }

  @Test
  void everyEventTypeHasAFormWithALabelForEachField() {
    launch("MDA");
    for (String type :
        List.of(
            "FOCAL_POINT_DESIGNATED",
            "FOCAL_POINT_ENDED",
            "EXPERTS_DESIGNATED",
            "SAQ_CLEARED",
            "FEEDBACK_CLEARED",
            "CLARIFICATION_REQUESTED",
            "CHANGES_REQUESTED",
            "DEADLINE_EXTENDED",
            "REVIEWER_REPLACED",
            "INTERIM_ROLE_ACKNOWLEDGED",
            "REVIEW_ON_HOLD")) {
      String page = browser.get("/console/reviews/" + id + "/events/new?type=" + type).body();
      assertThat(page)
          .as(type)
          .contains(
              "id=\"event-form\"",
              "name=\"type\" value=\"" + type + "\"",
              "<label for=\"reference\"",
              "<label for=\"on\"");
      java.util.regex.Matcher controls =
          java.util.regex.Pattern.compile("<(?:input|select|textarea)[^>]*\\bid=\"([^\"]+)\"")
              .matcher(page);
      while (controls.find()) {
        assertThat(page)
            .as(type + ": a label for " + controls.group(1))
            .contains("for=\"" + controls.group(1) + "\"");
      }
    }
    // With htmx, choosing a type brings its fields only.
    ConsoleClient.Response part =
        browser.getHtmx("/console/reviews/" + id + "/events/new?type=DEADLINE_EXTENDED");
    assertThat(part.body())
        .contains("id=\"fields\"", "<label for=\"newDue\"")
        .doesNotContain("<html");
  }

  @Test
  void refusalsAreSaidNextToTheirFieldAndChangeNothing() {
    launch("TKM");
    List<Long> before = counts();

    ConsoleClient.Response noEmail =
        record(
            "type",
            "FOCAL_POINT_DESIGNATED",
            "state",
            "TKM",
            "personName",
            "Arta Hoxha",
            "personLanguage",
            "en",
            "reference",
            "NV/ALB/1");
    assertThat(noEmail.status()).isEqualTo(400);
    assertThat(noEmail.body())
        .contains(
            "id=\"person-email-error\"",
            "must not be null",
            "value=\"Arta Hoxha\"",
            "value=\"NV/ALB/1\"");

    ConsoleClient.Response noState = record("type", "FEEDBACK_CLEARED");
    assertThat(noState.status()).isEqualTo(400);
    assertThat(noState.body())
        .contains("id=\"state-error\"", "needs the reviewing &#39;state&#39;");

    ConsoleClient.Response notInReview = record("type", "FEEDBACK_CLEARED", "state", "XYZ");
    assertThat(notInReview.status()).isEqualTo(409);
    assertThat(notInReview.body())
        .contains("id=\"state-error\"", "XYZ is not a reviewing State of review " + id);

    ConsoleClient.Response unknownState =
        record(
            "type",
            "REVIEWER_REPLACED",
            "instrument",
            "UNTOC",
            "oldState",
            "SRB",
            "newState",
            "QQQ",
            "reason",
            "withdrew");
    assertThat(unknownState.status()).isEqualTo(404);
    assertThat(unknownState.body())
        .contains("id=\"newState-error\"", "unknown State &#39;QQQ&#39;");

    ConsoleClient.Response notNow = record("type", "OBSERVATIONS_AGREED");
    assertThat(notNow.status()).isEqualTo(409);
    assertThat(notNow.body()).contains("id=\"event-error\"", "is not open");

    ConsoleClient.Response future =
        record("type", "SAQ_CLEARED", "on", driver.time().today().plusDays(3).toString());
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("id=\"on-error\"", "lies in the future");

    ConsoleClient.Response stray =
        record("type", "SAQ_CLEARED", "newDue", driver.time().today().plusDays(30).toString());
    assertThat(stray.status()).isEqualTo(400);
    assertThat(stray.body()).contains("SAQ_CLEARED does not take newDue");

    ConsoleClient.Response notAType = record("type", "REVIEW_LAUNCHED");
    assertThat(notAType.status()).isEqualTo(400);
    assertThat(notAType.body())
        .contains("id=\"type-error\"", "is not an event that can be recorded here");

    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aFormWithoutThisSessionsTokenOrFromAnEndedSessionChangesNothing() {
    launch("AZE");
    List<Long> before = counts();
    browser.get("/console/reviews/" + id + "/events/new?type=SAQ_CLEARED");

    ConsoleClient.Response missing =
        browser.postRaw("/console/reviews/" + id + "/events", Map.of("type", "SAQ_CLEARED"));
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.body()).contains("This form could not be accepted", "Nothing was changed");

    ConsoleClient.Response forged =
        browser.postRaw(
            "/console/reviews/" + id + "/events",
            Map.of(
                "type",
                "SAQ_CLEARED",
                "_csrf",
                Base64.getUrlEncoder().encodeToString(new byte[48])));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("This form could not be accepted");

    ConsoleClient.Response garbled =
        browser.postRaw(
            "/console/reviews/" + id + "/events",
            Map.of("type", "SAQ_CLEARED", "_csrf", "%%not base64%%"));
    assertThat(garbled.status()).isEqualTo(403);

    // Another session's token is no better: a second browser signs in and lends its token.
    ConsoleClient other = new ConsoleClient(port);
    other.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
    other.get("/console/reviews/" + id + "/events/new?type=SAQ_CLEARED");
    ConsoleClient.Response lent =
        browser.postRaw(
            "/console/reviews/" + id + "/events",
            Map.of("type", "SAQ_CLEARED", "_csrf", other.csrf()));
    assertThat(lent.status()).isEqualTo(403);

    // The session ends on the server (its idle time passed) while the form is open.
    browser.get("/console/reviews/" + id + "/events/new?type=SAQ_CLEARED");
    String sessionId =
        new String(
            Base64.getDecoder().decode(browser.cookie("REVFLOW_SESSION")), StandardCharsets.UTF_8);
    assertThat(
            jdbc.update(
                "UPDATE CONSOLE_SESSION SET LAST_ACCESS_TIME = LAST_ACCESS_TIME - 86400000,"
                    + " EXPIRY_TIME = EXPIRY_TIME - 86400000 WHERE SESSION_ID = ?",
                sessionId))
        .isEqualTo(1);
    ConsoleClient.Response expired =
        browser.post("/console/reviews/" + id + "/events", Map.of("type", "SAQ_CLEARED"));
    assertThat(expired.status()).isEqualTo(302);
    assertThat(expired.location()).contains("/console/login?expired");
    assertThat(browser.follow(expired).body())
        .contains("Your session had ended", "nothing was changed");

    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aRecordedEventShowsWhatHappensNextAndWhoRecordedIt() {
    launch("ALB");
    ConsoleClient.Response designated =
        record(
            "type",
            "FOCAL_POINT_DESIGNATED",
            "state",
            "ALB",
            "personName",
            "Arta Hoxha",
            "personEmail",
            "arta@mfa.alb.example",
            "personLanguage",
            "fr",
            "reference",
            "NV/ALB/7");
    assertThat(designated.status()).isEqualTo(302);
    assertThat(designated.location()).matches(".*/console/reviews/" + id + "/events/\\d+");
    driver.time().settle();
    ConsoleClient.Response page = browser.follow(designated);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Recorded: Focal point designated",
            "by secretariat",
            "Note verbale: NV/ALB/7",
            "What happens next",
            "id=\"next-steps\"");
    assertThat(
            jdbc.queryForObject(
                "SELECT recorded_by FROM review_event WHERE review_id = ? AND type = 'FOCAL_POINT_DESIGNATED'",
                String.class,
                id))
        .isEqualTo("secretariat");

    ConsoleClient.Response cleared = record("type", "SAQ_CLEARED", "reference", "NV/ALB/8");
    assertThat(cleared.status()).isEqualTo(302);
    driver.time().settle();
    assertThat(browser.follow(cleared).body())
        .contains("Recorded: Self-assessment questionnaire cleared");
    // The process moved on: feedback is open for both reviewing States, and the review's page says
    // so.
    String review = browser.get("/console/reviews/" + id).body();
    assertThat(review)
        .contains(
            "Arta Hoxha",
            "arta@mfa.alb.example",
            "Self-assessment questionnaire cleared",
            "NV/ALB/8");
    assertThat(
            review.substring(
                review.indexOf("id=\"open-steps\""), review.indexOf("id=\"acting-heading\"")))
        .contains("Written feedback")
        .doesNotContain("Self-assessment questionnaire");

    // The same event again: the review refuses it, nothing changes.
    List<Long> before = counts();
    ConsoleClient.Response again = record("type", "SAQ_CLEARED");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("id=\"event-error\"", "step SAQ for ALB is not open");
    assertThat(counts()).isEqualTo(before);
  }
}
