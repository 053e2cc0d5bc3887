package org.revflow.registry.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.registry.draw.DrawFixtures;
import org.revflow.registry.draw.DrawInput;
import org.revflow.registry.draw.DrawResult;
import org.revflow.registry.draw.DrawRules;
import org.revflow.registry.draw.DrawSolver;

/**
 * Benchmark, not a timed test: draws all 193 Member States (example instrument data) for several
 * seeds and prints the wall-clock time of each. Runs only on demand: {@code REVFLOW_BENCH=1 ./mvnw
 * -B -q test -Dtest='org.revflow.registry.bench.DrawBenchmark'}; the figures go to
 * target/surefire-reports/org.revflow.registry.bench.DrawBenchmark-output.txt.
 */
@EnabledIfEnvironmentVariable(named = "REVFLOW_BENCH", matches = "1|true")
class DrawBenchmark {

  @Test
  void drawAllStatesParties() {
    DrawInput input = DrawFixtures.everyone();
    DrawSolver solver = new DrawSolver();
    solver.solve(input, 0); // warm-up: class loading and JIT
    List<Long> times = new ArrayList<>();
    for (long seed = 1; seed <= 10; seed++) {
      long start = System.nanoTime();
      DrawResult result = solver.solve(input, seed);
      long ms = (System.nanoTime() - start) / 1_000_000;
      DrawRules.assertAllRules(input, result);
      times.add(ms);
      System.out.printf(
          "draw of %d States, seed %d: %d ms (mean load %.2f)%n",
          input.reviewed().size(), seed, ms, result.meanLoad());
    }
    Collections.sort(times);
    System.out.printf(
        "BENCHMARK draw %d States on %d cores: median %d ms, max %d ms%n",
        input.reviewed().size(),
        Runtime.getRuntime().availableProcessors(),
        times.get(times.size() / 2),
        times.get(times.size() - 1));
  }
}
