package org.revflow.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revflow.registry.Csv;
import org.revflow.registry.Instrument;
import org.revflow.registry.Language;
import org.revflow.registry.PermanentRepresentativeService;
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegionalGroup;
import org.revflow.registry.RegistryException;
import org.revflow.registry.RegistryImports;
import org.revflow.registry.RegistryLookups;
import org.revflow.registry.StateNames;
import org.revflow.registry.StateParty;
import org.revflow.registry.StatePartyService;
import org.revflow.registry.Tenure;
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

/** States parties, their instruments and permanent representatives. */
@RestController
@RequestMapping("/api/registry/states")
@Tag(name = "Registry")
class StatesController {

  record StateBody(
      String code, String regionalGroup, String drawGroup, Set<Instrument> instruments) {}

  record InstrumentsBody(
      boolean convention,
      boolean traffickingInPersons,
      boolean smugglingOfMigrants,
      boolean firearms) {
    Set<Instrument> toSet() {
      Set<Instrument> s = EnumSet.noneOf(Instrument.class);
      if (convention) {
        s.add(Instrument.CONVENTION);
      }
      if (traffickingInPersons) {
        s.add(Instrument.TRAFFICKING_IN_PERSONS);
      }
      if (smugglingOfMigrants) {
        s.add(Instrument.SMUGGLING_OF_MIGRANTS);
      }
      if (firearms) {
        s.add(Instrument.FIREARMS);
      }
      return s;
    }
  }

  record StateResponse(
      String code,
      Map<String, String> names,
      RegionalGroup regionalGroup,
      RegionalGroup drawGroup,
      boolean unMember,
      Set<Instrument> instruments,
      String instrumentsSource,
      Instant instrumentsUpdatedAt) {}

  record PermanentRepBody(PersonInput person, Instant effectiveAt) {}

  private final RegistryLookups registry;
  private final StatePartyService states;
  private final PermanentRepresentativeService representatives;
  private final RegistryImports imports;
  private final StateNames names;
  private final Clock clock;

  private final CurrentUser currentUser;

  StatesController(
      RegistryLookups registry,
      StatePartyService states,
      PermanentRepresentativeService representatives,
      RegistryImports imports,
      StateNames names,
      Clock clock,
      CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.registry = registry;
    this.states = states;
    this.representatives = representatives;
    this.imports = imports;
    this.names = names;
    this.clock = clock;
  }

  @GetMapping
  @Operation(
      summary = "List the States parties",
      description =
          "Every registered State party: its name in the six UN languages, its regional group (or, "
              + "without one, the group it is drawn with), whether it is a UN member, and the instruments it is party to.",
      responses = @ApiResponse(responseCode = "200", description = "The States parties"))
  List<StateResponse> list() {
    return registry.states().stream().map(this::response).toList();
  }

