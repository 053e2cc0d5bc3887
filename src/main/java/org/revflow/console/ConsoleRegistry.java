package org.revflow.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revflow.registry.DesignationService;
import org.revflow.registry.DesignationView;
import org.revflow.registry.Language;
import org.revflow.registry.PermanentRepresentativeService;
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonService;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryImports;
import org.revflow.registry.RegistryLookups;
import org.revflow.registry.RegistryOverview;
import org.revflow.registry.StateNames;
import org.revflow.registry.StateParty;
import org.revflow.registry.Tenure;
import org.springframework.stereotype.Component;

/**
 * The pages' door into the registry: lookups, commands and imports, as the registry's API makes
 * them.
 */
@Component
class ConsoleRegistry {

  private final RegistryLookups registry;
  private final PermanentRepresentativeService representatives;
  private final PersonService people;
  private final DesignationService designations;
  private final RegistryImports imports;
  private final RegistryOverview overview;
  private final StateNames names;
  private final Clock clock;

  ConsoleRegistry(
      RegistryLookups registry,
      PermanentRepresentativeService representatives,
      PersonService people,
      DesignationService designations,
      RegistryImports imports,
      RegistryOverview overview,
      StateNames names,
      Clock clock) {
    this.registry = registry;
    this.representatives = representatives;
    this.people = people;
    this.designations = designations;
    this.imports = imports;
    this.overview = overview;
    this.names = names;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** The State's English name (the code when the JDK has none). */
  String name(String code) {
    return code == null ? null : names.name(code, Language.EN);
  }

  boolean isKnownState(String code) {
    return registry.isKnownState(code);
  }

  List<StateParty> states() {
    return registry.states();
  }

  StateParty state(String code) {
    return registry.state(code);
  }

  Map<String, PersonView> permanentRepresentatives() {
    return overview.permanentRepresentatives(now());
  }

  List<Tenure> permanentRepresentativeHistory(String code) {
    return registry.permanentRepresentativeHistory(code);
  }

  List<RegistryOverview.ReviewFocalPoint> focalPointsOf(String code) {
    return overview.focalPointsOf(code, now());
  }

  List<PersonView> people(int limit, int offset) {
    return registry.people(limit, offset);
  }

  long peopleCount() {
    return overview.peopleCount();
  }

  PersonView person(long id) {
    return registry.person(id);
  }

  /** A person by id, or null when the registry no longer has them. */
  PersonView personOrNull(long id) {
    try {
      return registry.person(id);
    } catch (org.revflow.registry.RegistryException gone) {
      return null;
    }
  }

  Optional<PersonView> personByEmail(String email) {
    return registry.personByEmail(email);
  }

  List<DesignationView> designations(String reviewId) {
    return registry.designationHistory(reviewId, null);
  }

  PersonView setPermanentRepresentative(
      String code, PersonInput person, Instant from, String actor) {
    return representatives.setPermanentRepresentative(code, person, from, actor);
  }

  PersonView updatePerson(long id, PersonInput person, String actor) {
    return people.updatePerson(id, person, actor);
  }

  DesignationView endDesignation(long id, String noteVerbaleRef, String reason, String actor) {
    return designations.endDesignation(id, noteVerbaleRef, reason, null, actor);
  }

  RegistryImports.ImportPreview previewDesignations(String csv, String actor) {
    return imports.previewDesignations(csv, actor);
  }

  int importDesignations(String csv, String actor) {
    return imports.importDesignations(csv, actor);
  }

  RegistryImports.ImportPreview previewInstruments(String csv) {
    return imports.previewInstruments(csv);
  }

  int importInstruments(String csv, String actor) {
    return imports.importInstruments(csv, actor);
  }

  LocalDate todayIn(java.time.ZoneId zone) {
    return LocalDate.ofInstant(now(), zone);
  }
}
