package org.revflow.registry.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.revflow.registry.Instrument;

/** Checks every rule of the draw on every pair of a result: the oracle of the property tests. */
public final class DrawRules {

  private DrawRules() {}

  public static void assertAllRules(DrawInput input, DrawResult result) {
    Map<String, DrawInput.Candidate> pool = new HashMap<>();
    input.pool().forEach(c -> pool.put(c.code(), c));
    Set<String> reviewing = new HashSet<>();
    Map<String, Integer> load = new HashMap<>();
    assertThat(result.reviews())
        .extracting(DrawResult.Review::reviewed)
        .containsExactlyElementsOf(input.reviewed());
    for (DrawResult.Review review : result.reviews()) {
      DrawInput.Candidate r = pool.get(review.reviewed());
      assertThat(review.reviewers())
          .as("at most %d reviewers of %s", input.maxReviewersOf(r.code()), r.code())
          .hasSizeLessThanOrEqualTo(input.maxReviewersOf(r.code()));
      for (DrawResult.Reviewer v : review.reviewers()) {
        assertThat(v.instruments())
            .as("%s reviews something of %s", v.state(), r.code())
            .isNotEmpty();
      }
      assertThat(review.reviewers().stream().map(DrawResult.Reviewer::state).distinct().count())
          .as("distinct reviewers of %s", r.code())
          .isEqualTo(review.reviewers().size());
      for (Instrument i : r.instruments()) {
        long same =
            review.reviewers().stream()
                .filter(v -> v.instruments().contains(i))
                .filter(v -> pool.get(v.state()).group() == r.group())
                .count();
        long other =
            review.reviewers().stream()
                .filter(v -> v.instruments().contains(i))
                .filter(v -> pool.get(v.state()).group() != r.group())
                .count();
        assertThat(same).as("%s: one same-group reviewer for %s", r.code(), i).isEqualTo(1);
        assertThat(other).as("%s: one other-group reviewer for %s", r.code(), i).isEqualTo(1);
      }
      for (DrawResult.Reviewer v : review.reviewers()) {
        DrawInput.Candidate c = pool.get(v.state());
        assertThat(v.state()).isNotEqualTo(r.code());
        assertThat(c.instruments())
            .as("%s party to what it reviews of %s", v.state(), r.code())
            .containsAll(v.instruments());
        assertThat(r.instruments()).containsAll(v.instruments());
        assertThat(v.slot().sameGroup()).isEqualTo(c.group() == r.group());
        assertThat(input.excluded()).doesNotContain(new DrawInput.Pair(r.code(), v.state()));
        reviewing.add(r.code() + ">" + v.state());
        load.merge(v.state(), 1, Integer::sum);
      }
    }
    for (String pair : reviewing) {
      String[] p = pair.split(">");
      assertThat(reviewing)
          .as("no mutual review %s / %s", p[0], p[1])
          .doesNotContain(p[1] + ">" + p[0]);
    }
    int total = load.values().stream().mapToInt(Integer::intValue).sum();
    long poolSize =
        input.pool().stream().filter(c -> c.instruments().contains(Instrument.CONVENTION)).count();
    double mean = (double) total / poolSize;
    for (DrawInput.Candidate c : input.pool()) {
      int l = load.getOrDefault(c.code(), 0);
      assertThat(Math.abs(l - mean))
          .as("load of %s (%d) within one of the mean %.2f", c.code(), l, mean)
          .isLessThanOrEqualTo(1.0 + 1e-9);
      assertThat(result.load().getOrDefault(c.code(), 0)).isEqualTo(l);
    }
  }
}
