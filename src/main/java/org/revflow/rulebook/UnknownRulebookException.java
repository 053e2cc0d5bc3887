package org.revflow.rulebook;

import java.util.List;

/** No rulebook has the name or id asked for. */
public class UnknownRulebookException extends IllegalArgumentException {

  public UnknownRulebookException(String nameOrId, List<String> known) {
    super("no rulebook '" + nameOrId + "'; known: " + known);
  }
}
