package org.revflow.registry;

import java.util.Optional;
import org.revflow.config.MechanismTime;
import org.revflow.config.RetryOnLockConflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers people and changes their details. People are identified by email (case-insensitive). A
 * designation or a permanent representative that names a registered email reuses that person as
 * registered: name, language and time zone change only here ({@link #updatePerson}). Reads are
 * {@link RegistryLookups}'.
 */
@Service
public class PersonService {

  private final PersonRepository people;
  private final MechanismTime time;

  PersonService(PersonRepository people, MechanismTime time) {
    this.people = people;
    this.time = time;
  }

  @Transactional
  @RetryOnLockConflict
  public PersonView createPerson(PersonInput input, String actor) {
    Inputs.ValidPerson p = Inputs.person(input);
    if (people.findByEmail(p.email()).isPresent()) {
      throw alreadyRegistered(p.email());
    }
    try {
      return people.findById(people.insert(p, time.now(), Inputs.actor(actor))).orElseThrow();
    } catch (DuplicateKeyException e) {
      throw alreadyRegistered(p.email());
    }
  }

  /** The only way to change a registered person's name, email, language or time zone. */
  @Transactional
  @RetryOnLockConflict
  public PersonView updatePerson(long id, PersonInput input, String actor) {
    Inputs.ValidPerson p = Inputs.person(input);
    people.findById(id).orElseThrow(() -> unknownPerson(id));
    Optional<PersonView> sameEmail = people.findByEmail(p.email());
    if (sameEmail.isPresent() && sameEmail.get().id() != id) {
      throw new RegistryException(
          RegistryException.Kind.ALREADY_EXISTS,
          "email " + p.email() + " belongs to another person");
    }
    people.update(id, p, time.now(), Inputs.actor(actor));
    return people.findById(id).orElseThrow();
  }

  static RegistryException unknownPerson(long id) {
    return new RegistryException(RegistryException.Kind.UNKNOWN_PERSON, "unknown person " + id);
  }

  private static RegistryException alreadyRegistered(String email) {
    return new RegistryException(
        RegistryException.Kind.ALREADY_EXISTS,
        "a person with email " + email + " is already registered");
  }
}
