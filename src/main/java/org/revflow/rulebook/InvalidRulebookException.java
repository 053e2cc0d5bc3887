package org.revflow.rulebook;

import java.util.List;

/**
 * A rulebook file that cannot be used. Every problem is one line naming the rulebook and the entry,
 * e.g. {@code rulebook 'default' 2026.1: steps.SAQ.deadline: 'P-6M' must be a positive period}.
 */
public class InvalidRulebookException extends RuntimeException {

  private final List<String> problems;

  public InvalidRulebookException(String source, List<String> problems) {
    super(String.join("\n", problems) + (source == null ? "" : "\n(in " + source + ")"));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
