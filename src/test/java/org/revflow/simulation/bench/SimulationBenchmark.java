package org.revflow.simulation.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.revflow.simulation.SimulationRunner;
import org.revflow.testsupport.SimulatedTime;

/**
 * How long a whole review takes to simulate, launch to phase completion and the next phase's start
 * (scenario full-review-on-time: 25 months of engine time). The fixed cost of a run (its own
 * engine, database and RevFlow context) is measured apart with a one-day scenario. On demand only:
 * {@code REVFLOW_BENCH=1 ./mvnw -B -q test
 * -Dtest='org.revflow.simulation.bench.SimulationBenchmark'}; the figures go to {@code
 * target/bench/simulation.txt}.
 */
@EnabledIfEnvironmentVariable(named = "REVFLOW_BENCH", matches = "1|true")
class SimulationBenchmark {

  static final int RUNS = 3;

  @Test
  void fullReviewSimulationTime() throws Exception {
    String full =
        Files.readString(Path.of("src/test/resources/scenarios/full-review-on-time.json"));
    String oneDay =
        full.replace("\"until\": \"2029-03-15\"", "\"until\": \"2027-03-02\"")
            .replaceAll("(?s)\"events\": \\[.*\\]", "\"events\": []");
    SimulationRunner runner = new SimulationRunner();
    AtomicReference<SimulatedTime> time = new AtomicReference<>();
    SimulationRunner.Probe probe = (ctx, id) -> time.set(ctx.getBean(SimulatedTime.class));

    runner.run(oneDay); // warm-up: class loading, JIT, the shared database server
    double fixed = seconds(() -> runner.run(oneDay));
    List<Double> fulls = new ArrayList<>();
    long stops = 0;
    int notices = 0;
    for (int i = 0; i < RUNS; i++) {
      Instant start = Instant.now();
      SimulationRunner.Output out = runner.run(full, probe);
      fulls.add(Duration.between(start, Instant.now()).toMillis() / 1000.0);
      stops = time.get().stops();
      notices = out.notices().size();
    }
    double median = fulls.stream().sorted().toList().get(RUNS / 2);
    String report =
        String.format(
            """
        Simulation benchmark (%s, %d cores, load average %s)
          full review, launch to next phase (25 months of engine time, %d emails, %d clock stops):
            %s s per run in all, median %.1f s
          fixed cost of a run (own engine, database, RevFlow context; one-day scenario): %.1f s
          simulation proper (median minus fixed cost): %.1f s (target < 10 s on 2 cores)
        """,
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            loadAverage(),
            notices,
            stops,
            fulls.stream().map(d -> String.format("%.1f", d)).toList(),
            median,
            fixed,
            median - fixed);
    Path out = Path.of("target/bench/simulation.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static double seconds(Supplier<?> r) {
    Instant start = Instant.now();
    r.get();
    return Duration.between(start, Instant.now()).toMillis() / 1000.0;
  }
}
