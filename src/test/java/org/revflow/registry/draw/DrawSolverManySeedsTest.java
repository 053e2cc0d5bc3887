package org.revflow.registry.draw;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.revflow.testsupport.SlowTest;

/** The draw's rules on thirty random inputs and seeds (about 90 s on 2 cores: verify only). */
@SlowTest
class DrawSolverManySeedsTest {

  private final DrawSolver solver = new DrawSolver();

  static LongStream seeds() {
    return LongStream.range(1, 31);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomInputsKeepEveryRule(long seed) {
    DrawInput input = DrawFixtures.random(seed);
    DrawRules.assertAllRules(input, solver.solve(input, seed));
  }
}
