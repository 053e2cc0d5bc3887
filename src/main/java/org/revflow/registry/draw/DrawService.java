package org.revflow.registry.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.revflow.registry.Instrument;
import org.revflow.registry.RegistryException;
import org.revflow.registry.RegistryLookups;
import org.revflow.registry.StateParty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs draws against the registry and keeps their audit: the exact input (canonical JSON and its
 * SHA-256), the seed and the result. A redraw for one review keeps every other reviewer and
 * replaces the one that dropped out, drawn from the same stored input.
 */
@Service
public class DrawService {

  /**
   * A draw request. {@code seed} null draws one (and records it); {@code pool} null means every
   * registered State party; {@code maxReviewers} names the reviewed States that agreed to more than
   * four reviewing States, with the number agreed (4 to 8; more can never be needed).
   */
  public record DrawRequest(
      Integer phase,
      List<String> reviewedStates,
      Long seed,
      List<String> pool,
      Map<String, Integer> maxReviewers) {

    public DrawRequest(Integer phase, List<String> reviewedStates, Long seed, List<String> pool) {
      this(phase, reviewedStates, seed, pool, null);
    }
  }

  private final RegistryLookups registry;
  private final DrawRepository draws;
  private final DrawSolver solver;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;
  private final SecureRandom seeds = new SecureRandom();

