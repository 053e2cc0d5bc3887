package org.revflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.registry.RegistryFixtures.email;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The HTTP API: designations, CSV imports all-or-nothing, RFC 9457 problems, draws. */
@RevFlowTest
class RegistryApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired RegistryLookups registry;
  @Autowired java.time.Clock clock;

  @Test
  void statesCarryNamesInSixLanguages() {
    ResponseEntity<Map<String, Object>> r =
        http.exchange("/api/registry/states/EGY", HttpMethod.GET, null, MAP);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> names = (Map<String, Object>) r.getBody().get("names");
    assertThat(names).containsEntry("ar", "مصر").containsKeys("zh", "en", "fr", "ru", "es");
    assertThat(r.getBody().get("regionalGroup")).isEqualTo("AFRICAN");
  }

  @Test
  void designationAndBadInputAsProblems() {
    String review = RegistryFixtures.review(jdbc, "MEX", "COL", "ESP");
    String fp = email("fp");
    var ok =
        post(
            "/api/registry/reviews/" + review + "/designations",
            Map.of(
                "stateCode",
                "COL",
                "role",
                "FOCAL_POINT",
                "person",
                Map.of("name", "María José", "email", fp, "language", "es"),
                "noteVerbaleRef",
                "NV/COL/1",
                "receivedOn",
                "2026-01-05"));
    assertThat(ok.getStatusCode().value()).isEqualTo(201);

    int before = RegistryFixtures.count(jdbc, "registry_designation");
    assertProblem(
        post(
            "/api/registry/reviews/" + review + "/designations",
            Map.of(
                "stateCode",
                "COL",
                "role",
                "EXPERT",
                "person",
                Map.of("name", "X", "email", "nope", "language", "es"),
                "noteVerbaleRef",
                "NV",
                "receivedOn",
                "2026-01-05")),
        400,
        "invalid-input");
    assertProblem(
        post(
            "/api/registry/reviews/" + review + "/designations",
            Map.of(
                "stateCode",
                "COL",
                "role",
                "EXPERT",
                "person",
                Map.of("name", "X", "email", email("x"), "language", "pt"),
                "noteVerbaleRef",
                "NV",
                "receivedOn",
                "2026-01-05")),
        400,
        "invalid-input");
    assertProblem(
        post(
            "/api/registry/reviews/" + review + "/designations",
            Map.of(
                "stateCode",
                "QQQ",
                "role",
                "EXPERT",
                "person",
                Map.of("name", "X", "email", email("x"), "language", "es"),
                "noteVerbaleRef",
                "NV",
                "receivedOn",
                "2026-01-05")),
        404,
        "unknown-state");
    assertProblem(
        post(
            "/api/registry/reviews/" + review + "/designations",
            Map.of(
                "stateCode",
                "PER",
                "role",
                "EXPERT",
                "person",
                Map.of("name", "X", "email", email("x"), "language", "es"),
                "noteVerbaleRef",
                "NV",
                "receivedOn",
                "2026-01-05")),
        409,
        "state-not-in-review");
    assertProblem(
        post(
            "/api/registry/reviews/" + review + "/designations",
            Map.of(
                "stateCode",
                "COL",
                "role",
                "FOCAL_POINT",
                "person",
                Map.of("name", "Otra", "email", email("x"), "language", "es"),
                "noteVerbaleRef",
                "NV/2",
                "receivedOn",
                "2026-01-06")),
        409,
        "focal-point-already-designated");
    assertThat(RegistryFixtures.count(jdbc, "registry_designation")).isEqualTo(before);

    var acting =
        http.exchange(
            "/api/registry/reviews/" + review + "/states/COL/acting-focal-point",
            HttpMethod.GET,
            null,
            MAP);
    assertThat(((Map<?, ?>) acting.getBody().get("person")).get("email")).isEqualTo(fp);
    assertThat(acting.getBody().get("interim")).isEqualTo(false);

    // Who acts for a State is only answered where it takes part: no "interim PR" for an unknown
    // pair.
    assertProblem(
        http.exchange(
            "/api/registry/reviews/" + review + "/states/PER/acting-focal-point",
            HttpMethod.GET,
            null,
            MAP),
        409,
        "state-not-in-review");
    assertProblem(
        http.exchange(
            "/api/registry/reviews/NOPE-P1-2026/states/COL/acting-focal-point",
            HttpMethod.GET,
            null,
            MAP),
        404,
        "unknown-review");
    assertProblem(
        http.exchange(
            "/api/registry/reviews/" + review + "/states/QQQ/roles", HttpMethod.GET, null, MAP),
        404,
        "unknown-state");
  }

  @Test
  @SuppressWarnings("unchecked")
  void drawBeyondFourReviewersIsExplainedAndDrawnWhenTheStateAgreedToMore() {
    // AGO is party to every Protocol (example data). Within the pool, its own group covers them
    // with one
    // additional reviewer; in another group each State is party to one Protocol only (DNK made so
    // here),
    // so a draw needs five reviewing States.
    String restore =
        "alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms\nDNK,yes,yes,no,no\n";
    assertThat(
            csv(
                    "/api/registry/states/instruments/import",
                    "alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms\nDNK,yes,no,yes,no\n")
                .getStatusCode()
                .value())
        .isEqualTo(200);
    try {
      List<String> pool = List.of("AGO", "ZAF", "BEN", "CMR", "DEU", "ISR", "DNK");
      int draws = RegistryFixtures.count(jdbc, "registry_draw");
      ResponseEntity<Map<String, Object>> refused =
          post(
              "/api/registry/draws",
              Map.of("reviewedStates", List.of("AGO"), "pool", pool, "seed", 1));
      assertProblem(refused, 422, "draw-infeasible");
      assertThat(refused.getBody())
          .containsEntry("rule", "MAX_REVIEWERS")
          .containsEntry("states", List.of("AGO"))
          .containsEntry("reviewersNeeded", 5);
      assertThat((List<String>) refused.getBody().get("instruments")).isNotEmpty();
      assertThat(refused.getBody().get("detail").toString())
          .contains(
              "AGO",
              "no eligible State party to it remains within that limit",
              "agreed to 5 or more reviewers");
      assertThat(RegistryFixtures.count(jdbc, "registry_draw")).isEqualTo(draws);

      assertProblem(
          post(
              "/api/registry/draws",
              Map.of(
                  "reviewedStates",
                  List.of("AGO"),
                  "pool",
                  pool,
                  "maxReviewers",
                  Map.of("FRA", 5))),
          400,
          "invalid-input");
      assertProblem(
          post(
              "/api/registry/draws",
              Map.of(
                  "reviewedStates",
                  List.of("AGO"),
                  "pool",
                  pool,
                  "maxReviewers",
                  Map.of("AGO", 3))),
          400,
          "invalid-input");
      assertProblem(
          post(
              "/api/registry/draws",
              Map.of(
                  "reviewedStates",
                  List.of("AGO"),
                  "pool",
                  pool,
                  "maxReviewers",
                  Map.of("AGO", "many"))),
          400,
          "invalid-input");
      assertThat(RegistryFixtures.count(jdbc, "registry_draw")).isEqualTo(draws);

      ResponseEntity<Map<String, Object>> drawn =
          post(
              "/api/registry/draws",
              Map.of(
                  "reviewedStates",
                  List.of("AGO"),
                  "pool",
                  pool,
                  "seed",
                  1,
                  "maxReviewers",
                  Map.of("AGO", 5)));
      assertThat(drawn.getStatusCode().value()).as(String.valueOf(drawn.getBody())).isEqualTo(201);
      List<Map<String, Object>> reviewers =
          (List<Map<String, Object>>)
              ((List<Map<String, Object>>) drawn.getBody().get("reviews")).get(0).get("reviewers");
      assertThat(reviewers).hasSize(5);
      assertThat(reviewers).extracting(r -> r.get("state")).contains("DEU", "ISR", "DNK");
      long id = ((Number) drawn.getBody().get("id")).longValue();
      assertThat(
              http.exchange(
                      "/api/registry/draws/" + id + "/verification", HttpMethod.GET, null, MAP)
                  .getBody())
          .containsEntry("reproduced", true);
      assertThat(
              jdbc.queryForObject(
                  "SELECT input_json FROM registry_draw WHERE id = ?", String.class, id))
          .contains("\"maxReviewers\":{\"AGO\":5}");
    } finally {
      csv("/api/registry/states/instruments/import", restore);
    }
  }

  @Test
  void designationCsvIsAllOrNothingAndReportsEveryBadLine() {
    String review = RegistryFixtures.review(jdbc, "SAU", "EGY", "CHN", "FRA");
    String good =
        "\uFEFFreview_id,state,role,name,email,language,note_verbale_ref,received_on,time_zone\r\n"
            + review
            + ",EGY,FOCAL_POINT,\"السيد أحمد, الثاني\","
            + email("eg")
            + ",ar,NV/EG/1,2026-02-01,Africa/Cairo\r\n"
            + review
            + ",CHN,EXPERT,王小明,"
            + email("cn")
            + ",zh,\"NV/CN/1, annex\",2026-02-02,Asia/Shanghai\r\n"
            + review
            + ",FRA,OBSERVER,\"Dupont, Jean\","
            + email("fr")
            + ",fr,NV/FR/1,2026-02-03,\r\n";
    String bad =
        good
            + review
            + ",EGY,FOCAL_POINT,Second,"
            + email("eg2")
            + ",ar,NV/EG/2,2026-02-04,\r\n" // line 5: second FP
            + review
            + ",PER,EXPERT,Quispe,"
            + email("pe")
            + ",es,NV/PE/1,2026-02-04,\r\n" // line 6: not in review
            + review
            + ",CHN,EXPERT,Bad,"
            + "bad-email"
            + ",zh,NV/CN/2,2026-02-04,\r\n" // line 7
            + review
            + ",CHN,EXPERT,Bad,"
            + email("cn2")
            + ",de,NV/CN/2,2026-02-04,Mars/Base\r\n"; // line 8
    int before = RegistryFixtures.count(jdbc, "registry_designation");
    int people = RegistryFixtures.count(jdbc, "registry_person");
    ResponseEntity<Map<String, Object>> r = csv("/api/registry/designations/import", bad);
    assertProblem(r, 422, "invalid-csv");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) r.getBody().get("errors");
    assertThat(errors)
        .extracting(e -> ((Number) e.get("line")).intValue())
        .containsExactly(5, 6, 7, 8);
    assertThat(errors.get(0).get("reason").toString()).contains("already has a focal point");
    assertThat(RegistryFixtures.count(jdbc, "registry_designation")).isEqualTo(before);
    assertThat(RegistryFixtures.count(jdbc, "registry_person")).isEqualTo(people);

    ResponseEntity<Map<String, Object>> ok = csv("/api/registry/designations/import", good);
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(ok.getBody()).containsEntry("applied", 3);
    assertThat(registry.designationHistory(review, "EGY").get(0).person().name())
        .isEqualTo("السيد أحمد, الثاني");
    assertThat(registry.experts(review, "CHN", clock.instant()).get(0).name()).isEqualTo("王小明");
    assertThat(registry.designationHistory(review, "CHN").get(0).noteVerbaleRef())
        .isEqualTo("NV/CN/1, annex");
  }

  @Test
  void instrumentCsvImportAndProblemOnBadLines() {
    ResponseEntity<Map<String, Object>> bad =
        csv(
            "/api/registry/states/instruments/import",
            "alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms\nQQQ,yes,no,no,no\nFRA,no,yes,no,no\nDEU,yes,maybe,no,no\n");
    assertProblem(bad, 422, "invalid-csv");
    assertThat((List<?>) bad.getBody().get("errors")).hasSize(3);
    ResponseEntity<Map<String, Object>> ok =
        csv(
            "/api/registry/states/instruments/import",
            "\uFEFFalpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms\nMCO,yes,yes,yes,no\n");
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    StateParty mco = registry.state("MCO");
    assertThat(mco.instruments())
        .containsExactlyInAnyOrder(
            Instrument.CONVENTION,
            Instrument.TRAFFICKING_IN_PERSONS,
            Instrument.SMUGGLING_OF_MIGRANTS);
    assertThat(mco.instrumentsSource()).isEqualTo("CSV");
  }

  @Test
  @SuppressWarnings("unchecked")
  void drawIsStoredReproducibleAndRedrawKeepsTheRest() {
    List<String> reviewed =
        List.of(
            "FRA", "DEU", "ITA", "ESP", "NGA", "KEN", "EGY", "BRA", "ARG", "MEX", "JPN", "IND",
            "CHN", "POL", "UKR", "HUN", "KIR");
    ResponseEntity<Map<String, Object>> r =
        post("/api/registry/draws", Map.of("phase", 2, "reviewedStates", reviewed, "seed", 42));
    assertThat(r.getStatusCode().value()).isEqualTo(201);
    Map<String, Object> draw = r.getBody();
    assertThat(draw.get("inputDigest").toString()).hasSize(64);
    assertThat(((Number) draw.get("seed")).longValue()).isEqualTo(42L);
    List<Map<String, Object>> reviews = (List<Map<String, Object>>) draw.get("reviews");
    assertThat(reviews).hasSize(reviewed.size());
    long id = ((Number) draw.get("id")).longValue();
    assertThat(
            http.exchange("/api/registry/draws/" + id + "/verification", HttpMethod.GET, null, MAP)
                .getBody())
        .containsEntry("reproduced", true);

    Map<String, Object> fra =
        reviews.stream().filter(v -> v.get("reviewed").equals("FRA")).findFirst().orElseThrow();
    String dropped =
        ((List<Map<String, Object>>) fra.get("reviewers")).get(0).get("state").toString();
    ResponseEntity<Map<String, Object>> redraw =
        post(
            "/api/registry/draws/" + id + "/redraws",
            Map.of(
                "reviewedState",
                "FRA",
                "droppedReviewer",
                dropped,
                "reason",
                "withdrew by note verbale NV/9",
                "seed",
                7));
    assertThat(redraw.getStatusCode().value()).isEqualTo(201);
    assertThat(((Number) redraw.getBody().get("parentDrawId")).longValue()).isEqualTo(id);
    List<Map<String, Object>> after = (List<Map<String, Object>>) redraw.getBody().get("reviews");
    for (Map<String, Object> review : reviews) {
      if (!review.get("reviewed").equals("FRA")) {
        assertThat(after).contains(review);
      }
    }
    Map<String, Object> fraAfter =
        after.stream().filter(v -> v.get("reviewed").equals("FRA")).findFirst().orElseThrow();
    assertThat((List<Map<String, Object>>) fraAfter.get("reviewers"))
        .noneMatch(v -> v.get("state").equals(dropped));

    assertProblem(
        post("/api/registry/draws", Map.of("reviewedStates", List.of("FRA", "QQQ"))),
        404,
        "unknown-state");
  }

  private ResponseEntity<Map<String, Object>> post(String path, Object body) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), MAP);
  }

  private ResponseEntity<Map<String, Object>> csv(String path, String body) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    return http.exchange(
        path, HttpMethod.POST, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), h), MAP);
  }

  private static void assertProblem(
      ResponseEntity<Map<String, Object>> r, int status, String type) {
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
    assertThat(r.getHeaders().getContentType()).isNotNull();
    assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(r.getBody()).containsEntry("status", status).containsKeys("title", "detail");
    assertThat(r.getBody().get("type").toString()).endsWith("/" + type);
  }
}
