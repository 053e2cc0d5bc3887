package org.revflow.registry;

import java.util.EnumSet;
import java.util.Set;

/** The Convention and its three Protocols: what a State can be party to and be reviewed on. */
public enum Instrument {
  CONVENTION,
  TRAFFICKING_IN_PERSONS,
  SMUGGLING_OF_MIGRANTS,
  FIREARMS;

  public static Set<Instrument> protocols() {
    return EnumSet.of(TRAFFICKING_IN_PERSONS, SMUGGLING_OF_MIGRANTS, FIREARMS);
  }
}
