package org.revflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
 * The registry's pages: States with their permanent representative and focal points per review,
 * people, designations and their end, and the CSV imports with a preview that changes nothing.
 */
@RevFlowTest
class ConsoleRegistryPagesTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;
  @Autowired Throttles throttle;

  /**
   * A State under review for each test: review ids are per State, phase and year, and cancelled
   * ones stay.
   */
  private static final List<String> UNDER_REVIEW =
      List.of("BWA", "ZMB", "MWI", "LSO", "GHA", "SEN", "MLI", "NER");

  private static int next;

  private ConsoleClient browser;
  private String underReview;
  private String id;

  @BeforeEach
  void reviewAndSignIn() {
    throttle.forgetFailures();
    underReview = UNDER_REVIEW.get(next++ % UNDER_REVIEW.size());
    driver.permanentRepresentatives(underReview, "UZB", "MKD");
    id = driver.launch(underReview, 2, "UZB", "MKD");
    browser = new ConsoleClient(port);
    browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
  }

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  private List<Long> counts() {
    driver.time().settle();
    return List.of(
            "review_event",
            "review_step",
            "process_outbox",
            "registry_designation",
            "registry_person",
            "registry_permanent_rep",
            "notice")
        .stream()
        .map(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class))
        .toList();
  }

  @Test
  void statesShowTheirPermanentRepresentativeAndTheirFocalPointsPerReview() {
    String list =
        browser.get("/console/registry?q=" + underReview.toLowerCase(java.util.Locale.ROOT)).body();
    assertThat(list)
        .contains("pr@" + underReview.toLowerCase(java.util.Locale.ROOT) + ".example")
        .doesNotContain("Austria");
    driver.designateFocalPoint(driver.time().today(), id, "UZB");
    String state = browser.get("/console/registry/states/UZB").body();
    assertThat(state)
        .contains(
            "Uzbekistan",
            "pr@uzb.example",
            "id=\"state-reviews\"",
            "/console/reviews/" + id + "\"",
            "Focal point of UZB");
    assertThat(browser.get("/console/registry/states/QQQ").status()).isEqualTo(404);
  }

  @Test
  void aNewPermanentRepresentativeIsCheckedAndKeptInTheHistory() {
    browser.get("/console/registry/states/MKD");
    List<Long> before = counts();
    ConsoleClient.Response bad =
        browser.post(
            "/console/registry/states/MKD/permanent-representative",
            Map.of("name", "Ana Petrovska", "email", "not-an-address", "language", "en"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"pr-email-error\"", "invalid email");
    assertThat(counts()).isEqualTo(before);

    ConsoleClient.Response saved =
        browser.post(
            "/console/registry/states/MKD/permanent-representative",
            Map.of("name", "Ana Petrovska", "email", "ana@mfa.mkd.example", "language", "fr"));
    assertThat(saved.status()).isEqualTo(302);
    String page = browser.follow(saved).body();
    assertThat(page)
        .contains(
            "is the permanent representative of North Macedonia from now on",
            "ana@mfa.mkd.example",
            "pr@mkd.example");
    assertThat(
            jdbc.queryForObject(
                "SELECT r.created_by FROM registry_permanent_rep r JOIN registry_person p"
                    + " ON p.id = r.person_id WHERE p.email = 'ana@mfa.mkd.example'",
                String.class))
        .isEqualTo("secretariat");
    // Put back for the other tests.
    driver.permanentRepresentatives("MKD");
  }

  @Test
  void aPersonIsEditedOnlyWithValidDetails() {
    long personId =
        jdbc.queryForObject(
            "SELECT id FROM registry_person WHERE email = 'pr@uzb.example'", Long.class);
    assertThat(browser.get("/console/registry/people?email=PR@UZB.example").location())
        .endsWith("/console/registry/people/" + personId);
    browser.get("/console/registry/people/" + personId);
    List<Long> before = counts();
    ConsoleClient.Response bad =
        browser.post(
            "/console/registry/people/" + personId,
            Map.of(
                "name",
                "PR of UZB",
                "email",
                "pr@uzb.example",
                "language",
                "en",
                "timeZone",
                "Mars/Olympus"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"timeZone-error\"", "unknown time zone");
    assertThat(counts()).isEqualTo(before);
    ConsoleClient.Response ok =
        browser.post(
            "/console/registry/people/" + personId,
            Map.of(
                "name",
                "PR of UZB",
                "email",
                "pr@uzb.example",
                "language",
                "en",
                "timeZone",
                "Asia/Tashkent"));
    assertThat(ok.status()).isEqualTo(302);
    assertThat(browser.follow(ok).body()).contains("Saved", "Asia/Tashkent");
  }

  @Test
  void aDesignationEndsFromItsPageAndTheReviewIsTold() {
    driver.designateFocalPoint(driver.time().today(), id, "MKD");
    long designation =
        jdbc.queryForObject(
            "SELECT id FROM registry_designation WHERE review_id = ? AND state_code = 'MKD'"
                + " AND role = 'FOCAL_POINT' AND valid_to IS NULL",
            Long.class,
            id);
    String page = browser.get("/console/registry/reviews/" + id + "/designations").body();
    assertThat(page).contains("id=\"designation-" + designation + "\"", "fp@mkd.example", "NV/MKD");
    ConsoleClient.Response ended =
        browser.post(
            "/console/registry/designations/" + designation + "/end",
            Map.of("reviewId", id, "reference", "NV/MKD/99", "reason", "left the ministry"));
    assertThat(ended.status()).isEqualTo(302);
    driver.time().settle();
    assertThat(browser.follow(ended).body())
        .contains("Ended: Focal point of MKD", "left the ministry");
    assertThat(browser.get("/console/reviews/" + id).body())
        .contains("Focal point left without a successor");
    // Ending it again is refused on the page.
    ConsoleClient.Response again =
        browser.post(
            "/console/registry/designations/" + designation + "/end",
            Map.of("reviewId", id, "reference", "NV/MKD/100", "reason", "twice"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("has already ended");
  }

  @Test
  void anImportIsPreviewedWithoutChangingAnythingThenApplied() {
    browser.get("/console/registry/imports");
    String header = "review_id,state,role,name,email,language,note_verbale_ref,received_on\n";
    String today = driver.time().today().toString();
    byte[] bad =
        (header
                + id
                + ",UZB,FOCAL_POINT,Dilnoza K,dilnoza@mfa.uz.example,ru,NV/UZB/3,"
                + today
                + "\n"
                + id
                + ",QQQ,FOCAL_POINT,Nobody,nobody@example.org,en,NV/QQQ/1,"
                + today
                + "\n")
            .getBytes(StandardCharsets.UTF_8);
    List<Long> before = counts();
    ConsoleClient.Response refused =
        browser.postFile(
            "/console/registry/imports/designations/preview",
            Map.of(),
            "file",
            "designations.csv",
            bad);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("1 line(s) to fix", "Line 3:", "QQQ")
        .doesNotContain("id=\"confirm-import\"");
    assertThat(counts()).isEqualTo(before);

    byte[] good =
        (header
                + id
                + ",UZB,FOCAL_POINT,Dilnoza K,dilnoza@mfa.uz.example,ru,NV/UZB/3,"
                + today
                + "\n"
                + id
                + ",UZB,EXPERT,Timur A,timur@mfa.uz.example,ru,NV/UZB/3,"
                + today
                + "\n")
            .getBytes(StandardCharsets.UTF_8);
    ConsoleClient.Response preview =
        browser.postFile(
            "/console/registry/imports/designations/preview",
            Map.of(),
            "file",
            "designations.csv",
            good);
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body())
        .contains(
            "2 line(s) read; 2 would change something",
            "Dilnoza K &lt;dilnoza@mfa.uz.example&gt; designated focal point",
            "adds Timur A",
            "id=\"confirm-import\"");
    assertThat(counts()).isEqualTo(before);

    ConsoleClient.Response applied =
        browser.post(
            "/console/registry/imports/designations",
            Map.of("csv", new String(good, StandardCharsets.UTF_8)));
    assertThat(applied.status()).isEqualTo(302);
    assertThat(browser.follow(applied).body()).contains("Imported: 2 line(s) applied.");
    driver.time().settle();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM registry_designation WHERE review_id = ? AND state_code = 'UZB'"
                    + " AND valid_to IS NULL",
                Integer.class,
                id))
        .isEqualTo(2);
    assertThat(browser.get("/console/reviews/" + id).body())
        .contains("Dilnoza K", "dilnoza@mfa.uz.example");

    // The same file again: nothing would change.
    ConsoleClient.Response same =
        browser.postFile(
            "/console/registry/imports/designations/preview",
            Map.of(),
            "file",
            "designations.csv",
            good);
    assertThat(same.body()).contains("2 line(s) read; 0 would change something", "no change");
  }

  @Test
  void anInstrumentsImportShowsEachStateBeforeAndAfter() {
    browser.get("/console/registry/imports");
    byte[] csv =
        ("alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms\n"
                + underReview
                + ",yes,yes,no,no\n")
            .getBytes(StandardCharsets.UTF_8);
    List<Long> before = counts();
    String instrumentsBefore =
        jdbc.queryForObject(
            "SELECT CONCAT(party_convention, party_trafficking, party_smuggling,"
                + " party_firearms) FROM registry_state WHERE code = ?",
            String.class,
            underReview);
    ConsoleClient.Response preview =
        browser.postFile(
            "/console/registry/imports/instruments/preview",
            Map.of(),
            "file",
            "instruments.csv",
            csv);
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body()).contains(underReview + ": ");
    assertThat(counts()).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "SELECT CONCAT(party_convention, party_trafficking, party_smuggling, party_firearms)"
                    + " FROM registry_state WHERE code = ?",
                String.class,
                underReview))
        .isEqualTo(instrumentsBefore);
    ConsoleClient.Response nothing =
        browser.postFile(
            "/console/registry/imports/instruments/preview",
            Map.of(),
            "file",
            "instruments.csv",
            new byte[0]);
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(nothing.body()).contains("Choose a CSV file");
  }
}
