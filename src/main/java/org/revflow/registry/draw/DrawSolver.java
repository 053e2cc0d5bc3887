package org.revflow.registry.draw;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solution;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.search.restart.LubyCutoff;
import org.chocosolver.solver.search.restart.Restarter;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.selectors.values.IntValueSelector;
import org.chocosolver.solver.search.strategy.selectors.variables.DomOverWDeg;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.revflow.registry.Instrument;
import org.revflow.registry.RegionalGroup;
import org.revflow.registry.draw.DrawInput.Candidate;

/**
 * Draws reviewing States as a constraint problem (Choco solver).
 *
 * <p>Per reviewed State r there are variables over the pool: the same-group and other-group base
 * reviewers (party to the Convention, so they review it and every Protocol of r they are party to),
 * and per side a short list of additional places, the first drawn exactly when that side's base
 * reviewer misses a Protocol r is party to, each further one only when it covers a missing Protocol
 * the earlier ones do not. Every missing Protocol is covered by an additional reviewer party to it,
 * so every instrument of r has one reviewer from r's group and one from another, all party to it;
 * the number of additional reviewers is at most r's limit (four reviewing States unless r agreed to
 * more) less the two base reviewers. A global cardinality constraint counts each State's reviews
 * and keeps it within one of the mean; element constraints forbid mutual reviews.
 *
 * <p>The search is deterministic for a given input and seed (random value choice seeded, Luby
 * restarts counted in failures, a fail limit rather than a wall-clock limit decides when to give
 * up), so a draw can be replayed from its audit record. A wall-clock limit exists only as a safety
 * net.
 */
public final class DrawSolver {

  /** Tuning; the defaults draw ~190 States well within the limits. */
  public record Limits(long failLimit, long safetyTimeMillis) {
    public static Limits defaults() {
      return new Limits(200_000, 60_000);
    }
  }

  /**
   * Which rules to enforce: all of them for a draw; relaxations are only used to explain failures.
   */
  record Rules(boolean noMutual, boolean balanceUpper, boolean balanceLower) {
    static final Rules ALL = new Rules(true, true, true);
  }

  private static final int NOT_A_REVIEWER = -1;

  private final Limits limits;

  public DrawSolver() {
    this(Limits.defaults());
  }

  public DrawSolver(Limits limits) {
    this.limits = limits;
  }

  public String name() {
    return "choco-solver 4.10.18 (revflow draw model 2)";
  }

  /**
   * A draw that keeps every rule, or a {@link DrawInfeasibleException} naming the rule and States.
   */
  public DrawResult solve(DrawInput input, long seed) {
    return solve(input, seed, Rules.ALL);
  }

  /**
   * As {@link #solve}, but the lower bound of the load rule is not enforced (a redraw cannot
   * restore it).
   */
  public DrawResult redraw(DrawInput input, long seed) {
    return solve(input, seed, new Rules(true, true, false));
  }

  private DrawResult solve(DrawInput input, long seed, Rules rules) {
    Problem p = new Problem(input);
    p.precheck();
    Outcome outcome = p.run(seed, rules, limits);
    if (outcome.solution != null) {
      return outcome.solution;
    }
    throw p.explain(seed, rules, outcome, limits);
  }

  private record Outcome(DrawResult solution, boolean limitReached) {}

  /** The input indexed for the model. */
  private static final class Problem {
    final DrawInput input;
    final List<Candidate> pool;
    final Map<String, Integer> index = new HashMap<>();
    final int none;
    final int[] reviewed;
    final Map<String, Integer> reviewedPosition = new HashMap<>();
    final Set<Long> excluded = new HashSet<>();
    final Map<String, Map<Slot, String>> fixed = new HashMap<>();

    /**
     * Per reviewed position and side (0 same, 1 other): the fewest additional reviewers any draw
     * needs.
     */
    int[][] need;

