package org.revflow.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonService;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryException;
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
@Tag(name = "Registry")
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
  @Operation(
      summary = "Register a person",
      description =
          "A person is known by their email address. `language` is the UN language their notices are "
              + "written in (ar, zh, en, fr, ru, es); `timeZone` (an IANA zone) adds their own time to deadlines.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"name": "Wanjiru Kamau", "email": "fp@ken.example", "language": "en", "timeZone": "Africa/Nairobi"}"""))),
      responses = {
        @ApiResponse(responseCode = "201", description = "The person as registered, with their id"),
        @ApiResponse(
            responseCode = "400",
            description =
                "No name; an invalid email; a language other than ar, zh, "
                    + "en, fr, ru, es; an unknown time zone"),
        @ApiResponse(
            responseCode = "409",
            description = "A person with this email address is already registered")
      })
  ResponseEntity<PersonView> create(@RequestBody PersonInput body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(people.createPerson(body, currentUser.name()));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a person",
      responses = {
        @ApiResponse(responseCode = "200", description = "The person"),
        @ApiResponse(responseCode = "400", description = "The id is not a number"),
        @ApiResponse(responseCode = "404", description = "No person with this id")
      })
  PersonView get(@PathVariable @Parameter(description = "The person's registry id") long id) {
    return registry.person(id);
  }

  @GetMapping
  @Operation(
      summary = "List people, or find one by email",
      description =
          "With `email`, the one person registered with that address. Without it, a page of people "
              + "by id.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The people"),
        @ApiResponse(
            responseCode = "400",
            description = "limit or offset is not a number; an invalid email"),
        @ApiResponse(responseCode = "404", description = "No person with this email address")
      })
  List<PersonView> list(
      @Parameter(description = "An email address") @RequestParam(required = false) String email,
      @Parameter(description = "At most this many, 1 to 500") @RequestParam(defaultValue = "100")
          int limit,
      @Parameter(description = "Skip this many") @RequestParam(defaultValue = "0") int offset) {
    if (email != null) {
      return registry
          .personByEmail(email)
          .map(List::of)
          .orElseThrow(
              () ->
                  new RegistryException(
                      RegistryException.Kind.UNKNOWN_PERSON, "no person with email " + email));
    }
    return registry.people(limit, offset);
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Change a person's details",
      description =
          "The only way to change a registered person's name, email address, language or time zone. "
              + "Every role they hold keeps them: their next notices go to the new address, in the new language.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"name": "Wanjiru Kamau", "email": "fp@ken.example", "language": "en", "timeZone": "Africa/Nairobi"}"""))),
      responses = {
        @ApiResponse(responseCode = "200", description = "The person as changed"),
        @ApiResponse(
            responseCode = "400",
            description =
                "No name; an invalid email; a language other than ar, zh, "
                    + "en, fr, ru, es; an unknown time zone"),
        @ApiResponse(responseCode = "404", description = "No person with this id"),
        @ApiResponse(
            responseCode = "409",
            description = "The email address belongs to another person")
      })
  PersonView update(
      @PathVariable @Parameter(description = "The person's registry id") long id,
      @RequestBody PersonInput body) {
    return people.updatePerson(id, body, currentUser.name());
  }
}
