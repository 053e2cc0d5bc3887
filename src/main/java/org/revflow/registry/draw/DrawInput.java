package org.revflow.registry.draw;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.revflow.registry.Instrument;
import org.revflow.registry.RegionalGroup;

/**
 * Everything a draw depends on, in canonical (sorted) form: the same input and seed give the same
 * draw.
 *
 * @param reviewed the States under review
 * @param pool the States that may be drawn as reviewers (States parties to the Convention), with
 *     the group they are drawn with and the instruments they are party to; every reviewed State is
 *     in it
 * @param fixed reviewers kept from an earlier draw (a redraw keeps the rest)
 * @param excluded pairs that must not be drawn (a reviewer that dropped out of that review)
 * @param maxReviewers reviewed States that agreed to more than {@value #DEFAULT_MAX_REVIEWERS}
 *     reviewing States, with the number they agreed to; every other reviewed State has at most four
 */
public record DrawInput(
    List<String> reviewed,
    List<Candidate> pool,
    List<Fixed> fixed,
    List<Pair> excluded,
    Map<String, Integer> maxReviewers) {

  /** "At most four reviewing States per review unless the reviewed State agreed to more". */
  public static final int DEFAULT_MAX_REVIEWERS = 4;

  /**
   * Two base reviewers and one additional reviewer per side and Protocol: more can never be needed.
   */
  public static final int MOST_REVIEWERS_USEFUL = 2 + 2 * 3;

  public record Candidate(String code, RegionalGroup group, Set<Instrument> instruments) {
    public Candidate {
      instruments =
          Set.copyOf(
              instruments.isEmpty()
                  ? EnumSet.noneOf(Instrument.class)
                  : EnumSet.copyOf(instruments));
    }
  }

  /** A reviewer slot held fixed. */
  public record Fixed(String reviewed, Slot slot, String reviewer) {}

  public record Pair(String reviewed, String reviewer) {}

  public DrawInput(
      List<String> reviewed, List<Candidate> pool, List<Fixed> fixed, List<Pair> excluded) {
    this(reviewed, pool, fixed, excluded, Map.of());
  }

  public DrawInput {
    reviewed = List.copyOf(new TreeSet<>(reviewed));
    // Only agreements above the default are kept, so an input without any hashes as it did before
    // the option.
    Map<String, Integer> max = new TreeMap<>();
    if (maxReviewers != null) {
      maxReviewers.forEach(
          (state, n) -> {
            if (n != null && n > DEFAULT_MAX_REVIEWERS) {
              max.put(state, n);
            }
          });
    }
    maxReviewers = Collections.unmodifiableMap(max);
    List<Candidate> p = new ArrayList<>(pool);
    p.sort(Comparator.comparing(Candidate::code));
    pool = List.copyOf(p);
    List<Fixed> f = new ArrayList<>(fixed == null ? List.of() : fixed);
    f.sort(Comparator.comparing(Fixed::reviewed).thenComparing(Fixed::slot));
    fixed = List.copyOf(f);
    List<Pair> e = new ArrayList<>(excluded == null ? List.of() : excluded);
    e.sort(Comparator.comparing(Pair::reviewed).thenComparing(Pair::reviewer));
    excluded = List.copyOf(e);
  }

  /** A stable text form of the input: what is hashed and stored in the audit record. */
  public String canonical() {
    StringBuilder sb =
        new StringBuilder("revflow-draw-input/1\nreviewed=")
            .append(String.join(",", reviewed))
            .append('\n');
    for (Candidate c : pool) {
      sb.append("pool=").append(c.code()).append(';').append(c.group()).append(';');
      sb.append(String.join(",", c.instruments().stream().sorted().map(Enum::name).toList()))
          .append('\n');
    }
    for (Fixed x : fixed) {
      sb.append("fixed=")
          .append(x.reviewed())
          .append(';')
          .append(x.slot())
          .append(';')
          .append(x.reviewer())
          .append('\n');
    }
    for (Pair x : excluded) {
      sb.append("excluded=").append(x.reviewed()).append(';').append(x.reviewer()).append('\n');
    }
    maxReviewers.forEach(
        (state, n) -> sb.append("maxReviewers=").append(state).append(';').append(n).append('\n'));
    return sb.toString();
  }

  /** How many reviewing States {@code reviewedState} may have. */
  public int maxReviewersOf(String reviewedState) {
    return maxReviewers.getOrDefault(reviewedState, DEFAULT_MAX_REVIEWERS);
  }
}
