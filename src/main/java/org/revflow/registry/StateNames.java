package org.revflow.registry;

/** Names of States in the six UN languages, from the JDK's CLDR locale data. */
public interface StateNames {

  /** The State's name in the given language; the code itself when the JDK has no name for it. */
  String name(String alpha3, Language language);
}
