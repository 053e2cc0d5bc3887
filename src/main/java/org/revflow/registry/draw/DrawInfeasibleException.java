package org.revflow.registry.draw;

import java.util.List;
import org.revflow.registry.RegistryException;

/** No draw satisfies the rules for this input: says which rule and which States. */
public class DrawInfeasibleException extends RegistryException {

  private final DrawRule rule;
  private final List<String> states;

  public DrawInfeasibleException(DrawRule rule, List<String> states, String detail) {
    super(Kind.DRAW_INFEASIBLE, "rule '" + rule.name() + "' (" + rule.text() + ") cannot be met for "
        + String.join(", ", states) + ": " + detail);
    this.rule = rule;
    this.states = List.copyOf(states);
  }

  public DrawRule rule() {
    return rule;
  }

  public List<String> states() {
    return states;
  }
}
