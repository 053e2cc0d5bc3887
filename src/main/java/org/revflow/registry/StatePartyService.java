package org.revflow.registry;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.revflow.config.MechanismTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to States parties: registering one that is not seeded, its regional group, and the
 * instruments it is party to. Each change validates everything before writing, under the State's
 * row lock; a refusal is a {@link RegistryException}. Reads are {@link RegistryLookups}'.
 */
@Service
public class StatePartyService {

  static final String SOURCE_API = "API";
  static final String SOURCE_CSV = "CSV";

  private final StateRepository states;
  private final MechanismTime time;

  StatePartyService(StateRepository states, MechanismTime time) {
    this.states = states;
    this.time = time;
  }

  /**
   * Registers a State party that is not seeded (e.g. a non-member State party); Convention party by
   * default.
   */
  @Transactional
  public StateParty registerState(
      String code,
      String regionalGroup,
      String drawGroup,
      Set<Instrument> instruments,
      String actor) {
    String c = Inputs.alpha3(code);
    if (!CldrStateNames.isIsoAlpha3(c)) {
      throw RegistryException.invalid(
          "'" + c + "' is not an ISO 3166-1 alpha-3 code known to the JDK");
    }
    RegionalGroup group = RegionalGroup.parseOrNull(regionalGroup);
    RegionalGroup draw = RegionalGroup.parseOrNull(drawGroup);
    checkGroups(group, draw);
    if (states.exists(c)) {
      throw new RegistryException(
          RegistryException.Kind.ALREADY_EXISTS, "State " + c + " is already registered");
    }
    Set<Instrument> inst =
        instruments == null ? EnumSet.of(Instrument.CONVENTION) : checkInstruments(instruments);
    Instant now = time.now();
    try {
      states.insert(
          new StateParty(c, group, draw, false, inst, SOURCE_API, now),
          now,
          Inputs.actor(actor),
          false);
    } catch (DuplicateKeyException e) {
      throw new RegistryException(
          RegistryException.Kind.ALREADY_EXISTS, "State " + c + " is already registered");
    }
    return states.find(c).orElseThrow();
  }

  @Transactional
  public StateParty updateStateGroups(
      String code, String regionalGroup, String drawGroup, String actor) {
    String c = Inputs.alpha3(code);
    RegionalGroup group = RegionalGroup.parseOrNull(regionalGroup);
    RegionalGroup draw = RegionalGroup.parseOrNull(drawGroup);
    checkGroups(group, draw);
    if (!states.lock(c)) {
      throw RegistryException.unknownState(c);
    }
    states.updateGroups(c, group, draw, time.now(), Inputs.actor(actor));
    return states.find(c).orElseThrow();
  }

  @Transactional
  public StateParty setInstruments(String code, Set<Instrument> instruments, String actor) {
    String c = Inputs.alpha3(code);
    Set<Instrument> inst = checkInstruments(instruments);
    if (!states.lock(c)) {
      throw RegistryException.unknownState(c);
    }
    states.updateInstruments(c, inst, SOURCE_API, time.now(), Inputs.actor(actor));
    return states.find(c).orElseThrow();
  }

  static Set<Instrument> checkInstruments(Set<Instrument> instruments) {
    Set<Instrument> inst =
        instruments == null || instruments.isEmpty()
            ? EnumSet.noneOf(Instrument.class)
            : EnumSet.copyOf(instruments);
    if (!inst.contains(Instrument.CONVENTION) && !inst.isEmpty()) {
      // The Protocols are open only to parties to the Convention (article 37).
      throw RegistryException.invalid(
          "a State party to a Protocol must be party to the Convention");
    }
    return inst;
  }

  private static void checkGroups(RegionalGroup group, RegionalGroup drawGroup) {
    if (group != null && drawGroup != null && group != drawGroup) {
      throw RegistryException.invalid("drawGroup is only for a State without a regional group");
    }
  }
}
