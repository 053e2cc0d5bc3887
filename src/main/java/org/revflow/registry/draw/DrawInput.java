package org.revflow.registry.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.revflow.registry.Instrument;
import org.revflow.registry.RegionalGroup;

/**
 * Everything a draw depends on, in canonical (sorted) form: the same input and seed give the same draw.
 *
 * @param reviewed the States under review
 * @param pool the States that may be drawn as reviewers (States parties to the Convention), with the
 *     group they are drawn with and the instruments they are party to; every reviewed State is in it
 * @param fixed reviewers kept from an earlier draw (a redraw keeps the rest)
 * @param excluded pairs that must not be drawn (a reviewer that dropped out of that review)
 */
public record DrawInput(List<String> reviewed, List<Candidate> pool, List<Fixed> fixed, List<Pair> excluded) {

  public record Candidate(String code, RegionalGroup group, Set<Instrument> instruments) {
    public Candidate {
      instruments = Set.copyOf(instruments.isEmpty() ? EnumSet.noneOf(Instrument.class) : EnumSet.copyOf(instruments));
    }
  }

  /** A reviewer slot held fixed. */
  public record Fixed(String reviewed, Slot slot, String reviewer) {}

  public record Pair(String reviewed, String reviewer) {}

  public DrawInput {
    reviewed = List.copyOf(new TreeSet<>(reviewed));
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
    StringBuilder sb = new StringBuilder("revflow-draw-input/1\nreviewed=").append(String.join(",", reviewed)).append('\n');
    for (Candidate c : pool) {
      sb.append("pool=").append(c.code()).append(';').append(c.group()).append(';');
      sb.append(String.join(",", c.instruments().stream().sorted().map(Enum::name).toList())).append('\n');
    }
    for (Fixed x : fixed) {
      sb.append("fixed=").append(x.reviewed()).append(';').append(x.slot()).append(';').append(x.reviewer()).append('\n');
    }
    for (Pair x : excluded) {
      sb.append("excluded=").append(x.reviewed()).append(';').append(x.reviewer()).append('\n');
    }
    return sb.toString();
  }
}
