package org.revflow.simulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/simulations} on the local run: the scenario as body, the same JSON as the
 * command line's output file. Test classpath only, like the in-memory engine it runs on.
 */
@RestController
@Tag(name = "Local run")
class SimulationController {

  private final SimulationRunner runner = new SimulationRunner();

  @PostMapping(path = "/api/simulations", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Simulate a whole review (local run only)",
      description =
          "Runs a scenario (a review, its contacts and its events on their dates) on an engine of its "
              + "own, with time moved on, and answers every notice it sent. Only in the local run: see docs/simulation.md.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"start": "2027-01-04", "until": "2027-09-01", "rulebook": "default",
               "review": {"underReview": "AUT", "phase": 2, "reviewers": {"UNTOC": ["DEU", "KEN"]}},
               "contacts": [{"state": "AUT", "role": "PERMANENT_REPRESENTATIVE", "name": "Permanent Mission of Austria",
                             "email": "pr@aut.example", "language": "en"}],
               "events": [{"on": "2027-01-20", "type": "FOCAL_POINT_DESIGNATED", "state": "AUT",
                           "person": {"name": "María López", "email": "fp@aut.example", "language": "es"}},
                          {"on": "2027-07-20", "type": "SAQ_CLEARED"}]}"""))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The notices sent, as the command line writes them"),
        @ApiResponse(
            responseCode = "422",
            description =
                "An invalid scenario: `errors` lists each problem "
                    + "(`index` of the event, `reason`)")
      })
  ResponseEntity<?> simulate(@RequestBody String scenario) {
    try {
      return ResponseEntity.ok(runner.run(scenario));
    } catch (Scenario.InvalidScenarioException e) {
      ProblemDetail p =
          ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
      p.setTitle("Invalid scenario");
      List<Scenario.Problem> problems = e.problems();
      p.setProperty("errors", problems);
      return ResponseEntity.unprocessableEntity().body(p);
    }
  }
}