    Problem(DrawInput input) {
      this.input = input;
      this.pool =
          input.pool().stream()
              .filter(c -> c.instruments().contains(Instrument.CONVENTION) && c.group() != null)
              .toList();
      for (int i = 0; i < pool.size(); i++) {
        index.put(pool.get(i).code(), i);
      }
      none = pool.size();
      List<String> unknown = input.reviewed().stream().filter(r -> !index.containsKey(r)).toList();
      if (!unknown.isEmpty()) {
        throw new DrawInfeasibleException(
            DrawRule.KNOWN_STATE_PARTY,
            unknown,
            "not registered, not party to the Convention, or without a group to draw with");
      }
      reviewed = input.reviewed().stream().mapToInt(index::get).toArray();
      for (int k = 0; k < reviewed.length; k++) {
        reviewedPosition.put(input.reviewed().get(k), k);
      }
      for (DrawInput.Pair e : input.excluded()) {
        Integer r = index.get(e.reviewed());
        Integer v = index.get(e.reviewer());
        if (r != null && v != null) {
          excluded.add(key(r, v));
        }
      }
      for (DrawInput.Fixed f : input.fixed()) {
        fixed.computeIfAbsent(f.reviewed(), k -> new LinkedHashMap<>()).put(f.slot(), f.reviewer());
      }
    }

    static long key(int r, int v) {
      return ((long) r << 32) | v;
    }

    Candidate c(int i) {
      return pool.get(i);
    }

    Set<Instrument> protocolsOf(int r) {
      Set<Instrument> s = EnumSet.noneOf(Instrument.class);
      for (Instrument i : c(r).instruments()) {
        if (i != Instrument.CONVENTION) {
          s.add(i);
        }
      }
      return s;
    }

    /** Base candidates of r on one side. */
    int[] baseCandidates(int r, boolean same) {
      RegionalGroup g = c(r).group();
      return IntStream.range(0, pool.size())
          .filter(i -> i != r && (c(i).group() == g) == same && !excluded.contains(key(r, i)))
          .toArray();
    }

    /** Additional candidates of r on one side: party to at least one of r's Protocols. */
    int[] additionalCandidates(int r, boolean same) {
      Set<Instrument> prot = protocolsOf(r);
      return IntStream.of(baseCandidates(r, same))
          .filter(i -> c(i).instruments().stream().anyMatch(prot::contains))
          .toArray();
    }

    /** Rules that single reviews break whatever the others do: cheap, exact, and easy to name. */
    void precheck() {
      for (int r : reviewed) {
        String code = c(r).code();
        for (boolean same : new boolean[] {true, false}) {
          int[] base = baseCandidates(r, same);
          String side = same ? "its own group (" + c(r).group().label() + ")" : "another group";
          if (base.length == 0) {
            throw new DrawInfeasibleException(
                same ? DrawRule.SAME_GROUP : DrawRule.OTHER_GROUP,
                List.of(code),
                "no other State party to the Convention from " + side + " can be drawn");
          }
          for (Instrument p : protocolsOf(r)) {
            boolean any = IntStream.of(base).anyMatch(i -> c(i).instruments().contains(p));
            if (!any) {
              throw new DrawInfeasibleException(
                  DrawRule.PARTY_TO_INSTRUMENT,
                  List.of(code),
                  "no State from " + side + " is party to the " + p + " Protocol");
            }
          }
        }
      }
      need = new int[reviewed.length][2];
      for (int k = 0; k < reviewed.length; k++) {
        int r = reviewed[k];
        need[k][0] = fewestAdditional(r, true);
        need[k][1] = fewestAdditional(r, false);
        int allowed = input.maxReviewersOf(c(r).code()) - 2;
        if (need[k][0] + need[k][1] > allowed) {
          throw beyondLimit(k, allowed);
        }
      }
    }

    /** Bit set of r's Protocols that State i is party to. */
    private int protocolBits(int r, int i) {
      int bits = 0;
      for (Instrument p : protocolsOf(r)) {
        if (c(i).instruments().contains(p)) {
          bits |= 1 << p.ordinal();
        }
      }
      return bits;
    }

    private int allProtocolBits(int r) {
      int bits = 0;
      for (Instrument p : protocolsOf(r)) {
        bits |= 1 << p.ordinal();
      }
      return bits;
    }

