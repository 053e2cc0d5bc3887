package org.revflow.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.config.RevFlowProperties;
import org.revflow.review.Review;
import org.revflow.review.ReviewView;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.RulebookRegistry;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The multi-year workplan on the real engine: planned reviews launch themselves on their dates (the
 * next working day when the date is none), once; one without reviewing States waits for its draw
 * and the secretariat is told; the secretariat moves, cancels and launches early, with a reason; a
 * State's next phase launches on T0 + 24 months whether or not its current review is finished.
 */
@RevFlowTest
class WorkplanProcessTest {

  /** Just after the day's notices (09:00 Vienna) have gone out. */
  static final LocalTime AFTER_NOTICES = LocalTime.of(9, 30);

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;
  @Autowired DeadlinePlanner planner;
  @Autowired RulebookRegistry rulebooks;
  @Autowired RevFlowProperties properties;
  @Autowired com.icegreen.greenmail.util.GreenMail greenMail;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  // ------------------------------------------------------------------ bad input changes nothing

  @Test
  void aWorkplanWithAnyProblemIsRefusedWholeWithEveryProblemListedAndNothingChanges() {
    driver.permanentRepresentatives("GEO", "SRB", "BIH");
    String geo = driver.launch("GEO", 1, "SRB", "BIH");
    LocalDate today = driver.time().today();
    List<Long> before = counts();

    ResponseEntity<Map> refused =
        postJson(
            """
        {"plans": [
          {"state": "XXX", "phase": 2, "plannedOn": "%1$s"},
          {"state": "GEO", "phase": 1, "plannedOn": "%1$s"},
          {"state": "GEO", "phase": 2, "plannedOn": "%1$s"},
          {"state": "JAM", "phase": 3, "plannedOn": "%2$s"},
          {"state": "JAM", "phase": 2, "plannedOn": "%1$s"},
          {"state": "JAM", "phase": 2, "plannedOn": "%1$s"},
          {"state": "GUY", "phase": 1, "plannedOn": "%3$s"},
          {"state": "LKA", "phase": 1, "plannedOn": "%1$s", "reviewers": {"UNTOC": ["LKA", "MDV"]}}
        ]}"""
                .formatted(today.plusDays(100), today.plusDays(50), today.minusDays(1)));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) refused.getBody().get("title")).isEqualTo("Workplan refused");
    assertThat((List<String>) refused.getBody().get("problems"))
        .satisfiesExactlyInAnyOrder(
            p -> assertThat(p).startsWith("plan 1 ").contains("unknown State 'XXX'"),
            p ->
                assertThat(p)
                    .startsWith("plan 2 ")
                    .contains("phase 1 of GEO is already launched (" + geo + ")"),
            p -> assertThat(p).startsWith("plan 3 ").contains("phase 2 of GEO is already planned"),
            // Against plan 2 of the same batch, itself refused: still said, as the file says it.
            p -> assertThat(p).startsWith("plan 3 ").contains("would start before phase 1"),
            p ->
                assertThat(p)
                    .startsWith("plan 4 ")
                    .contains("phase 3 on " + today.plusDays(50) + " would start before phase 2"),
            p ->
                assertThat(p)
                    .startsWith("plan 6 ")
                    .contains("phase 2 of JAM is planned twice (plan 5)"),
            p -> assertThat(p).startsWith("plan 7 ").contains("lies in the past"),
            p -> assertThat(p).startsWith("plan 8 ").contains("LKA").contains("itself"));
    assertThat(counts()).as("rows written").isEqualTo(before);

    // The same refusal from a CSV file, by its line numbers; a line that does not parse is one more
    // problem.
    ResponseEntity<Map> csv =
        postCsv(
            """
        state,group,phase,planned_on,reviewers
        JAM,1,two,%1$s,
        JAM,1,2,2028-13-01,
        GUY,1,1,%1$s,UNTOC:BRB BHS
        GUY,4,1,%1$s,BOGUS:BRB
        """
                .formatted(today.plusDays(100)));
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat((List<String>) csv.getBody().get("problems"))
        .satisfiesExactly(
            p -> assertThat(p).startsWith("line 2: ").contains("phase 'two'"),
            p -> assertThat(p).startsWith("line 3: ").contains("planned_on '2028-13-01'"),
            p -> assertThat(p).startsWith("line 5: ").contains("unknown instrument 'BOGUS'"));
    assertThat(counts()).isEqualTo(before);

    // Bean validation answers before anything is read: a phase 5 is a 400.
    ResponseEntity<Map> phase5 =
        postJson(
            "{\"plans\":[{\"state\":\"JAM\",\"phase\":5,\"plannedOn\":\"%s\"}]}"
                .formatted(today.plusDays(100)));
    assertThat(phase5.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(counts()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ launches on the date

  @Test
  void plannedReviewsLaunchThemselvesOnTheirDatesOnceAndAWeekendDateMovesToTheNextWorkingDay() {
    driver.permanentRepresentatives("BGD", "BHS", "BLZ", "BRB", "ETH", "MOZ");
    LocalDate today = driver.time().today();
    LocalDate saturday =
        today.plusDays(10).with(TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
    LocalDate weekday = sendingDay(today.plusDays(40));
    ResponseEntity<List> loaded =
        postCsv(
            List.class,
            """
        state,group,phase,planned_on,reviewers
        BGD,2,1,%s,UNTOC:BHS BLZ
        BRB,2,1,%s,UNTOC:ETH MOZ
        """
                .formatted(saturday, weekday));
    assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String bgd = "BGD-P1-" + saturday.getYear();
    String brb = "BRB-P1-" + weekday.getYear();
    assertThat(http.getForObject("/api/workplan?state=BGD", List.class))
        .singleElement()
        .satisfies(
            r ->
                assertThat((Map<String, Object>) r)
                    .containsEntry("id", bgd)
                    .containsEntry("status", "PLANNED")
                    .containsEntry("plannedOn", saturday.toString())
                    .containsEntry("group", 2));

    LocalDate monday = sendingDay(saturday);
    assertThat(monday).isAfter(saturday);
    driver.time().walkTo(monday.minusDays(1), AFTER_NOTICES);
    assertThat(driver.review(bgd).status()).isEqualTo(Review.Status.PLANNED.name());
    assertThat(driver.notices(bgd)).isEmpty();

    driver.time().walkTo(monday, AFTER_NOTICES);
    ReviewView launched = driver.review(bgd);
    assertThat(launched.status()).isEqualTo(Review.Status.ACTIVE.name());
    assertThat(launched.launchDate()).isEqualTo(monday);
    assertThat(launched.plannedOn()).isEqualTo(saturday);
    String cc = " cc " + properties.secretariatEmail();
    assertThat(driver.notices(bgd))
        .filteredOn(l -> l.contains("REVIEW_LAUNCHED"))
        .containsExactlyInAnyOrder(
            monday + " REVIEW_LAUNCHED - BGD -> pr@bgd.example" + cc,
            monday + " REVIEW_LAUNCHED - BHS -> pr@bhs.example" + cc,
            monday + " REVIEW_LAUNCHED - BLZ -> pr@blz.example" + cc);
    assertThat(
            jdbc.queryForList(
                "SELECT recorded_by FROM review_event WHERE review_id = ? AND type = 'REVIEW_LAUNCHED'",
                String.class,
                bgd))
        .containsExactly("engine");

    driver.time().walkTo(weekday.plusDays(3), AFTER_NOTICES);
    assertThat(driver.review(brb).launchDate()).isEqualTo(weekday);
    assertThat(driver.notices(brb)).filteredOn(l -> l.contains("REVIEW_LAUNCHED")).hasSize(3);
    assertThat(driver.notices(bgd))
        .as("launched once")
        .filteredOn(l -> l.contains("REVIEW_LAUNCHED"))
        .hasSize(3);
    // Its next phase is in the workplan from the day it launched.
    assertThat(http.getForObject("/api/workplan?state=BGD&phase=2", List.class))
        .singleElement()
        .satisfies(
            r ->
                assertThat((Map<String, Object>) r)
                    .containsEntry("plannedOn", monday.plusMonths(24).toString())
                    .containsEntry("previousReviewId", bgd));
  }

  @Test
  void
      aPlannedReviewWithoutReviewingStatesWaitsForItsDrawAndTheSecretariatIsToldAheadAndOnTheDay() {
    driver.permanentRepresentatives("MUS", "MWI", "NPL");
    LocalDate today = driver.time().today();
    LocalDate date = today.plusDays(45);
    assertThat(
            load("{\"plans\":[{\"state\":\"MUS\",\"phase\":1,\"plannedOn\":\"" + date + "\"}]}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    String id = "MUS-P1-" + date.getYear();
    LocalDate ahead = sendingDay(date.minusDays(30));
    LocalDate onTheDay = sendingDay(date);
    String secretariat = properties.secretariatEmail();

    driver.time().walkTo(ahead, AFTER_NOTICES);
    assertThat(driver.notices(id)).containsExactly(ahead + " DRAW_NEEDED - - -> " + secretariat);
    assertThat(driver.review(id).status()).isEqualTo("PLANNED");

    driver.time().walkTo(onTheDay.plusDays(5), AFTER_NOTICES);
    assertThat(driver.notices(id))
        .containsExactly(
            ahead + " DRAW_NEEDED - - -> " + secretariat,
            onTheDay + " DRAW_NEEDED - - -> " + secretariat);
    assertThat(driver.review(id).status()).isEqualTo("WAITING_FOR_DRAW");
    assertThat(http.getForObject("/api/workplan?state=MUS", List.class))
        .singleElement()
        .satisfies(
            r -> assertThat((Map<String, Object>) r).containsEntry("status", "WAITING_FOR_DRAW"));

    // The draw recorded: T0 is that day.
    driver.time().walkTo(driver.time().today().plusDays(1), ReviewDriver.EVENT_TIME);
    LocalDate drawDay = driver.time().today();
    ResponseEntity<Map> drawn =
        postJson(
            "/api/workplan/" + id + "/draw",
            "{\"reviewers\":{\"UNTOC\":[\"MWI\",\"NPL\"]},\"reference\":\"Draw of lots, 12 March\"}");
    assertThat(drawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.time().settle();
    ReviewView review = driver.review(id);
    assertThat(review.status()).isEqualTo("ACTIVE");
    assertThat(review.launchDate()).isEqualTo(drawDay);
    String cc = " cc " + secretariat;
    assertThat(driver.notices(id))
        .filteredOn(l -> l.contains("REVIEW_LAUNCHED"))
        .containsExactlyInAnyOrder(
            drawDay + " REVIEW_LAUNCHED - MUS -> pr@mus.example" + cc,
            drawDay + " REVIEW_LAUNCHED - MWI -> pr@mwi.example" + cc,
            drawDay + " REVIEW_LAUNCHED - NPL -> pr@npl.example" + cc);
    assertThat(
            jdbc.queryForObject(
                "SELECT recorded_by FROM review_event WHERE review_id = ? AND type = 'REVIEWERS_DRAWN'",
                String.class,
                id))
        .isEqualTo("secretariat");
  }

  @Test
  void theSecretariatMovesCancelsAndLaunchesEarlyWithAReasonAndTheEngineFollows() {
    driver.permanentRepresentatives("FSM", "TTO", "UGA", "GNB", "SLE", "GRD", "MHL", "DMA", "KNA");
    LocalDate today = driver.time().today();
    LocalDate date = today.plusDays(30);
    assertThat(
            load("""
        {"plans": [
          {"state": "FSM", "phase": 1, "plannedOn": "%1$s", "reviewers": {"UNTOC": ["TTO", "UGA"]}},
          {"state": "GNB", "phase": 1, "plannedOn": "%1$s", "reviewers": {"UNTOC": ["SLE", "GRD"]}},
          {"state": "MHL", "phase": 1, "plannedOn": "%1$s", "reviewers": {"UNTOC": ["DMA", "KNA"]}}
        ]}"""
                    .formatted(date))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    String phl = "FSM-P1-" + date.getYear();
    String zwe = "GNB-P1-" + date.getYear();
    String lbr = "MHL-P1-" + date.getYear();
    List<Long> before = counts();

    ResponseEntity<Map> noReason =
        postJson("/api/workplan/" + phl + "/move", "{\"plannedOn\":\"" + date.plusDays(30) + "\"}");
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) noReason.getBody().get("detail")).contains("reason");
    assertThat(
            postJson(
                    "/api/workplan/" + phl + "/move",
                    "{\"plannedOn\":\"" + today.minusDays(1) + "\",\"reason\":\"x\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(counts()).isEqualTo(before);

    LocalDate later = sendingDay(date.plusDays(30));
    ResponseEntity<Map> moved =
        postJson(
            "/api/workplan/" + phl + "/move",
            "{\"plannedOn\":\"" + later + "\",\"reason\":\"NV/2027/88: elections\"}");
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(moved.getBody())
        .containsEntry("id", phl)
        .containsEntry("plannedOn", later.toString());
    assertThat(
            jdbc.queryForMap(
                "SELECT recorded_by, details FROM review_event WHERE review_id = ? AND type = 'PLAN_MOVED'",
                phl))
        .containsEntry("recorded_by", "secretariat")
        .hasEntrySatisfying(
            "details", n -> assertThat((String) n).contains("NV/2027/88", "previous=" + date));

    assertThat(
            postJson("/api/workplan/" + zwe + "/cancel", "{\"reason\":\"decision of the group\"}")
                .getBody())
        .containsEntry("status", "CANCELLED");
    assertThat(
            postJson(
                    "/api/workplan/" + zwe + "/move",
                    "{\"plannedOn\":\"" + later + "\",\"reason\":\"x\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    ResponseEntity<Map> early =
        postJson(
            "/api/workplan/" + lbr + "/launch", "{\"reason\":\"the State asked to start now\"}");
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(early.getBody())
        .containsEntry("status", "ACTIVE")
        .containsEntry("launchDate", today.toString());
    driver.time().settle();
    assertThat(driver.notices(lbr)).filteredOn(l -> l.contains("REVIEW_LAUNCHED")).hasSize(3);

    driver.time().walkTo(sendingDay(date).plusDays(1), AFTER_NOTICES);
    assertThat(driver.review(phl).status())
        .as("moved: not launched on its old date")
        .isEqualTo("PLANNED");
    assertThat(driver.notices(phl)).isEmpty();
    assertThat(driver.review(zwe).status()).isEqualTo("CANCELLED");
    assertThat(driver.notices(zwe)).isEmpty();
    assertThat(driver.notices(lbr))
        .as("launched once, early")
        .filteredOn(l -> l.contains("REVIEW_LAUNCHED"))
        .hasSize(3);

    driver.time().walkTo(later, AFTER_NOTICES);
    assertThat(driver.review(phl).status()).isEqualTo("ACTIVE");
    assertThat(driver.review(phl).launchDate()).isEqualTo(later);
    assertThat(driver.notices(phl)).filteredOn(l -> l.contains("REVIEW_LAUNCHED")).hasSize(3);
  }

  // ------------------------------------------------------------------ the next phase

  @Test
  void
      aLateReviewsNextPhaseLaunchesOnT0Plus24MonthsWhileTheLateReviewGoesOnWithItsDesignationsCarriedOver() {
    driver.permanentRepresentatives("ATG", "LCA", "VCT");
    String first = driver.launch("ATG", 1, "LCA", "VCT");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0.plusDays(3), first, "ATG");
    LocalDate planned = t0.plusMonths(24);
    String next = "ATG-P2-" + planned.getYear();
    assertThat(http.getForObject("/api/workplan?state=ATG", List.class))
        .singleElement()
        .satisfies(
            r ->
                assertThat((Map<String, Object>) r)
                    .containsEntry("id", next)
                    .containsEntry("status", "PLANNED")
                    .containsEntry("plannedOn", planned.toString())
                    .containsEntry("previousReviewId", first));

    // The first review stalls in its self-assessment: nothing more is recorded for two years.
    LocalDate launchDay = sendingDay(planned);
    driver.time().walkTo(launchDay, AFTER_NOTICES);

    ReviewView late = driver.review(first);
    assertThat(late.status()).isEqualTo("ACTIVE");
    assertThat(late.openSteps()).extracting(s -> s.step().name()).contains("SAQ");
    ReviewView second = driver.review(next);
    assertThat(second.status()).isEqualTo("ACTIVE");
    assertThat(second.launchDate()).isEqualTo(launchDay);
    // The focal point of phase 1 stays in place: the launch notice goes to it too (with the
    // permanent
    // representative, as every launch notice) and asks to confirm or replace it.
    String cc = " cc " + properties.secretariatEmail();
    assertThat(driver.notices(next))
        .filteredOn(l -> l.contains("REVIEW_LAUNCHED"))
        .containsExactlyInAnyOrder(
            launchDay + " REVIEW_LAUNCHED - ATG -> fp@atg.example" + cc,
            launchDay + " REVIEW_LAUNCHED - ATG -> pr@atg.example" + cc,
            launchDay + " REVIEW_LAUNCHED - LCA -> pr@lca.example" + cc,
            launchDay + " REVIEW_LAUNCHED - VCT -> pr@vct.example" + cc);
    assertThat(greenMail.getReceivedMessages())
        .as("the email to ATG's focal point")
        .anySatisfy(
            m -> {
              assertThat(m.getAllRecipients()[0].toString()).endsWith("<fp@atg.example>");
              assertThat(m.getSubject()).contains(next);
              assertThat(org.revflow.testsupport.MailText.of(m).replaceAll("\\s+", " "))
                  .contains("remain in place for this one");
            });
    assertThat(second.actingFocalPoints())
        .filteredOn(f -> f.state().equals("ATG"))
        .singleElement()
        .satisfies(f -> assertThat(f.interim()).isFalse());

    // Both go on, each with its own ladders; the carried-over focal point triggers no interim.
    int lateNotices = driver.notices(first).size();
    driver.time().walkTo(launchDay.plusDays(40), AFTER_NOTICES);
    assertThat(driver.notices(first)).hasSizeGreaterThan(lateNotices);
    assertThat(driver.notices(next))
        .filteredOn(l -> l.contains("INTERIM_FOCAL_POINT_IN_FORCE"))
        .extracting(l -> l.split(" ")[3])
        .containsExactlyInAnyOrder("LCA", "VCT");
  }

  // ------------------------------------------------------------------ helpers

  private LocalDate sendingDay(LocalDate day) {
    return planner.sendingDay(rulebooks.defaultRulebook(), day);
  }

  private List<Long> counts() {
    return List.of("review", "review_participant", "review_event", "review_step", "process_outbox")
        .stream()
        .map(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class))
        .toList();
  }

  private ResponseEntity<List> load(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/workplan", new HttpEntity<>(json, headers), List.class);
  }

  private ResponseEntity<Map> postJson(String json) {
    return postJson("/api/workplan", json);
  }

  private ResponseEntity<Map> postJson(String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(path, new HttpEntity<>(json, headers), Map.class);
  }

  private ResponseEntity<Map> postCsv(String csv) {
    return postCsv(Map.class, csv);
  }

  private <T> ResponseEntity<T> postCsv(Class<T> type, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    return http.postForEntity("/api/workplan", new HttpEntity<>(csv, headers), type);
  }
}