  DrawService(
      RegistryLookups registry,
      DrawRepository draws,
      TransactionTemplate tx,
      ObjectMapper json,
      Clock clock) {
    this.registry = registry;
    this.draws = draws;
    this.solver = new DrawSolver();
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Draws reviewing States for the given States under review; throws {@link
   * DrawInfeasibleException} with the reason.
   */
  public DrawView draw(DrawRequest request, String actor) {
    if (request == null || request.reviewedStates() == null || request.reviewedStates().isEmpty()) {
      throw RegistryException.invalid("reviewedStates must name at least one State");
    }
    if (request.phase() != null && (request.phase() < 1 || request.phase() > 4)) {
      throw RegistryException.invalid("phase must be 1 to 4");
    }
    Map<String, StateParty> known = new TreeMap<>();
    registry.states().forEach(s -> known.put(s.code(), s));
    List<String> reviewed = codes(request.reviewedStates(), known);
    List<String> poolCodes =
        request.pool() == null ? List.copyOf(known.keySet()) : codes(request.pool(), known);
    List<DrawInput.Candidate> pool = new ArrayList<>();
    Set<String> inPool = new LinkedHashSet<>(poolCodes);
    inPool.addAll(reviewed);
    for (String code : inPool) {
      StateParty s = known.get(code);
      if (s.isPartyTo(Instrument.CONVENTION)) {
        pool.add(new DrawInput.Candidate(code, s.groupForDraw(), s.instruments()));
      }
    }
    DrawInput input =
        new DrawInput(
            reviewed, pool, List.of(), List.of(), maxReviewers(request.maxReviewers(), reviewed));
    long seed = request.seed() != null ? request.seed() : seeds.nextLong();
    DrawResult result = solver.solve(input, seed);
    return store(null, request.phase(), seed, input, null, actor, result);
  }

  /**
   * Replaces {@code droppedReviewer} in the review of {@code reviewedState} and keeps every other
   * reviewer of the draw. The new draw points at the old one, which stays unchanged.
   */
  public DrawView redraw(
      long drawId,
      String reviewedState,
      String droppedReviewer,
      String reason,
      Long seed,
      String actor) {
    if (reason == null || reason.isBlank()) {
      throw RegistryException.invalid("a reason is required for a redraw");
    }
    DrawRepository.Stored parent = draws.find(drawId).orElseThrow(() -> unknownDraw(drawId));
    DrawInput before = readInput(parent.inputJson());
    String reviewed =
        reviewedState == null ? "" : reviewedState.strip().toUpperCase(java.util.Locale.ROOT);
    String dropped =
        droppedReviewer == null ? "" : droppedReviewer.strip().toUpperCase(java.util.Locale.ROOT);
    List<DrawResult.Review> reviews = draws.reviews(drawId);
    DrawResult.Review target =
        reviews.stream()
            .filter(r -> r.reviewed().equals(reviewed))
            .findFirst()
            .orElseThrow(
                () -> RegistryException.invalid(reviewed + " is not reviewed in draw " + drawId));
    DrawResult.Reviewer leaving =
        target.reviewers().stream()
            .filter(r -> r.state().equals(dropped))
            .findFirst()
            .orElseThrow(
                () ->
                    RegistryException.invalid(
                        dropped + " does not review " + reviewed + " in draw " + drawId));
    List<DrawInput.Fixed> fixed = new ArrayList<>();
    for (DrawResult.Review review : reviews) {
      for (DrawResult.Reviewer r : review.reviewers()) {
        // The side the reviewer leaves is drawn again whole: a new base reviewer changes which
        // additional one is needed.
        boolean freed =
            review.reviewed().equals(reviewed)
                && r.slot().sameGroup() == leaving.slot().sameGroup();
        if (!freed) {
          fixed.add(new DrawInput.Fixed(review.reviewed(), r.slot(), r.state()));
        }
      }
    }
    List<DrawInput.Pair> excluded = new ArrayList<>(before.excluded());
    excluded.add(new DrawInput.Pair(reviewed, dropped));
    DrawInput input =
        new DrawInput(before.reviewed(), before.pool(), fixed, excluded, before.maxReviewers());
    long s = seed != null ? seed : seeds.nextLong();
    DrawResult result = solver.redraw(input, s);
    return store(drawId, parent.phase(), s, input, reason.strip(), actor, result);
  }

  public DrawView get(long id) {
    DrawRepository.Stored d = draws.find(id).orElseThrow(() -> unknownDraw(id));
    return view(d, draws.reviews(id), readInput(d.inputJson()));
  }

  public List<DrawView> list(int limit) {
    return draws.list(Math.max(1, Math.min(limit, 200))).stream()
        .map(d -> view(d, draws.reviews(d.id()), readInput(d.inputJson())))
        .toList();
  }

  /**
   * Solves the stored input with the stored seed again: true when it gives exactly the stored
   * result.
   */
  public boolean verify(long id) {
    DrawView stored = get(id);
    DrawRepository.Stored d = draws.find(id).orElseThrow();
    DrawInput input = readInput(d.inputJson());
    if (!digest(input).equals(d.inputDigest())) {
      return false;
    }
    DrawResult again =
        d.parentDrawId() == null ? solver.solve(input, d.seed()) : solver.redraw(input, d.seed());
    return again.reviews().equals(stored.reviews());
  }

  private DrawView store(
      Long parentId,
      Integer phase,
      long seed,
      DrawInput input,
      String reason,
      String actor,
      DrawResult result) {
    String who = actor == null || actor.isBlank() ? "system" : actor.strip();
    Instant now = clock.instant();
    long id =
        tx.execute(
            status ->
                draws.insert(
                    parentId,
                    phase,
                    seed,
                    digest(input),
                    writeInput(input),
                    solver.name(),
                    reason,
                    now,
                    who,
                    result));
    return get(id);
  }

  private DrawView view(DrawRepository.Stored d, List<DrawResult.Review> reviews, DrawInput input) {
    Map<String, Integer> load = new TreeMap<>();
    input.pool().forEach(c -> load.put(c.code(), 0));
    int total = 0;
    for (DrawResult.Review r : reviews) {
      for (DrawResult.Reviewer v : r.reviewers()) {
        load.merge(v.state(), 1, Integer::sum);
        total++;
      }
    }
    return new DrawView(
        d.id(),
        d.parentDrawId(),
        d.phase(),
        d.seed(),
        d.inputDigest(),
        d.solver(),
        d.reason(),
        d.createdAt(),
        d.createdBy(),
        reviews,
        load,
        input.pool().isEmpty() ? 0 : (double) total / input.pool().size());
  }

  /**
   * The agreements to more reviewers, checked: each for a State under review in this draw, a number
   * from 4 to 8.
   */
  private static Map<String, Integer> maxReviewers(
      Map<String, Integer> requested, List<String> reviewed) {
    if (requested == null) {
      return Map.of();
    }
    Map<String, Integer> out = new TreeMap<>();
    List<String> bad = new ArrayList<>();
    requested.forEach(
        (state, n) -> {
          String code = state == null ? "" : state.strip().toUpperCase(java.util.Locale.ROOT);
          if (!reviewed.contains(code)) {
            bad.add("'" + state + "' is not among reviewedStates");
          } else if (n == null
              || n < DrawInput.DEFAULT_MAX_REVIEWERS
              || n > DrawInput.MOST_REVIEWERS_USEFUL) {
            bad.add(
                code
                    + ": "
                    + n
                    + " is not a number of reviewing States from "
                    + DrawInput.DEFAULT_MAX_REVIEWERS
                    + " to "
                    + DrawInput.MOST_REVIEWERS_USEFUL);
          } else if (out.put(code, n) != null) {
            bad.add(code + " is given twice");
          }
        });
    if (!bad.isEmpty()) {
      throw RegistryException.invalid("maxReviewers: " + String.join("; ", bad));
    }
    return out;
  }

  private static List<String> codes(List<String> codes, Map<String, StateParty> known) {
    Set<String> out = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String c : codes) {
      String code = c == null ? "" : c.strip().toUpperCase(java.util.Locale.ROOT);
      if (!known.containsKey(code)) {
        unknown.add(c);
      }
      out.add(code);
    }
    if (!unknown.isEmpty()) {
      throw new RegistryException(
          RegistryException.Kind.UNKNOWN_STATE, "unknown State(s) " + unknown);
    }
    return List.copyOf(out);
  }

  static String digest(DrawInput input) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(input.canonical().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String writeInput(DrawInput input) {
    try {
      return json.writeValueAsString(input);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private DrawInput readInput(String text) {
    try {
      return json.readValue(text, DrawInput.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored draw input unreadable", e);
    }
  }

  private static RegistryException unknownDraw(long id) {
    return new RegistryException(RegistryException.Kind.UNKNOWN_DRAW, "unknown draw " + id);
  }
}
