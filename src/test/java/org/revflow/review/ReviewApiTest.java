package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.ExpectedNotices;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.TestRulebookDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The secretariat's API: what it answers, and that a refused request changes nothing. */
@RevFlowTest
class ReviewApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;

  @org.junit.jupiter.api.AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  private ResponseEntity<Map> post(String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(path, new HttpEntity<>(json, headers), Map.class);
  }

  private List<Long> counts() {
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

  @Test
  void launchAndReadAReview() {
    driver.permanentRepresentatives("SGP", "MYS", "IDN");
    // 08:00 on the next day, before that day's 09:00 notices, as ReviewDriver.launch does.
    driver.time().walkTo(driver.time().today().plusDays(1), ReviewDriver.EVENT_TIME);
    LocalDate t0 = driver.time().today();
    ResponseEntity<Map> created =
        post(
            "/api/reviews",
            "{\"underReview\":\"SGP\",\"phase\":2,"
                + "\"rulebook\":\""
                + TestRulebookDirectory.CALENDAR_DAYS
                + "\",\"reviewers\":{\"UNTOC\":[\"MYS\",\"IDN\"]}}");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = "SGP-P2-" + t0.getYear();
    assertThat(created.getBody())
        .containsEntry("id", id)
        .containsEntry("launchDate", t0.toString());
    assertThat(created.getHeaders().getLocation()).hasToString("/api/reviews/" + id);
    driver.time().settle();

    @SuppressWarnings("unchecked")
    Map<String, Object> review = http.getForObject("/api/reviews/" + id, Map.class);
    assertThat(review)
        .containsEntry("id", id)
        .containsEntry("underReview", "SGP")
        .containsEntry("phase", 2)
        .containsEntry("launchDate", t0.toString())
        .containsEntry("status", "ACTIVE")
        .doesNotContainKey("onHoldSince");
    assertThat(review.get("rulebookVersion"))
        .asString()
        .startsWith(TestRulebookDirectory.CALENDAR_DAYS + "@");
    assertThat(rows(review, "history", "type", "on", "recordedBy"))
        .containsExactly("REVIEW_LAUNCHED " + t0 + " secretariat");
    assertThat(review.get("processInstanceKey")).isInstanceOf(Number.class);
    assertThat(
            rows(
                review,
                "participants",
                "state",
                "role",
                "instrument",
                "active",
                "joinedOn",
                "leftOn"))
        .containsExactlyInAnyOrder(
            "SGP UNDER_REVIEW null true " + t0 + " null",
            "MYS REVIEWER UNTOC true " + t0 + " null",
            "IDN REVIEWER UNTOC true " + t0 + " null");
    // The calendar-days rulebook: FOCAL_POINT T0 + 2 weeks, EXPERTS T0 + 4 weeks,
    // PRELIMINARY_CONSULTATION
    // T0 + 1 month (the secretariat's, no State), SAQ T0 + 6 months (the reviewed State's).
    String fp = t0 + " " + t0.plusWeeks(2) + " " + t0.plusWeeks(2) + " 0 0 false";
    String ex = t0 + " " + t0.plusWeeks(4) + " " + t0.plusWeeks(4) + " 0 0 false";
    assertThat(
            rows(
                review,
                "openSteps",
                "step",
                "state",
                "round",
                "startedOn",
                "due",
                "originalDue",
                "deadlineRevision",
                "daysOverdue",
                "paused"))
        .containsExactlyInAnyOrder(
            "FOCAL_POINT SGP 1 " + fp,
            "FOCAL_POINT MYS 1 " + fp,
            "FOCAL_POINT IDN 1 " + fp,
            "EXPERTS SGP 1 " + ex,
            "EXPERTS MYS 1 " + ex,
            "EXPERTS IDN 1 " + ex,
            "PRELIMINARY_CONSULTATION null 1 "
                + t0
                + " "
                + t0.plusMonths(1)
                + " "
                + t0.plusMonths(1)
                + " 0 0 false",
            "SAQ SGP 1 " + t0 + " " + t0.plusMonths(6) + " " + t0.plusMonths(6) + " 0 0 false");
    assertThat((List<?>) review.get("doneSteps")).isEmpty();
    // No focal point designated yet: each permanent representative acts as interim.
    assertThat(rows(review, "actingFocalPoints", "state", "name", "email", "interim"))
        .containsExactlyInAnyOrder(
            "SGP PR of SGP pr@sgp.example true",
            "MYS PR of MYS pr@mys.example true",
            "IDN PR of IDN pr@idn.example true");

    assertThat(ids(http.getForObject("/api/reviews?state=MYS&phase=2", List.class))).contains(id);
    assertThat(ids(http.getForObject("/api/reviews?state=MYS&phase=1", List.class)))
        .doesNotContain(id);
    assertThat(ids(http.getForObject("/api/reviews?state=FRA&phase=2", List.class)))
        .doesNotContain(id);
    // The launch notices, one per State, to its permanent representative as interim focal point;
    // the
    // secretariat's own step, the preliminary consultation, opens to the secretariat.
    assertThat(
            rows(
                http.getForObject("/api/reviews/" + id + "/notices", List.class),
                "reviewId",
                "kind",
                "step",
                "state",
                "to",
                "status"))
        .containsExactlyInAnyOrder(
            id + " REVIEW_LAUNCHED null SGP pr@sgp.example SENT",
            id + " REVIEW_LAUNCHED null MYS pr@mys.example SENT",
            id + " REVIEW_LAUNCHED null IDN pr@idn.example SENT",
            id
                + " STEP_OPENED PRELIMINARY_CONSULTATION null "
                + ExpectedNotices.SECRETARIAT
                + " SENT");
  }

  /**
   * Each element of the list {@code key} of {@code map}, as its {@code fields} joined by spaces.
   */
  private static List<String> rows(Map<?, ?> map, String key, String... fields) {
    return rows((List<?>) map.get(key), fields);
  }

  private static List<String> rows(List<?> list, String... fields) {
    return list.stream()
        .map(
            e ->
                Arrays.stream(fields)
                    .map(f -> String.valueOf(((Map<?, ?>) e).get(f)))
                    .collect(Collectors.joining(" ")))
        .toList();
  }

  private static List<Object> ids(List<?> reviews) {
    return reviews.stream().<Object>map(r -> ((Map<?, ?>) r).get("id")).toList();
  }

  @Test
  void badRequestsGetAProblemAndChangeNothing() {
    driver.permanentRepresentatives("VNM", "LAO", "KHM");
    String id = driver.launch("VNM", 2, "LAO", "KHM");
    List<Long> before = counts();
    record Case(String path, String body, HttpStatus status, String detail) {}
    String events = "/api/reviews/" + id + "/events";
    List<Case> cases =
        List.of(
            new Case(
                "/api/reviews", "{\"underReview\":", HttpStatus.BAD_REQUEST, "could not be read"),
            new Case("/api/reviews", "{\"phase\":1}", HttpStatus.BAD_REQUEST, "underReview"),
            new Case(
                "/api/reviews",
                "{\"underReview\":\"XXX\",\"phase\":1,\"reviewers\":{\"UNTOC\":[\"LAO\"]}}",
                HttpStatus.NOT_FOUND,
                "unknown State 'XXX'"),
            new Case(
                "/api/reviews",
                "{\"underReview\":\"VNM\",\"phase\":1,\"reviewers\":{\"UNTOC\":[\"VNM\"]}}",
                HttpStatus.BAD_REQUEST,
                "cannot review itself"),
            new Case(
                "/api/reviews/NOPE-P1-2027/events",
                "{\"type\":\"SAQ_CLEARED\"}",
                HttpStatus.NOT_FOUND,
                "no review"),
            new Case(
                events, "{\"type\":\"NOT_AN_EVENT\"}", HttpStatus.BAD_REQUEST, "could not be read"),
            new Case(
                events,
                "{\"type\":\"FEEDBACK_CLEARED\",\"state\":\"FRA\"}",
                HttpStatus.CONFLICT,
                "FRA is not a reviewing State"),
            new Case(events, "{\"type\":\"DIALOGUE_CLOSED\"}", HttpStatus.CONFLICT, "not open"),
            new Case(
                events,
                "{\"type\":\"FOCAL_POINT_DESIGNATED\",\"state\":\"LAO\",\"person\":{\"name\":\"A\","
                    + "\"email\":\"not-an-email\",\"language\":\"en\"}}",
                HttpStatus.BAD_REQUEST,
                "email"),
            new Case(
                events,
                "{\"type\":\"FOCAL_POINT_DESIGNATED\",\"state\":\"LAO\",\"person\":{\"name\":\"A\","
                    + "\"email\":\"a@lao.example\",\"language\":\"xx\"}}",
                HttpStatus.BAD_REQUEST,
                "language"),
            new Case(
                events,
                "{\"type\":\"DEADLINE_EXTENDED\",\"step\":\"SAQ\",\"newDue\":\"2001-01-01\",\"reason\":\"x\"}",
                HttpStatus.BAD_REQUEST,
                "must lie after today"),
            new Case(events, "{\"type\":\"REVIEW_RESUMED\"}", HttpStatus.CONFLICT, "not on hold"),
            new Case(
                events,
                "{\"type\":\"SAQ_CLEARED\",\"on\":\"2999-01-01\"}",
                HttpStatus.BAD_REQUEST,
                "future"));
    for (Case c : cases) {
      ResponseEntity<Map> r = post(c.path(), c.body());
      assertThat(r.getStatusCode()).as(c.body()).isEqualTo(c.status());
      assertThat(r.getHeaders().getContentType())
          .as(c.body())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat((String) r.getBody().get("detail")).as(c.body()).containsIgnoringCase(c.detail());
    }
    assertThat(counts()).isEqualTo(before);

    // Accepted once, refused the second time.
    assertThat(post(events, "{\"type\":\"SAQ_CLEARED\"}").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    driver.time().settle();
    List<Long> afterFirst = counts();
    assertThat(post(events, "{\"type\":\"SAQ_CLEARED\"}").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(counts()).isEqualTo(afterFirst);
  }
}
