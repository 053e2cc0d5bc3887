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
 * Every form of the pages, not only the event form ({@link ConsoleRecordEventTest}): sent without
 * this session's CSRF token, with a forged one, or after the session ended, it is refused with a
 * readable page and changes nothing in the database.
 */
@RevFlowTest
class ConsoleFormGuardsTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;
  @Autowired Throttles throttle;

  /**
   * A State under review for each test: review ids are per State, phase and year, and cancelled
   * ones stay.
   */
  private static final List<String> UNDER_REVIEW = List.of("KGZ", "MNG", "NPL", "LAO", "KHM");

  private static int next;

  private ConsoleClient browser;
  private Map<String, Map<String, String>> forms;

  @BeforeEach
  void reviewAndSignIn() {
    throttle.forgetFailures();
    String underReview = UNDER_REVIEW.get(next++ % UNDER_REVIEW.size());
    driver.permanentRepresentatives(underReview, "UZB", "MKD");
    String launched = driver.launch(underReview, 2, "UZB", "MKD");
    String planned =
        jdbc.queryForObject(
            "SELECT id FROM review WHERE previous_review_id = ?", String.class, launched);
    long pr =
        jdbc.queryForObject(
            "SELECT id FROM registry_person WHERE email = 'pr@uzb.example'", Long.class);
    driver.designateFocalPoint(driver.time().today(), launched, "MKD");
    long designation =
        jdbc.queryForObject(
            "SELECT id FROM registry_designation WHERE review_id = ?"
                + " AND state_code = 'MKD' AND role = 'FOCAL_POINT' AND valid_to IS NULL",
            Long.class,
            launched);
    String csv =
        "review_id,state,role,name,email,language,note_verbale_ref,received_on\n"
            + launched
            + ",UZB,FOCAL_POINT,Dilnoza K,dilnoza@mfa.uz.example,ru,NV/UZB/3,"
            + driver.time().today()
            + "\n";

    // Each form of the pages with what would change something if it were accepted.
    forms = new LinkedHashMap<>();
    forms.put("/console/reviews", Map.of("underReview", "TJK", "phase", "1", "untoc", "UZB MKD"));
    forms.put(
        "/console/reviews/" + launched + "/events",
        Map.of(
            "type",
            "FOCAL_POINT_DESIGNATED",
            "state",
            "UZB",
            "personName",
            "Dilnoza K",
            "personEmail",
            "dilnoza@mfa.uz.example",
            "personLanguage",
            "ru"));
    forms.put(
        "/console/workplan/" + planned + "/move",
        Map.of("plannedOn", driver.time().today().plusYears(3).toString(), "reason", "NV/KGZ/1"));
    forms.put("/console/workplan/" + planned + "/cancel", Map.of("reason", "NV/KGZ/2"));
    forms.put("/console/workplan/" + planned + "/launch", Map.of("reason", "NV/KGZ/3"));
    forms.put(
        "/console/workplan/" + planned + "/draw",
        Map.of("untoc", "UZB MKD", "reference", "NV/KGZ/4"));
    forms.put(
        "/console/registry/states/UZB/permanent-representative",
        Map.of("name", "Aziz R", "email", "aziz@mfa.uz.example", "language", "ru"));
    forms.put(
        "/console/registry/people/" + pr,
        Map.of("name", "Someone Else", "email", "pr@uzb.example", "language", "fr"));
    forms.put(
        "/console/registry/designations/" + designation + "/end",
        Map.of("reviewId", launched, "reference", "NV/MKD/9", "reason", "left"));
    forms.put("/console/registry/imports/designations", Map.of("csv", csv));
    forms.put(
        "/console/registry/imports/instruments",
        Map.of(
            "csv",
            "alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms\nUZB,no,no,no,no\n"));

    browser = new ConsoleClient(port);
    browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
  }

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  /** Everything a form of the pages can change. */
  private List<Object> database() {
    driver.time().settle();
    List<Object> all =
        new java.util.ArrayList<>(
            List.of(
                    "review",
                    "review_participant",
                    "review_event",
                    "review_step",
                    "process_outbox",
                    "registry_designation",
                    "registry_person",
                    "registry_permanent_rep",
                    "notice")
                .stream()
                .map(t -> (Object) jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class))
                .toList());
    all.add(
        jdbc.queryForList(
            "SELECT CONCAT(id, status, launch_date) FROM review ORDER BY id", String.class));
    all.add(
        jdbc.queryForList(
            "SELECT CONCAT(id, name, email, language) FROM registry_person ORDER BY id",
            String.class));
    all.add(
        jdbc.queryForList(
            "SELECT CONCAT(id, COALESCE(valid_to, '-')) FROM registry_designation ORDER BY id",
            String.class));
    all.add(
        jdbc.queryForList(
            "SELECT CONCAT(code, party_convention, party_trafficking, party_smuggling, party_firearms)"
                + " FROM registry_state ORDER BY code",
            String.class));
    return all;
  }

  @Test
  void everyFormWithoutItsTokenOrWithAForgedOneIsRefusedAndChangesNothing() {
    browser.get("/console/");
    List<Object> before = database();
    for (var form : forms.entrySet()) {
      ConsoleClient.Response missing = browser.postRaw(form.getKey(), form.getValue());
      assertThat(missing.status()).as("no token: " + form.getKey()).isEqualTo(403);
      assertThat(missing.body())
          .as(form.getKey())
          .contains("This form could not be accepted", "Nothing was changed");

      Map<String, String> forged = new LinkedHashMap<>(form.getValue());
      forged.put("_csrf", Base64.getUrlEncoder().encodeToString(new byte[48]));
      ConsoleClient.Response refused = browser.postRaw(form.getKey(), forged);
      assertThat(refused.status()).as("forged token: " + form.getKey()).isEqualTo(403);
    }
    assertThat(database()).isEqualTo(before);
  }

  @Test
  void everyFormSentAfterTheSessionEndedLeadsToTheSignInPageAndChangesNothing() {
    List<Object> before = database();
    for (var form : forms.entrySet()) {
      ConsoleClient officer = new ConsoleClient(port);
      officer.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
      officer.get("/console/");
      String sessionId =
          new String(
              Base64.getDecoder().decode(officer.cookie("REVFLOW_SESSION")),
              StandardCharsets.UTF_8);
      // The session's idle time passed on the server while the form was open.
      assertThat(
              jdbc.update(
                  "UPDATE CONSOLE_SESSION SET LAST_ACCESS_TIME = LAST_ACCESS_TIME - 86400000,"
                      + " EXPIRY_TIME = EXPIRY_TIME - 86400000 WHERE SESSION_ID = ?",
                  sessionId))
          .isEqualTo(1);
      ConsoleClient.Response expired = officer.post(form.getKey(), form.getValue());
      assertThat(expired.status()).as(form.getKey()).isEqualTo(302);
      assertThat(expired.location()).as(form.getKey()).contains("/console/login?expired");
      assertThat(officer.follow(expired).body())
          .as(form.getKey())
          .contains("Your session had ended", "nothing was changed");
    }
    assertThat(database()).isEqualTo(before);
  }

  @Test
  void anUnknownStateInTheDrawIsSaidAtItsFieldAndChangesNothing() {
    String draw =
        forms.keySet().stream().filter(p -> p.endsWith("/draw")).findFirst().orElseThrow();
    browser.get(draw.replace("/draw", ""));
    List<Object> before = database();
    ConsoleClient.Response unknown =
        browser.post(draw, Map.of("untoc", "UZB QQQ", "reference", "NV/KGZ/5"));
    assertThat(unknown.status()).isBetween(400, 404);
    assertThat(unknown.body()).contains("id=\"draw-untoc-error\"", "QQQ");
    ConsoleClient.Response none = browser.post(draw, Map.of("reference", "NV/KGZ/6"));
    assertThat(none.status()).isBetween(400, 422);
    assertThat(none.body()).contains("id=\"draw-untoc-error\"");
    assertThat(database()).isEqualTo(before);
  }
}
