package org.revflow.registry.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.revflow.registry.Instrument;
import org.revflow.registry.RegionalGroup;

/**
 * The draw's rules, checked on every pair of the result, for many seeds and random inputs (no
 * database).
 */
class DrawSolverTest {

  private final DrawSolver solver = new DrawSolver();

  /**
   * A few seeds for the daily loop; {@link DrawSolverManySeedsTest} sweeps thirty in {@code
   * verify}.
   */
  static LongStream seeds() {
    return LongStream.range(1, 4);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomInputsKeepEveryRule(long seed) {
    DrawInput input = DrawFixtures.random(seed);
    DrawResult result = solver.solve(input, seed);
    DrawRules.assertAllRules(input, result);
  }

  @Test
  void allMemberStatesKeepEveryRuleForSeveralSeeds() {
    DrawInput input = DrawFixtures.everyone();
    for (long seed : new long[] {1, 20261101L}) {
      DrawRules.assertAllRules(input, solver.solve(input, seed));
    }
  }

  @Test
  void sameInputAndSeedGiveTheSameDrawAndOtherSeedsAnother() {
    DrawInput input = DrawFixtures.everyone();
    DrawResult a = solver.solve(input, 99);
    DrawResult b = solver.solve(DrawFixtures.everyone(), 99);
    DrawResult c = solver.solve(input, 100);
    assertThat(b).isEqualTo(a);
    assertThat(c.reviews()).isNotEqualTo(a.reviews());
  }

  @Test
  void additionalReviewerWhenTheBaseReviewerIsNotPartyToAProtocol() {
    Set<Instrument> all = EnumSet.allOf(Instrument.class);
    Set<Instrument> conventionOnly = EnumSet.of(Instrument.CONVENTION);
    List<DrawInput.Candidate> pool = new ArrayList<>();
    // Group A: the reviewed State and one Convention-only State (so the base same-group reviewer
    // misses all Protocols)
    pool.add(new DrawInput.Candidate("AAA", RegionalGroup.AFRICAN, all));
    pool.add(new DrawInput.Candidate("AAB", RegionalGroup.AFRICAN, conventionOnly));
    pool.add(new DrawInput.Candidate("AAC", RegionalGroup.AFRICAN, all));
    for (int i = 0; i < 6; i++) {
      pool.add(
          new DrawInput.Candidate(
              "WE" + (char) ('A' + i), RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS, all));
    }
    DrawInput input = new DrawInput(List.of("AAA"), pool, List.of(), List.of());
    for (long seed = 0; seed < 30; seed++) {
      DrawResult result = solver.solve(input, seed);
      DrawRules.assertAllRules(input, result);
      var reviewers = result.review("AAA").reviewers();
      if (reviewers.stream().anyMatch(r -> r.state().equals("AAB"))) {
        assertThat(reviewers)
            .anyMatch(
                r ->
                    r.slot() == Slot.ADDITIONAL_SAME_GROUP
                        && r.state().equals("AAC")
                        && r.instruments().equals(Instrument.protocols()));
      }
    }
  }

  @Test
  void infeasibleSameGroupNamesTheStateAndTheRule() {
    List<DrawInput.Candidate> pool =
        List.of(
            new DrawInput.Candidate(
                "AAA", RegionalGroup.AFRICAN, EnumSet.of(Instrument.CONVENTION)),
            new DrawInput.Candidate(
                "WEA",
                RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
                EnumSet.of(Instrument.CONVENTION)));
    assertThatThrownBy(
            () -> solver.solve(new DrawInput(List.of("AAA"), pool, List.of(), List.of()), 1))
        .isInstanceOfSatisfying(
            DrawInfeasibleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(DrawRule.SAME_GROUP);
              assertThat(e.states()).containsExactly("AAA");
            });
  }