  @GetMapping("/{code}")
  @Operation(
      summary = "Read a State party",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The State party",
            content =
                @Content(
                    schema = @Schema(implementation = StateResponse.class),
                    examples =
                        @ExampleObject(
                            value =
                                """
                {"code": "EGY", "names": {"ar": "مصر", "zh": "埃及", "en": "Egypt", "fr": "Égypte", "ru": "Египет",
                 "es": "Egipto"}, "regionalGroup": "AFRICAN", "unMember": true,
                 "instruments": ["CONVENTION", "TRAFFICKING_IN_PERSONS", "SMUGGLING_OF_MIGRANTS", "FIREARMS"],
                 "instrumentsSource": "CSV", "instrumentsUpdatedAt": "2027-01-04T10:15:00Z"}"""))),
        @ApiResponse(responseCode = "400", description = "Not a code of three letters"),
        @ApiResponse(responseCode = "404", description = "No State party with this code")
      })
  StateResponse get(
      @Parameter(description = "The State's ISO 3166-1 alpha-3 code, e.g. AUT") @PathVariable
          String code) {
    return response(registry.state(code));
  }

  @PostMapping
  @Operation(
      summary = "Register a State party",
      description =
          "Registers a State party that the registry does not hold yet, such as a State that is not a "
              + "UN member. `regionalGroup` is its UN regional group; a State without one gets `drawGroup`, the group "
              + "it is drawn with. Without `instruments` it is party to the Convention only.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"code": "COK", "drawGroup": "ASIA_PACIFIC", "instruments": ["CONVENTION", "TRAFFICKING_IN_PERSONS"]}"""))),
      responses = {
        @ApiResponse(responseCode = "201", description = "The State party as registered"),
        @ApiResponse(
            responseCode = "400",
            description =
                "Not an ISO 3166-1 alpha-3 code; an unknown regional "
                    + "group; both groups given and different; a Protocol without the Convention"),
        @ApiResponse(responseCode = "409", description = "The State is already registered")
      })
  ResponseEntity<StateResponse> register(@RequestBody StateBody body) {
    if (body == null) {
      throw RegistryException.invalid("body required");
    }
    StateParty s =
        states.registerState(
            body.code(),
            body.regionalGroup(),
            body.drawGroup(),
            body.instruments(),
            currentUser.name());
    return ResponseEntity.status(HttpStatus.CREATED).body(response(s));
  }

  @PutMapping("/{code}")
  @Operation(
      summary = "Change a State party's groups",
      description =
          "Sets the State's regional group and draw group as given (one left out is cleared), and its "
              + "instruments if `instruments` is given. `code` in the body is not read.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"regionalGroup": "WESTERN_EUROPEAN_AND_OTHERS",
               "instruments": ["CONVENTION", "TRAFFICKING_IN_PERSONS", "SMUGGLING_OF_MIGRANTS", "FIREARMS"]}"""))),
      responses = {
        @ApiResponse(responseCode = "200", description = "The State party as changed"),
        @ApiResponse(
            responseCode = "400",
            description =
                "An unknown regional group; both groups given and "
                    + "different; a Protocol without the Convention"),
        @ApiResponse(responseCode = "404", description = "No State party with this code")
      })
  StateResponse update(
      @Parameter(description = "The State's ISO 3166-1 alpha-3 code, e.g. AUT") @PathVariable
          String code,
      @RequestBody StateBody body) {
    StateParty s =
        states.updateStateGroups(code, body.regionalGroup(), body.drawGroup(), currentUser.name());
    if (body.instruments() != null) {
      s = states.setInstruments(code, body.instruments(), currentUser.name());
    }
    return response(s);
  }

  @PutMapping("/{code}/instruments")
  @Operation(
      summary = "Set the instruments a State is party to",
      description =
          "The Convention and its three Protocols, each true or false (a missing one is false). The "
              + "Protocols are open only to parties to the Convention.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"convention": true, "traffickingInPersons": true, "smugglingOfMigrants": false, "firearms": true}"""))),
      responses = {
        @ApiResponse(responseCode = "200", description = "The State party with its instruments"),
        @ApiResponse(responseCode = "400", description = "A Protocol without the Convention"),
        @ApiResponse(responseCode = "404", description = "No State party with this code")
      })
  StateResponse instruments(
      @Parameter(description = "The State's ISO 3166-1 alpha-3 code, e.g. AUT") @PathVariable
          String code,
      @RequestBody InstrumentsBody body) {
    return response(states.setInstruments(code, body.toSet(), currentUser.name()));
  }

  /**
   * CSV: alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms (yes/no); all or
   * nothing. Only as text/csv: a browser form may post text/plain to another site without asking
   * first.
   */
  @PostMapping(path = "/instruments/import", consumes = "text/csv")
  @Operation(
      summary = "Import the instruments of States from CSV",
      description =
          """
          One State a line: `alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms`, each \
          `yes` or `no` (or y/n, true/false, 1/0, x/blank), and an optional `note` column; UTF-8, a byte-order \
          mark allowed. All or nothing: with any bad line nothing changes, and the problem lists every bad \
          line. Only as `text/csv`.""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "text/csv",
                      examples =
                          @ExampleObject(
                              value =
                                  "alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms\n"
                                      + "MCO,yes,yes,yes,no\nDNK,yes,yes,no,no\n"))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "How many States were updated",
            content =
                @Content(
                    schema = @Schema(type = "object"),
                    examples = @ExampleObject(value = "{\"updated\": 2}"))),
        @ApiResponse(
            responseCode = "422",
            description =
                "The file is refused; `errors` lists each bad line "
                    + "(`line`, `reason`): an unknown State, a State twice, a value that is not yes or no, a Protocol "
                    + "without the Convention, a missing column",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    examples =
                        @ExampleObject(
                            value =
                                """
                {"type": "https://revflow.org/problems/registry/invalid-csv", "title": "Invalid csv", "status": 422,
                 "detail": "the CSV file was not imported (nothing was written): 2 bad line(s)",
                 "instance": "/api/registry/states/instruments/import", "kind": "INVALID_CSV",
                 "errors": [{"line": 2, "reason": "unknown State 'QQQ'"},
                            {"line": 4, "reason": "trafficking_in_persons: expected yes or no, found 'maybe'"}]}""")))
      })
  Map<String, Object> importInstruments(@RequestBody byte[] csv) {
    return Map.of("updated", imports.importInstruments(Csv.utf8(csv), currentUser.name()));
  }

  @GetMapping("/{code}/permanent-representative")
  @Operation(
      summary = "Read a State's permanent representative",
      description =
          "The State's permanent representative now, or at the moment `at`. The permanent "
              + "representative acts as interim focal point while the State has none in a review.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The permanent representative"),
        @ApiResponse(
            responseCode = "204",
            description = "The State had no permanent representative then",
            content = @Content),
        @ApiResponse(
            responseCode = "400",
            description = "at is not an instant such as 2027-01-04T09:00:00Z"),
        @ApiResponse(responseCode = "404", description = "No State party with this code")
      })
  ResponseEntity<PersonView> permanentRep(
      @Parameter(description = "The State's ISO 3166-1 alpha-3 code, e.g. AUT") @PathVariable
          String code,
      @Parameter(description = "A moment (ISO 8601 instant); now if not given")
          @RequestParam(required = false)
          Instant at) {
    return registry
        .permanentRepresentative(code, at == null ? clock.instant() : at)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @PutMapping("/{code}/permanent-representative")
  @Operation(
      summary = "Replace a State's permanent representative",
      description =
          "The person becomes the State's permanent representative from `effectiveAt` (now if not "
              + "given), and the previous one's tenure ends then. A person is known by their email address: an "
              + "address already registered is that person, unchanged (change a person's details under people). "
              + "Naming the current permanent representative again changes nothing.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"person": {"name": "Permanent Mission of Austria", "email": "pm@aut.example", "language": "en",
                          "timeZone": "Europe/Vienna"},
               "effectiveAt": "2027-02-01T00:00:00Z"}"""))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The permanent representative from then on"),
        @ApiResponse(
            responseCode = "400",
            description =
                "A person without a name, an invalid email, a language "
                    + "other than ar, zh, en, fr, ru, es, an unknown time zone; effectiveAt before the latest change"),
        @ApiResponse(responseCode = "404", description = "No State party with this code")
      })
  PersonView setPermanentRep(
      @Parameter(description = "The State's ISO 3166-1 alpha-3 code, e.g. AUT") @PathVariable
          String code,
      @RequestBody PermanentRepBody body) {
    return representatives.setPermanentRepresentative(
        code, body.person(), body.effectiveAt(), currentUser.name());
  }

  @GetMapping("/{code}/permanent-representative/history")
  @Operation(
      summary = "List a State's permanent representatives over time",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Each tenure, with its start and (if it ended) its end"),
        @ApiResponse(responseCode = "400", description = "Not a code of three letters"),
        @ApiResponse(responseCode = "404", description = "No State party with this code")
      })
  List<Tenure> permanentRepHistory(
      @Parameter(description = "The State's ISO 3166-1 alpha-3 code, e.g. AUT") @PathVariable
          String code) {
    return registry.permanentRepresentativeHistory(code);
  }

  private StateResponse response(StateParty s) {
    Map<String, String> n = new LinkedHashMap<>();
    for (Language l : Language.values()) {
      n.put(l.code(), names.name(s.code(), l));
    }
    return new StateResponse(
        s.code(),
        n,
        s.regionalGroup(),
        s.drawGroup(),
        s.unMember(),
        s.instruments(),
        s.instrumentsSource(),
        s.instrumentsUpdatedAt());
  }
}
