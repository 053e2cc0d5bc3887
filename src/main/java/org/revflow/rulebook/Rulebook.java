package org.revflow.rulebook;

/** TEMPORARY stand-in until the rulebook branch lands. */
public record Rulebook(String name, String version) {
  public String id() {
    return name + "@" + version;
  }
}
