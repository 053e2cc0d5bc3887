package org.revflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/simulations answers what the command line writes, and refuses an invalid scenario. */
@RevFlowTest
class SimulationApiTest {

  @Autowired TestRestTemplate http;

  private ResponseEntity<String> post(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/simulations", new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void httpAndCommandLineGiveTheSameJson() throws Exception {
    String scenario =
        Files.readString(
            Path.of("src/test/resources/scenarios/focal-point-late-feedback-extended.json"));
    ResponseEntity<String> response = post(scenario);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Path out = Files.createTempFile("notices", ".json");
    String[] args = {
      "--simulate=src/test/resources/scenarios/focal-point-late-feedback-extended.json",
      "--out=" + out
    };
    assertThat(SimulationCli.runIfAsked(args)).isZero();
    JsonNode fromHttp = SimulationCli.JSON.readTree(response.getBody());
    JsonNode fromCli = SimulationCli.JSON.readTree(Files.readString(out));
    assertThat(fromHttp).isEqualTo(fromCli);
    assertThat(fromHttp.path("notices").size()).isPositive();
  }

  @Test
  void anInvalidScenarioGetsAProblemWithTheEventIndexes() {
    ResponseEntity<String> response =
        post(
            """
        {"start":"2027-01-04","until":"2027-06-01",
         "review":{"underReview":"AUT","phase":2,"reviewers":{"UNTOC":["DEU"]}},
         "events":[{"on":"2027-01-10","type":"NOPE"}]}""");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody()).contains("\"index\":0").contains("unknown event type 'NOPE'");
  }
}