    /**
     * The distinct Protocol sets (of r's) that the additional candidates of one side are party to.
     */
    private List<Integer> coverSets(int r, boolean same) {
      Set<Integer> sets = new java.util.TreeSet<>();
      for (int i : additionalCandidates(r, same)) {
        sets.add(protocolBits(r, i));
      }
      return List.copyOf(sets);
    }

    /**
     * Of the Protocols {@code missing}, the most that {@code at most} States from {@code sets}
     * cover together, as the covered bits (exhaustive: at most three Protocols, so at most seven
     * sets).
     */
    private static int bestCover(int missing, List<Integer> sets, int atMost) {
      int best = 0;
      if (atMost <= 0) {
        return 0;
      }
      for (int i = 0; i < sets.size(); i++) {
        int covered = sets.get(i) & missing;
        int rest = bestCover(missing & ~covered, sets.subList(i + 1, sets.size()), atMost - 1);
        if (Integer.bitCount(covered | rest) > Integer.bitCount(best)) {
          best = covered | rest;
        }
      }
      return best;
    }

    /**
     * The fewest additional reviewers one side of r's review needs, over every possible base
     * reviewer.
     */
    private int fewestAdditional(int r, boolean same) {
      List<Integer> sets = coverSets(r, same);
      int all = allProtocolBits(r);
      int fewest = Integer.MAX_VALUE;
      for (int b : baseCandidates(r, same)) {
        int missing = all & ~protocolBits(r, b);
        for (int n = 0; n <= Integer.bitCount(missing) && n < fewest; n++) {
          if (bestCover(missing, sets, n) == missing) {
            fewest = n;
            break;
          }
        }
      }
      return fewest;
    }

    /**
     * The explanation when r's Protocols cannot be covered within its limit of reviewing States:
     * which Protocols are left without an eligible State party to them, on which side, and how many
     * reviewing States r would have to agree to.
     */
    private DrawInfeasibleException beyondLimit(int k, int allowed) {
      int r = reviewed[k];
      String code = c(r).code();
      int max = allowed + 2;
      int needed = 2 + need[k][0] + need[k][1];
      Set<Instrument> uncovered = EnumSet.noneOf(Instrument.class);
      List<String> sides = new ArrayList<>();
      for (int side = 0; side < 2; side++) {
        boolean same = side == 0;
        int room = allowed - need[k][1 - side];
        if (need[k][side] <= room) {
          continue;
        }
        // The base reviewer that leaves least uncovered with the room this side has.
        List<Integer> sets = coverSets(r, same);
        int all = allProtocolBits(r);
        int leastLeft = all;
        for (int b : baseCandidates(r, same)) {
          int missing = all & ~protocolBits(r, b);
          int left = missing & ~bestCover(missing, sets, Math.max(0, room));
          if (Integer.bitCount(left) < Integer.bitCount(leastLeft)) {
            leastLeft = left;
          }
        }
        for (Instrument p : protocolsOf(r)) {
          if ((leastLeft & (1 << p.ordinal())) != 0) {
            uncovered.add(p);
          }
        }
        sides.add(
            (same ? "its own group (" + c(r).group().label() + ")" : "another group")
                + " needs "
                + need[k][side]
                + " additional reviewer"
                + (need[k][side] == 1 ? "" : "s")
                + " beside its base reviewer to cover every Protocol of "
                + code
                + ", and the limit leaves room for "
                + Math.max(0, room));
      }
      List<Instrument> instruments = List.copyOf(uncovered);
      String names = String.join(", ", instruments.stream().map(Enum::name).toList());
      return new DrawInfeasibleException(
          DrawRule.MAX_REVIEWERS,
          List.of(code),
          code
              + " may have at most "
              + max
              + " reviewing States, and for "
              + names
              + " no eligible State party to it"
              + " remains within that limit ("
              + String.join("; ", sides)
              + "). A draw needs "
              + needed
              + " reviewing States for "
              + code
              + ": it would be possible if "
              + code
              + " agreed to "
              + needed
              + " or more reviewers (maxReviewers)",
          instruments,
          needed);
    }

