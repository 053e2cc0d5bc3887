package org.revflow.registry.web;

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
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegionalGroup;
import org.revflow.registry.RegistryException;
import org.revflow.registry.PermanentRepresentativeService;
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
class StatesController {

  record StateBody(String code, String regionalGroup, String drawGroup, Set<Instrument> instruments) {}

  record InstrumentsBody(boolean convention, boolean traffickingInPersons, boolean smugglingOfMigrants, boolean firearms) {
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

  record StateResponse(String code, Map<String, String> names, RegionalGroup regionalGroup, RegionalGroup drawGroup,
      boolean unMember, Set<Instrument> instruments, String instrumentsSource, Instant instrumentsUpdatedAt) {}

  record PermanentRepBody(PersonInput person, Instant effectiveAt) {}

  private final RegistryLookups registry;
  private final StatePartyService states;
  private final PermanentRepresentativeService representatives;
  private final RegistryImports imports;
  private final StateNames names;
  private final Clock clock;

  private final CurrentUser currentUser;

  StatesController(RegistryLookups registry, StatePartyService states, PermanentRepresentativeService representatives,
      RegistryImports imports, StateNames names, Clock clock, CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.registry = registry;
    this.states = states;
    this.representatives = representatives;
    this.imports = imports;
    this.names = names;
    this.clock = clock;
  }

  @GetMapping
  List<StateResponse> list() {
    return registry.states().stream().map(this::response).toList();
  }

  @GetMapping("/{code}")
  StateResponse get(@PathVariable String code) {
    return response(registry.state(code));
  }

  @PostMapping
  ResponseEntity<StateResponse> register(@RequestBody StateBody body) {
    if (body == null) {
      throw RegistryException.invalid("body required");
    }
    StateParty s = states.registerState(body.code(), body.regionalGroup(), body.drawGroup(), body.instruments(), currentUser.name());
    return ResponseEntity.status(HttpStatus.CREATED).body(response(s));
  }

  @PutMapping("/{code}")
  StateResponse update(@PathVariable String code, @RequestBody StateBody body) {
    StateParty s = states.updateStateGroups(code, body.regionalGroup(), body.drawGroup(), currentUser.name());
    if (body.instruments() != null) {
      s = states.setInstruments(code, body.instruments(), currentUser.name());
    }
    return response(s);
  }

  @PutMapping("/{code}/instruments")
  StateResponse instruments(@PathVariable String code, @RequestBody InstrumentsBody body) {
    return response(states.setInstruments(code, body.toSet(), currentUser.name()));
  }

  /**
   * CSV: alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms (yes/no); all or nothing.
   * Only as text/csv: a browser form may post text/plain to another site without asking first.
   */
  @PostMapping(path = "/instruments/import", consumes = "text/csv")
  Map<String, Object> importInstruments(@RequestBody byte[] csv) {
    return Map.of("updated", imports.importInstruments(Csv.utf8(csv), currentUser.name()));
  }

  @GetMapping("/{code}/permanent-representative")
  ResponseEntity<PersonView> permanentRep(@PathVariable String code, @RequestParam(required = false) Instant at) {
    return registry.permanentRepresentative(code, at == null ? clock.instant() : at).map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @PutMapping("/{code}/permanent-representative")
  PersonView setPermanentRep(@PathVariable String code, @RequestBody PermanentRepBody body) {
    return representatives.setPermanentRepresentative(code, body.person(), body.effectiveAt(), currentUser.name());
  }

  @GetMapping("/{code}/permanent-representative/history")
  List<Tenure> permanentRepHistory(@PathVariable String code) {
    return registry.permanentRepresentativeHistory(code);
  }

  private StateResponse response(StateParty s) {
    Map<String, String> n = new LinkedHashMap<>();
    for (Language l : Language.values()) {
      n.put(l.code(), names.name(s.code(), l));
    }
    return new StateResponse(s.code(), n, s.regionalGroup(), s.drawGroup(), s.unMember(), s.instruments(),
        s.instrumentsSource(), s.instrumentsUpdatedAt());
  }
}