  @Test
  void infeasibleNoMutualIsExplained() {
    // Two States per group, all under review: each group pair must review each other.
    List<DrawInput.Candidate> pool =
        List.of(
            new DrawInput.Candidate(
                "AAA", RegionalGroup.AFRICAN, EnumSet.of(Instrument.CONVENTION)),
            new DrawInput.Candidate(
                "AAB", RegionalGroup.AFRICAN, EnumSet.of(Instrument.CONVENTION)),
            new DrawInput.Candidate(
                "WEA",
                RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
                EnumSet.of(Instrument.CONVENTION)),
            new DrawInput.Candidate(
                "WEB",
                RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
                EnumSet.of(Instrument.CONVENTION)),
            new DrawInput.Candidate(
                "WEC",
                RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
                EnumSet.of(Instrument.CONVENTION)));
    assertThatThrownBy(
            () -> solver.solve(new DrawInput(List.of("AAA", "AAB"), pool, List.of(), List.of()), 1))
        .isInstanceOfSatisfying(
            DrawInfeasibleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(DrawRule.NO_MUTUAL_REVIEWS);
              assertThat(e.states()).containsExactly("AAA", "AAB");
              assertThat(e.getMessage()).contains("AAA", "AAB", "NO_MUTUAL_REVIEWS");
            });
  }

  @Test
  void protocolWithNoPartyOnOneSideIsExplained() {
    Set<Instrument> tip = EnumSet.of(Instrument.CONVENTION, Instrument.TRAFFICKING_IN_PERSONS);
    List<DrawInput.Candidate> pool =
        List.of(
            new DrawInput.Candidate("AAA", RegionalGroup.AFRICAN, tip),
            new DrawInput.Candidate(
                "AAB", RegionalGroup.AFRICAN, EnumSet.of(Instrument.CONVENTION)),
            new DrawInput.Candidate("WEA", RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS, tip));
    assertThatThrownBy(
            () -> solver.solve(new DrawInput(List.of("AAA"), pool, List.of(), List.of()), 1))
        .isInstanceOfSatisfying(
            DrawInfeasibleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(DrawRule.PARTY_TO_INSTRUMENT);
              assertThat(e.states()).containsExactly("AAA");
            });
  }

  @Test
  void redrawKeepsEveryOtherReviewerAndReplacesTheOneThatDroppedOut() {
    DrawInput input = DrawFixtures.everyone();
    DrawResult first = solver.solve(input, 5);
    DrawResult.Review target = first.review("FRA");
    DrawResult.Reviewer dropped =
        target.reviewers().stream()
            .filter(r -> r.slot() == Slot.OTHER_GROUP)
            .findFirst()
            .orElseThrow();
    List<DrawInput.Fixed> fixed = new ArrayList<>();
    for (DrawResult.Review review : first.reviews()) {
      for (DrawResult.Reviewer r : review.reviewers()) {
        boolean freed =
            review.reviewed().equals("FRA") && r.slot().sameGroup() == dropped.slot().sameGroup();
        if (!freed) {
          fixed.add(new DrawInput.Fixed(review.reviewed(), r.slot(), r.state()));
        }
      }
    }
    DrawInput redrawInput =
        new DrawInput(
            input.reviewed(),
            input.pool(),
            fixed,
            List.of(new DrawInput.Pair("FRA", dropped.state())));
    DrawResult second = solver.redraw(redrawInput, 6);
    for (DrawResult.Review review : first.reviews()) {
      if (!review.reviewed().equals("FRA")) {
        assertThat(second.review(review.reviewed())).isEqualTo(review);
      }
    }
    assertThat(second.review("FRA").reviewers()).noneMatch(r -> r.state().equals(dropped.state()));
    assertThat(second.review("FRA").reviewers()).anyMatch(r -> r.slot() == Slot.OTHER_GROUP);
  }

  /**
   * AAA is party to every Protocol; on its own side each State misses one of them, on the other
   * side two.
   */
  private static List<DrawInput.Candidate> protocolsScatteredPool(boolean ownSideNeedsOne) {
    Set<Instrument> all = EnumSet.allOf(Instrument.class);
    List<DrawInput.Candidate> pool = new ArrayList<>();
    pool.add(new DrawInput.Candidate("AAA", RegionalGroup.AFRICAN, all));
    if (ownSideNeedsOne) {
      pool.add(
          new DrawInput.Candidate(
              "AAB",
              RegionalGroup.AFRICAN,
              EnumSet.of(Instrument.CONVENTION, Instrument.TRAFFICKING_IN_PERSONS)));
      pool.add(
          new DrawInput.Candidate(
              "AAC",
              RegionalGroup.AFRICAN,
              EnumSet.of(
                  Instrument.CONVENTION, Instrument.SMUGGLING_OF_MIGRANTS, Instrument.FIREARMS)));
    } else {
      pool.add(new DrawInput.Candidate("AAB", RegionalGroup.AFRICAN, all));
      pool.add(new DrawInput.Candidate("AAC", RegionalGroup.AFRICAN, all));
    }
    // Another group: each State party to one Protocol only, so two additional reviewers are needed
    // there.
    pool.add(
        new DrawInput.Candidate(
            "WEA",
            RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
            EnumSet.of(Instrument.CONVENTION, Instrument.TRAFFICKING_IN_PERSONS)));
    pool.add(
        new DrawInput.Candidate(
            "WEB",
            RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
            EnumSet.of(Instrument.CONVENTION, Instrument.SMUGGLING_OF_MIGRANTS)));
    pool.add(
        new DrawInput.Candidate(
            "WEC",
            RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
            EnumSet.of(Instrument.CONVENTION, Instrument.FIREARMS)));
    return pool;
  }

  @Test
  void protocolsNoOneCoversWithinFourReviewersAreExplainedWithWhatAgreeingToMoreWouldAllow() {
    DrawInput input =
        new DrawInput(List.of("AAA"), protocolsScatteredPool(true), List.of(), List.of());
    for (long seed = 0; seed < 5; seed++) {
      long s = seed;
      assertThatThrownBy(() -> solver.solve(input, s))
          .isInstanceOfSatisfying(
              DrawInfeasibleException.class,
              e -> {
                assertThat(e.rule()).isEqualTo(DrawRule.MAX_REVIEWERS);
                assertThat(e.states()).containsExactly("AAA");
                assertThat(e.reviewersNeeded()).isEqualTo(5);
                assertThat(e.instruments()).isNotEmpty().allMatch(Instrument.protocols()::contains);
                assertThat(e.getMessage())
                    .contains(
                        "AAA",
                        "at most 4 reviewing States",
                        "no eligible State party to it",
                        "agreed to 5 or more reviewers",
                        e.instruments().get(0).name());
              });
    }
  }

  @Test
  void aStateThatAgreedToMoreReviewersGetsTheAdditionalOnesItNeeds() {
    DrawInput input =
        new DrawInput(
            List.of("AAA"), protocolsScatteredPool(true), List.of(), List.of(), Map.of("AAA", 5));
    for (long seed = 0; seed < 20; seed++) {
      DrawResult result = solver.solve(input, seed);
      DrawRules.assertAllRules(input, result);
      List<DrawResult.Reviewer> reviewers = result.review("AAA").reviewers();
      assertThat(reviewers).hasSize(5);
      assertThat(reviewers)
          .filteredOn(r -> !r.slot().sameGroup())
          .extracting(DrawResult.Reviewer::state)
          .containsExactlyInAnyOrder("WEA", "WEB", "WEC");
      assertThat(reviewers)
          .extracting(DrawResult.Reviewer::slot)
          .contains(Slot.ADDITIONAL_OTHER_GROUP_2);
    }
  }

  @Test
  void twoAdditionalReviewersOnOneSideWhenTheOtherNeedsNoneStayWithinFour() {
    DrawInput input =
        new DrawInput(List.of("AAA"), protocolsScatteredPool(false), List.of(), List.of());
    for (long seed = 0; seed < 10; seed++) {
      DrawResult result = solver.solve(input, seed);
      DrawRules.assertAllRules(input, result);
      assertThat(result.review("AAA").reviewers()).hasSize(4);
    }
  }

  @Test
  void agreementToMoreReviewersIsPartOfTheDigestOnlyWhenGiven() {
    DrawInput plain = DrawFixtures.everyone();
    DrawInput same =
        new DrawInput(plain.reviewed(), plain.pool(), List.of(), List.of(), Map.of("FRA", 4));
    DrawInput more =
        new DrawInput(plain.reviewed(), plain.pool(), List.of(), List.of(), Map.of("FRA", 6));
    assertThat(same.canonical()).isEqualTo(plain.canonical());
    assertThat(more.canonical()).isNotEqualTo(plain.canonical()).contains("maxReviewers=FRA;6");
  }

  static LongStream fewSeeds() {
    return LongStream.range(1, 6);
  }

  @ParameterizedTest
  @MethodSource("fewSeeds")
  void randomInputsWithAgreementsToMoreReviewersKeepEveryRule(long seed) {
    DrawInput random = DrawFixtures.random(seed + 1000);
    DrawInput base =
        new DrawInput(
            random.reviewed().subList(0, Math.min(25, random.reviewed().size())),
            random.pool(),
            List.of(),
            List.of());
    java.util.Random rnd = new java.util.Random(seed);
    Map<String, Integer> more = new java.util.HashMap<>();
    for (String r : base.reviewed()) {
      if (rnd.nextInt(3) == 0) {
        more.put(r, 5 + rnd.nextInt(4));
      }
    }
    DrawInput input = new DrawInput(base.reviewed(), base.pool(), List.of(), List.of(), more);
    DrawRules.assertAllRules(input, solver.solve(input, seed));
  }
}