    Outcome run(long seed, Rules rules, Limits limits) {
      Model model = new Model("draw");
      int n = reviewed.length;
      int poolSize = pool.size();
      IntVar[][] base = new IntVar[n][2];
      IntVar[][][] extra = new IntVar[n][2][];
      List<IntVar> all = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int r = reviewed[k];
        Set<Instrument> prot = protocolsOf(r);
        int allowed = input.maxReviewersOf(c(r).code()) - 2;
        Map<Slot, String> keep = fixed.getOrDefault(c(r).code(), Map.of());
        List<BoolVar> drawn = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
          boolean same = side == 0;
          Slot baseSlot = same ? Slot.SAME_GROUP : Slot.OTHER_GROUP;
          base[k][side] =
              model.intVar(
                  c(r).code() + "." + baseSlot,
                  restrict(baseCandidates(r, same), keep.get(baseSlot)));
          // One additional place per side, as the draw always had, unless r agreed to more
          // reviewers or
          // this side cannot do with one: then as many as it can use (one per Protocol) within r's
          // limit
          // once the other side has what it needs at least. (More places for everyone would make
          // the
          // search for ~190 States much harder, for nothing in the usual case.)
          int places =
              allowed == 2 && need[k][side] <= 1
                  ? 1
                  : Math.max(1, Math.min(prot.size(), allowed - need[k][1 - side]));
          while (places < 3 && keep.containsKey(Slot.additional(same, places))) {
            places++; // a redraw keeps every additional reviewer of the side it does not draw again
          }
          extra[k][side] = new IntVar[places];
          int[] extraDomain =
              IntStream.concat(IntStream.of(additionalCandidates(r, same)), IntStream.of(none))
                  .toArray();
          for (int j = 0; j < places; j++) {
            Slot extraSlot = Slot.additional(same, j);
            String keptExtra =
                keep.containsKey(baseSlot) && !keep.containsKey(extraSlot)
                    ? ""
                    : keep.get(extraSlot);
            extra[k][side][j] =
                model.intVar(c(r).code() + "." + extraSlot, restrict(extraDomain, keptExtra));
          }
          List<BoolVar> missing = new ArrayList<>();
          // covers[j][p]: the j-th additional reviewer is party to Protocol p
          BoolVar[][] covers = new BoolVar[places][prot.size()];
          int pi = 0;
          for (Instrument p : prot) {
            int[] missTable = new int[poolSize];
            int[] coverTable = new int[poolSize + 1];
            for (int i = 0; i < poolSize; i++) {
              missTable[i] = c(i).instruments().contains(p) ? 0 : 1;
              coverTable[i] = 1 - missTable[i];
            }
            BoolVar miss = model.boolVar();
            for (int j = 0; j < places; j++) {
              covers[j][pi] = model.boolVar();
            }
            model.element(miss, missTable, base[k][side]).post();
            for (int j = 0; j < places; j++) {
              model.element(covers[j][pi], coverTable, extra[k][side][j]).post();
            }
            // a Protocol the base reviewer misses is covered by one of the additional reviewers
            if (places == 1) {
              model.arithm(miss, "<=", covers[0][pi]).post();
            } else {
              model.sum(covers(covers, pi), ">=", miss).post();
            }
            missing.add(miss);
            pi++;
          }
          BoolVar need = model.boolVar();
          if (missing.isEmpty()) {
            model.arithm(need, "=", 0).post();
          } else {
            model.max(need, missing.toArray(new BoolVar[0])).post();
          }
          model.arithm(extra[k][side][0], "!=", none).reifyWith(need);
          for (int j = 0; j < places; j++) {
            BoolVar set = j == 0 ? need : model.arithm(extra[k][side][j], "!=", none).reify();
            drawn.add(set);
            if (j > 0) {
              // Places fill in order, each value once (no symmetric duplicates of one draw) ...
              IntVar prev = extra[k][side][j - 1];
              model.ifThen(
                  model.arithm(prev, "=", none), model.arithm(extra[k][side][j], "=", none));
              model.ifThen(set, model.arithm(prev, "<", extra[k][side][j]));
            }
            if (places > 1) {
              // ... and each additional reviewer covers a missing Protocol the earlier ones do not.
              BoolVar[] fresh = new BoolVar[prot.size()];
              for (int q = 0; q < prot.size(); q++) {
                fresh[q] = model.boolVar();
                model.arithm(fresh[q], "<=", missing.get(q)).post();
                model.arithm(fresh[q], "<=", covers[j][q]).post();
                for (int i = 0; i < j; i++) {
                  model.arithm(fresh[q], "+", covers[i][q], "<=", 1).post();
                }
              }
              model.sum(fresh, ">=", set).post();
            }
          }
          all.add(base[k][side]);
          all.addAll(List.of(extra[k][side]));
        }
        if (drawn.size() > allowed) {
          model.sum(drawn.toArray(new BoolVar[0]), "<=", allowed).post();
        }
      }

