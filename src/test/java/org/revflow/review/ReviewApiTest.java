package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
    return List.of("review", "review_participant", "review_event", "review_step", "process_outbox",
            "registry_designation", "registry_person").stream()
        .map(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)).toList();
  }

  @Test
  void launchAndReadAReview() {
    driver.permanentRepresentatives("SGP", "MYS", "IDN");
    ResponseEntity<Map> created = post("/api/reviews",
        "{\"underReview\":\"SGP\",\"phase\":2,\"reviewers\":{\"UNTOC\":[\"MYS\",\"IDN\"]}}");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = (String) created.getBody().get("id");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/reviews/" + id);
    driver.time().settle();
    Map<?, ?> review = http.getForObject("/api/reviews/" + id, Map.class);
    assertThat((List<?>) review.get("openSteps")).isNotEmpty();
    assertThat((List<?>) review.get("actingFocalPoints")).hasSize(3);
    assertThat(http.getForObject("/api/reviews?state=MYS&phase=2", List.class)).isNotEmpty();
    assertThat(http.getForObject("/api/reviews/" + id + "/notices", List.class)).isNotEmpty();
  }

  @Test
  void badRequestsGetAProblemAndChangeNothing() {
    driver.permanentRepresentatives("VNM", "LAO", "KHM");
    String id = driver.launch("VNM", 2, "LAO", "KHM");
    List<Long> before = counts();
    record Case(String path, String body, HttpStatus status, String detail) {}
    String events = "/api/reviews/" + id + "/events";
    List<Case> cases = List.of(
        new Case("/api/reviews", "{\"underReview\":", HttpStatus.BAD_REQUEST, "could not be read"),
        new Case("/api/reviews", "{\"phase\":1}", HttpStatus.BAD_REQUEST, "underReview"),
        new Case("/api/reviews", "{\"underReview\":\"XXX\",\"phase\":1,\"reviewers\":{\"UNTOC\":[\"LAO\"]}}",
            HttpStatus.NOT_FOUND, "unknown State 'XXX'"),
        new Case("/api/reviews", "{\"underReview\":\"VNM\",\"phase\":1,\"reviewers\":{\"UNTOC\":[\"VNM\"]}}",
            HttpStatus.BAD_REQUEST, "cannot review itself"),
        new Case("/api/reviews/NOPE-P1-2027/events", "{\"type\":\"SAQ_CLEARED\"}", HttpStatus.NOT_FOUND, "no review"),
        new Case(events, "{\"type\":\"NOT_AN_EVENT\"}", HttpStatus.BAD_REQUEST, "could not be read"),
        new Case(events, "{\"type\":\"FEEDBACK_CLEARED\",\"state\":\"FRA\"}", HttpStatus.CONFLICT,
            "FRA is not a reviewing State"),
        new Case(events, "{\"type\":\"DIALOGUE_CLOSED\"}", HttpStatus.CONFLICT, "not open"),
        new Case(events, "{\"type\":\"FOCAL_POINT_DESIGNATED\",\"state\":\"LAO\",\"person\":{\"name\":\"A\","
            + "\"email\":\"not-an-email\",\"language\":\"en\"}}", HttpStatus.BAD_REQUEST, "email"),
        new Case(events, "{\"type\":\"FOCAL_POINT_DESIGNATED\",\"state\":\"LAO\",\"person\":{\"name\":\"A\","
            + "\"email\":\"a@lao.example\",\"language\":\"xx\"}}", HttpStatus.BAD_REQUEST, "language"),
        new Case(events, "{\"type\":\"DEADLINE_EXTENDED\",\"step\":\"SAQ\",\"newDue\":\"2001-01-01\",\"reason\":\"x\"}",
            HttpStatus.BAD_REQUEST, "must lie after today"),
        new Case(events, "{\"type\":\"REVIEW_RESUMED\"}", HttpStatus.CONFLICT, "not on hold"),
        new Case(events, "{\"type\":\"SAQ_CLEARED\",\"on\":\"2999-01-01\"}", HttpStatus.BAD_REQUEST, "future"));
    for (Case c : cases) {
      ResponseEntity<Map> r = post(c.path(), c.body());
      assertThat(r.getStatusCode()).as(c.body()).isEqualTo(c.status());
      assertThat(r.getHeaders().getContentType()).as(c.body()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat((String) r.getBody().get("detail")).as(c.body()).containsIgnoringCase(c.detail());
    }
    assertThat(counts()).isEqualTo(before);

    // Accepted once, refused the second time.
    assertThat(post(events, "{\"type\":\"SAQ_CLEARED\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    driver.time().settle();
    List<Long> afterFirst = counts();
    assertThat(post(events, "{\"type\":\"SAQ_CLEARED\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(counts()).isEqualTo(afterFirst);
  }
}
