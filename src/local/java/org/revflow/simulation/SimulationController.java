package org.revflow.simulation;

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
class SimulationController {

  private final SimulationRunner runner = new SimulationRunner();

  @PostMapping(path = "/api/simulations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> simulate(@RequestBody String scenario) {
    try {
      return ResponseEntity.ok(runner.run(scenario));
    } catch (Scenario.InvalidScenarioException e) {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
      p.setTitle("Invalid scenario");
      List<Scenario.Problem> problems = e.problems();
      p.setProperty("errors", problems);
      return ResponseEntity.unprocessableEntity().body(p);
    }
  }
}
