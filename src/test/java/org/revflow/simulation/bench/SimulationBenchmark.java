package org.revflow.simulation.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.simulation.SimulationRunner;

/**
 * How long a whole review takes to simulate, launch to phase completion and the next phase's start
 * (scenario full-review-on-time: 2 years of engine time). The fixed cost of a run (its own engine,
 * database and RevFlow context) is measured apart with a one-day scenario. On demand only:
 * {@code REVFLOW_BENCH=1 ./mvnw -B -q test -Dtest='org.revflow.simulation.bench.SimulationBenchmark'};
 * the figures go to {@code target/bench/simulation.txt}.
 */
@EnabledIfEnvironmentVariable(named = "REVFLOW_BENCH", matches = "1|true")
class SimulationBenchmark {

  @Test
  void fullReviewSimulationTime() throws Exception {
    String full = Files.readString(Path.of("src/test/resources/scenarios/full-review-on-time.json"));
    String oneDay = full.replace("\"until\": \"2029-03-15\"", "\"until\": \"2027-03-02\"")
        .replaceAll("(?s)\"events\": \\[.*\\]", "\"events\": []");
    SimulationRunner runner = new SimulationRunner();
    runner.run(oneDay); // warm-up: class loading, JIT, the shared database server
    Duration fixed = time(() -> runner.run(oneDay));
    Duration total = time(() -> runner.run(full));
    String report = String.format("""
        Simulation benchmark (%s)
          full review, launch to next phase (25 months of engine time): %.1f s in all
          fixed cost of a run (own engine, database, RevFlow context; one-day scenario): %.1f s
          simulation proper: %.1f s (target < 10 s on 2 cores)
        """, Instant.now(), total.toMillis() / 1000.0, fixed.toMillis() / 1000.0,
        (total.toMillis() - fixed.toMillis()) / 1000.0);
    Path out = Path.of("target/bench/simulation.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static Duration time(Runnable r) {
    Instant start = Instant.now();
    r.run();
    return Duration.between(start, Instant.now());
  }
}
