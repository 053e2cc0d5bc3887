package org.revflow.registry;

import java.time.Instant;
import java.util.Optional;
import org.revflow.config.MechanismTime;
import org.revflow.config.RetryOnLockConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a State's permanent representative, who acts as interim focal point while the State
 * has none (paragraph 18). Serialised on the State's row lock; the database also refuses a second
 * open tenure. Reads are {@link RegistryLookups}'.
 */
@Service
public class PermanentRepresentativeService {

  private final StateRepository states;
  private final PersonRepository people;
  private final RoleRepository roles;
  private final MechanismTime time;

  PermanentRepresentativeService(
      StateRepository states, PersonRepository people, RoleRepository roles, MechanismTime time) {
    this.states = states;
    this.people = people;
    this.roles = roles;
    this.time = time;
  }

  /**
   * Replaces the State's permanent representative from {@code effectiveAt} (now if null); returns
   * the new one.
   */
  @Transactional
  @RetryOnLockConflict
  public PersonView setPermanentRepresentative(
      String stateCode, PersonInput person, Instant effectiveAt, String actor) {
    Inputs.ValidPerson p = Inputs.person(person);
    String c = Inputs.alpha3(stateCode);
    Instant now = time.now();
    Instant from = effectiveAt == null ? now : effectiveAt;
    String who = Inputs.actor(actor);
    if (!states.lock(c)) {
      throw RegistryException.unknownState(c);
    }
    roles
        .latestPermanentRepChange(c)
        .filter(from::isBefore)
        .ifPresent(
            t -> {
              throw RegistryException.invalid(
                  "effectiveAt "
                      + from
                      + " is before the latest change of "
                      + c
                      + "'s permanent representative ("
                      + t
                      + ")");
            });
    Optional<Tenure> current = roles.permanentRepAt(c, from).filter(t -> t.to() == null);
    if (current.isPresent() && current.get().person().email().equals(p.email())) {
      return current.get().person();
    }
    PersonView pr = people.findOrCreate(p, now, who);
    roles.closePermanentRep(c, from, who);
    roles.insertPermanentRep(c, pr.id(), from, now, who);
    return pr;
  }
}
