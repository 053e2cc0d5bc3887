package org.revflow.rulebook;

import org.springframework.stereotype.Component;

/** TEMPORARY stand-in until the rulebook branch lands. */
@Component
public class RulebookRegistry {
  private final Rulebook def = new Rulebook("default", "2026.1");

  public Rulebook get(String nameOrVersion) {
    if (nameOrVersion == null || nameOrVersion.equals("default") || nameOrVersion.equals(def.id())) {
      return def;
    }
    throw new IllegalArgumentException("unknown rulebook " + nameOrVersion);
  }

  public Rulebook defaultRulebook() {
    return def;
  }
}
