package org.revflow.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revflow.config.MechanismTime;
import org.revflow.config.RetryOnLockConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's CSV imports: instrument participation and designations. Each file is applied
 * all or nothing in one transaction: every bad line is reported with its number and reason, and
 * nothing is written if any line is bad.
 */
@Service
public class RegistryImports {

  private final StateRepository states;
  private final DesignationService designations;
  private final MechanismTime time;

  RegistryImports(StateRepository states, DesignationService designations, MechanismTime time) {
    this.states = states;
    this.designations = designations;
    this.time = time;
  }

  /**
   * Imports instrument participation (columns alpha3, convention, trafficking_in_persons,
   * smuggling_of_migrants, firearms; yes/no).
   *
   * @return the number of States updated
   */
  @Transactional
  public int importInstruments(String csv, String actor) {
    List<Csv.Row> rows = Csv.parse(csv, Set.of("alpha3", "convention", "trafficking_in_persons",
        "smuggling_of_migrants", "firearms"), Set.of("note"));
    List<RegistryException.LineError> errors = new ArrayList<>();
    Map<String, Set<Instrument>> updates = new LinkedHashMap<>();
    Map<String, Long> firstLine = new LinkedHashMap<>();
    for (Csv.Row row : rows) {
      try {
        String c = Inputs.alpha3(row.get("alpha3"));
        if (!states.exists(c)) {
          throw RegistryException.unknownState(c);
        }
        if (firstLine.containsKey(c)) {
          throw RegistryException.invalid("State " + c + " already appears on line " + firstLine.get(c));
        }
        Set<Instrument> inst = EnumSet.noneOf(Instrument.class);
        addIf(inst, Instrument.CONVENTION, row, "convention");
        addIf(inst, Instrument.TRAFFICKING_IN_PERSONS, row, "trafficking_in_persons");
        addIf(inst, Instrument.SMUGGLING_OF_MIGRANTS, row, "smuggling_of_migrants");
        addIf(inst, Instrument.FIREARMS, row, "firearms");
        StatePartyService.checkInstruments(inst);
        firstLine.put(c, row.line());
        updates.put(c, inst);
      } catch (RegistryException e) {
        errors.add(new RegistryException.LineError(row.line(), e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw Csv.invalid(errors);
    }
    Instant now = time.now();
    updates.forEach((c, inst) -> states.updateInstruments(c, inst, StatePartyService.SOURCE_CSV, now,
        Inputs.actor(actor)));
    return updates.size();
  }

  private static void addIf(Set<Instrument> set, Instrument i, Csv.Row row, String column) {
    Boolean b = Csv.bool(row.get(column));
    if (b == null) {
      throw RegistryException.invalid(column + ": expected yes or no, found '" + row.get(column) + "'");
    }
    if (b) {
      set.add(i);
    }
  }

  /**
   * Imports designations (columns review_id, state, role, name, email, language, note_verbale_ref,
   * received_on; optional time_zone, effective_at, replaces). A focal point already designated is
   * replaced only by a line that names it in {@code replaces}.
   *
   * @return the number of lines applied
   */
  @Transactional
  @RetryOnLockConflict
  public int importDesignations(String csv, String actor) {
    List<Csv.Row> rows = Csv.parse(csv,
        Set.of("review_id", "state", "role", "name", "email", "language", "note_verbale_ref", "received_on"),
        Set.of("time_zone", "effective_at", "replaces"));
    List<RegistryException.LineError> errors = new ArrayList<>();
    for (Csv.Row row : rows) {
      try {
        applyDesignationLine(row, actor);
      } catch (RegistryException e) {
        // The transaction rolls back whole once every line is checked: a bad line leaves nothing behind.
        errors.add(new RegistryException.LineError(row.line(), e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw Csv.invalid(errors);
    }
    return rows.size();
  }

  private void applyDesignationLine(Csv.Row row, String actor) {
    RoleKind role;
    try {
      role = RoleKind.valueOf(String.valueOf(row.get("role")).toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalid("unknown role '" + row.get("role") + "': expected FOCAL_POINT, EXPERT or OBSERVER");
    }
    PersonInput person = new PersonInput(row.get("name"), row.get("email"), row.get("language"), row.get("time_zone"));
    LocalDate received = Times.date("received_on", row.get("received_on"));
    Instant effective = Times.instantOrNull("effective_at", row.get("effective_at"), time);
    String reviewId = Inputs.text("review_id", row.get("review_id"), 40);
    switch (role) {
      case FOCAL_POINT -> designations.designateFocalPoint(reviewId, row.get("state"), person,
          row.get("note_verbale_ref"), received, effective, actor, row.get("replaces"), true);
      case EXPERT -> designations.designateExperts(reviewId, row.get("state"), List.of(person),
          row.get("note_verbale_ref"), received, effective, actor);
      case OBSERVER -> designations.designateObservers(reviewId, row.get("state"), List.of(person),
          row.get("note_verbale_ref"), received, effective, actor);
    }
  }
}