      if (rules.noMutual()) {
        IntVar dummy = model.intVar(NOT_A_REVIEWER);
        int maxPlaces = 1;
        for (IntVar[][] e : extra) {
          maxPlaces = Math.max(maxPlaces, Math.max(e[0].length, e[1].length));
        }
        for (int side = 0; side < 2; side++) {
          for (int slot = 0; slot <= maxPlaces; slot++) {
            // table[v] = the State that v's (side, slot) reviewer is, or NOT_A_REVIEWER
            IntVar[] table = new IntVar[poolSize + 1];
            java.util.Arrays.fill(table, dummy);
            boolean any = false;
            for (int k = 0; k < n; k++) {
              IntVar v =
                  slot == 0
                      ? base[k][side]
                      : slot <= extra[k][side].length ? extra[k][side][slot - 1] : null;
              if (v != null) {
                table[reviewed[k]] = v;
                any = true;
              }
            }
            if (!any) {
              continue;
            }
            for (int k = 0; k < n; k++) {
              List<IntVar> mineAll = new ArrayList<>();
              mineAll.add(base[k][side]);
              mineAll.addAll(List.of(extra[k][side]));
              for (IntVar mine : mineAll) {
                if (!hasReviewedValue(mine)) {
                  continue;
                }
                IntVar theirs = model.intVar(-1, poolSize);
                model.element(theirs, table, mine, 0).post();
                model.arithm(theirs, "!=", reviewed[k]).post();
              }
            }
          }
        }
      }

      IntVar[] vars = all.toArray(new IntVar[0]);
      IntVar[] load = model.intVarArray("load", poolSize, 0, 2 * n);
      int[] values = IntStream.range(0, poolSize).toArray();
      model.globalCardinality(vars, values, load, false).post();
      int most = 0;
      for (int k = 0; k < n; k++) {
        most +=
            Math.min(
                input.maxReviewersOf(c(reviewed[k]).code()),
                2 + extra[k][0].length + extra[k][1].length);
      }
      IntVar total = model.intVar("total", 2 * n, most);
      model.sum(load, "=", total).post();
      for (int i = 0; i < poolSize; i++) {
        // |load_i - total/P| <= 1  <=>  -P <= P*load_i - total <= P
        if (rules.balanceUpper()) {
          model
              .scalar(new IntVar[] {load[i], total}, new int[] {poolSize, -1}, "<=", poolSize)
              .post();
        }
        if (rules.balanceLower()) {
          model
              .scalar(new IntVar[] {load[i], total}, new int[] {poolSize, -1}, ">=", -poolSize)
              .post();
        }
      }

