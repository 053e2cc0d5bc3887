package org.revflow.registry.draw;

import java.util.List;
import org.revflow.registry.Instrument;
import org.revflow.registry.RegistryException;

/** No draw satisfies the rules for this input: says which rule and which States. */
public class DrawInfeasibleException extends RegistryException {

  private final DrawRule rule;
  private final List<String> states;
  private final List<Instrument> instruments;
  private final Integer reviewersNeeded;

  public DrawInfeasibleException(DrawRule rule, List<String> states, String detail) {
    this(rule, states, detail, List.of(), null);
  }

  /**
   * @param instruments the instruments the rule cannot be met for, when it is about instruments
   * @param reviewersNeeded for {@link DrawRule#MAX_REVIEWERS}: the number of reviewing States the
   *     reviewed State would have to agree to for a draw to exist
   */
  public DrawInfeasibleException(
      DrawRule rule,
      List<String> states,
      String detail,
      List<Instrument> instruments,
      Integer reviewersNeeded) {
    super(
        Kind.DRAW_INFEASIBLE,
        "rule '"
            + rule.name()
            + "' ("
            + rule.text()
            + ") cannot be met for "
            + String.join(", ", states)
            + ": "
            + detail);
    this.rule = rule;
    this.states = List.copyOf(states);
    this.instruments = List.copyOf(instruments);
    this.reviewersNeeded = reviewersNeeded;
  }

  public DrawRule rule() {
    return rule;
  }

  public List<String> states() {
    return states;
  }

  public List<Instrument> instruments() {
    return instruments;
  }

  public Integer reviewersNeeded() {
    return reviewersNeeded;
  }
}
