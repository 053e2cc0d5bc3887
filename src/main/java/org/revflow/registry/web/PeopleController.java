package org.revflow.registry.web;

import java.util.List;
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryException;
import org.revflow.registry.PersonService;
import org.revflow.registry.RegistryLookups;
import org.revflow.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People: the only place a registered person's details change. */
@RestController
@RequestMapping("/api/registry/people")
class PeopleController {

  private final RegistryLookups registry;
  private final PersonService people;

  private final CurrentUser currentUser;

  PeopleController(RegistryLookups registry, PersonService people, CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.registry = registry;
    this.people = people;
  }

  @PostMapping
  ResponseEntity<PersonView> create(@RequestBody PersonInput body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(people.createPerson(body, currentUser.name()));
  }

  @GetMapping("/{id}")
  PersonView get(@PathVariable long id) {
    return registry.person(id);
  }

  @GetMapping
  List<PersonView> list(@RequestParam(required = false) String email, @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    if (email != null) {
      return registry.personByEmail(email).map(List::of).orElseThrow(() -> new RegistryException(
          RegistryException.Kind.UNKNOWN_PERSON, "no person with email " + email));
    }
    return registry.people(limit, offset);
  }

  @PutMapping("/{id}")
  PersonView update(@PathVariable long id, @RequestBody PersonInput body) {
    return people.updatePerson(id, body, currentUser.name());
  }
}