      Solver solver = model.getSolver();
      List<IntVar> baseVars = new ArrayList<>();
      List<IntVar> extraVars = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        baseVars.add(base[k][0]);
        baseVars.add(base[k][1]);
        extraVars.addAll(List.of(extra[k][0]));
        extraVars.addAll(List.of(extra[k][1]));
      }
      IntVar[] baseOrder = shuffled(baseVars.toArray(new IntVar[0]), seed);
      IntVar[] extraOrder = shuffled(extraVars.toArray(new IntVar[0]), seed + 1);
      Random tieBreak = new Random(seed);
      IntValueSelector leastLoaded = var -> leastLoaded(var, vars, tieBreak);
      solver.setSearch(
          Search.lastConflict(
              Search.sequencer(
                  Search.intVarSearch(new DomOverWDeg<>(baseOrder, seed), leastLoaded, baseOrder),
                  Search.intVarSearch(
                      new DomOverWDeg<>(extraOrder, seed + 1), leastLoaded, extraOrder))));
      solver.addRestarter(
          new Restarter(new LubyCutoff(200), c -> solver.getFailCount() >= c, 50_000, true));
      solver.setNoGoodRecordingFromRestarts();
      solver.limitFail(limits.failLimit());
      solver.limitTime(limits.safetyTimeMillis());
      Solution s = solver.findSolution();
      if (s == null) {
        return new Outcome(null, solver.isStopCriterionMet());
      }
      return new Outcome(toResult(s, base, extra, load, total), false);
    }

    /**
     * Balance guides the lot: among the possible reviewers the least loaded so far, ties broken by
     * the seed.
     */
    private int leastLoaded(IntVar var, IntVar[] vars, Random tieBreak) {
      int[] count = new int[none + 1];
      for (IntVar x : vars) {
        if (x.isInstantiated()) {
          count[x.getValue()]++;
        }
      }
      int best = var.getLB();
      int bestLoad = Integer.MAX_VALUE;
      int ties = 0;
      for (int v = var.getLB(); v <= var.getUB(); v = var.nextValue(v)) {
        int l = v == none ? -1 : count[v];
        if (l < bestLoad) {
          best = v;
          bestLoad = l;
          ties = 1;
        } else if (l == bestLoad && tieBreak.nextInt(++ties) == 0) {
          best = v;
        }
      }
      return best;
    }

    private boolean hasReviewedValue(IntVar v) {
      for (int r : reviewed) {
        if (v.contains(r)) {
          return true;
        }
      }
      return false;
    }

    private int[] restrict(int[] domain, String keep) {
      if (keep == null) {
        return domain;
      }
      int value = keep.isEmpty() ? none : index.getOrDefault(keep, Integer.MIN_VALUE);
      if (IntStream.of(domain).noneMatch(v -> v == value)) {
        throw new DrawInfeasibleException(
            DrawRule.FIXED_ASSIGNMENTS,
            List.of(keep.isEmpty() ? "(none)" : keep),
            "a reviewer kept from the earlier draw no longer fits its place");
      }
      return new int[] {value};
    }

    private static IntVar[] shuffled(IntVar[] vars, long seed) {
      List<IntVar> list = new ArrayList<>(List.of(vars));
      java.util.Collections.shuffle(list, new Random(seed));
      return list.toArray(new IntVar[0]);
    }

    private static BoolVar[] covers(BoolVar[][] covers, int protocol) {
      BoolVar[] out = new BoolVar[covers.length];
      for (int j = 0; j < covers.length; j++) {
        out[j] = covers[j][protocol];
      }
      return out;
    }

    private DrawResult toResult(
        Solution s, IntVar[][] base, IntVar[][][] extra, IntVar[] load, IntVar total) {
      List<DrawResult.Review> reviews = new ArrayList<>();
      for (int k = 0; k < reviewed.length; k++) {
        int r = reviewed[k];
        Set<Instrument> prot = protocolsOf(r);
        List<DrawResult.Reviewer> reviewers = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
          int b = s.getIntVal(base[k][side]);
          Set<Instrument> covered = EnumSet.of(Instrument.CONVENTION);
          Set<Instrument> missing = EnumSet.noneOf(Instrument.class);
          for (Instrument p : prot) {
            (c(b).instruments().contains(p) ? covered : missing).add(p);
          }
          reviewers.add(
              new DrawResult.Reviewer(
                  c(b).code(),
                  side == 0 ? Slot.SAME_GROUP : Slot.OTHER_GROUP,
                  Set.copyOf(covered)));
          // Each missing Protocol is reviewed by the first additional reviewer party to it.
          for (int j = 0; j < extra[k][side].length; j++) {
            int e = s.getIntVal(extra[k][side][j]);
            if (e == none) {
              break;
            }
            Set<Instrument> mine = EnumSet.noneOf(Instrument.class);
            for (Instrument p : missing) {
              if (c(e).instruments().contains(p)) {
                mine.add(p);
              }
            }
            missing.removeAll(mine);
            reviewers.add(
                new DrawResult.Reviewer(
                    c(e).code(), Slot.additional(side == 0, j), Set.copyOf(mine)));
          }
        }
        reviewers.sort(java.util.Comparator.comparing(DrawResult.Reviewer::slot));
        reviews.add(new DrawResult.Review(c(r).code(), List.copyOf(reviewers)));
      }
      Map<String, Integer> loads = new TreeMap<>();
      for (int i = 0; i < load.length; i++) {
        loads.put(c(i).code(), s.getIntVal(load[i]));
      }
      return new DrawResult(
          List.copyOf(reviews),
          java.util.Collections.unmodifiableMap(loads),
          (double) s.getIntVal(total) / pool.size());
    }

    /**
     * Finds which rule family makes the input infeasible by solving relaxed problems (a bounded
     * number).
     */
    DrawInfeasibleException explain(long seed, Rules rules, Outcome failed, Limits limits) {
      if (rules.noMutual()
          && run(seed, new Rules(false, rules.balanceUpper(), rules.balanceLower()), limits)
                  .solution
              != null) {
        List<String> states = tightGroupStates();
        return new DrawInfeasibleException(
            DrawRule.NO_MUTUAL_REVIEWS,
            states,
            "every draw that meets the group and instrument rules makes two of these States review each other");
      }
      if ((rules.balanceLower() || rules.balanceUpper())
          && run(seed, new Rules(rules.noMutual(), false, false), limits).solution != null) {
        return new DrawInfeasibleException(
            DrawRule.BALANCED_LOAD,
            tightGroupStates(),
            "the group sizes do not allow every State to review within one of the mean number of reviews ("
                + "reviews to draw: "
                + (2 * reviewed.length)
                + " or more, States in the pool: "
                + pool.size()
                + ")");
      }
      if (!fixed.isEmpty()) {
        return new DrawInfeasibleException(
            DrawRule.FIXED_ASSIGNMENTS,
            List.copyOf(new java.util.TreeSet<>(fixed.keySet())),
            "no reviewer fits beside the reviewers kept from the earlier draw");
      }
      if (failed.limitReached()) {
        return new DrawInfeasibleException(
            DrawRule.SEARCH_LIMIT,
            input.reviewed(),
            "no draw was found within " + limits.failLimit() + " failures; try another seed");
      }
      return new DrawInfeasibleException(
          DrawRule.NO_MUTUAL_REVIEWS,
          tightGroupStates(),
          "the rules together cannot be met for this set of States");
    }

    /** The reviewed States of the group with the fewest States able to review within it. */
    private List<String> tightGroupStates() {
      Map<RegionalGroup, Integer> poolByGroup = new TreeMap<>();
      Map<RegionalGroup, List<String>> reviewedByGroup = new TreeMap<>();
      for (Candidate c : pool) {
        poolByGroup.merge(c.group(), 1, Integer::sum);
      }
      for (int r : reviewed) {
        reviewedByGroup.computeIfAbsent(c(r).group(), g -> new ArrayList<>()).add(c(r).code());
      }
      RegionalGroup tightest = null;
      double worst = -1;
      for (var e : reviewedByGroup.entrySet()) {
        double ratio = (double) e.getValue().size() / poolByGroup.get(e.getKey());
        if (ratio > worst
            || (ratio == worst && poolByGroup.get(e.getKey()) < poolByGroup.get(tightest))) {
          worst = ratio;
          tightest = e.getKey();
        }
      }
      return tightest == null ? input.reviewed() : reviewedByGroup.get(tightest);
    }
  }
}
