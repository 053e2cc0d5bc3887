package org.revflow.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final RoleRepository roles;
  private final MechanismTime time;

  RegistryImports(
      StateRepository states,
      DesignationService designations,
      RoleRepository roles,
      MechanismTime time) {
    this.states = states;
    this.designations = designations;
    this.roles = roles;
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
    Map<String, InstrumentLine> updates = instrumentUpdates(csv);
    Instant now = time.now();
    updates.forEach(
        (c, u) ->
            states.updateInstruments(
                c, u.instruments(), StatePartyService.SOURCE_CSV, now, Inputs.actor(actor)));
    return updates.size();
  }

  /**
   * What an import would do, line by line, without doing it. An import applies every line or, when
   * any line is bad, none: {@code errors} lists the lines that would stop it.
   */
  public record ImportPreview(List<Change> changes, List<RegistryException.LineError> errors) {

    /** One line's effect, in words. */
    public record Change(long line, String what, boolean changes) {}
  }

  /** {@link #importInstruments} without writing: each State's instruments before and after. */
  @Transactional(readOnly = true)
  public ImportPreview previewInstruments(String csv) {
    Map<String, InstrumentLine> updates;
    try {
      updates = instrumentUpdates(csv);
    } catch (RegistryException e) {
      return new ImportPreview(
          List.of(),
          e.lineErrors().isEmpty()
              ? List.of(new RegistryException.LineError(0, e.getMessage()))
              : e.lineErrors());
    }
    List<ImportPreview.Change> changes = new ArrayList<>();
    for (var u : updates.entrySet()) {
      Set<Instrument> before =
          states.find(u.getKey()).map(StateParty::instruments).orElse(Set.of());
      Set<Instrument> after = u.getValue().instruments();
      boolean differs = !before.equals(after);
      changes.add(
          new ImportPreview.Change(
              u.getValue().line(),
              u.getKey() + ": " + (differs ? before + " \u2192 " + after : "no change " + before),
              differs));
    }
    return new ImportPreview(changes, List.of());
  }

  private record InstrumentLine(long line, Set<Instrument> instruments) {}

  /** Parses and checks an instruments file: every bad line reported at once, nothing written. */
  private Map<String, InstrumentLine> instrumentUpdates(String csv) {
    List<Csv.Row> rows =
        Csv.parse(
            csv,
            Set.of(
                "alpha3",
                "convention",
                "trafficking_in_persons",
                "smuggling_of_migrants",
                "firearms"),
            Set.of("note"));
    List<RegistryException.LineError> errors = new ArrayList<>();
    Map<String, InstrumentLine> updates = new LinkedHashMap<>();
    Map<String, Long> firstLine = new LinkedHashMap<>();
    for (Csv.Row row : rows) {
      try {
        String c = Inputs.alpha3(row.get("alpha3"));
        if (!states.exists(c)) {
          throw RegistryException.unknownState(c);
        }
        if (firstLine.containsKey(c)) {
          throw RegistryException.invalid(
              "State " + c + " already appears on line " + firstLine.get(c));
        }
        Set<Instrument> inst = EnumSet.noneOf(Instrument.class);
        addIf(inst, Instrument.CONVENTION, row, "convention");
        addIf(inst, Instrument.TRAFFICKING_IN_PERSONS, row, "trafficking_in_persons");
        addIf(inst, Instrument.SMUGGLING_OF_MIGRANTS, row, "smuggling_of_migrants");
        addIf(inst, Instrument.FIREARMS, row, "firearms");
        StatePartyService.checkInstruments(inst);
        firstLine.put(c, row.line());
        updates.put(c, new InstrumentLine(row.line(), inst));
      } catch (RegistryException e) {
        errors.add(new RegistryException.LineError(row.line(), e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw Csv.invalid(errors);
    }
    return updates;
  }

  private static void addIf(Set<Instrument> set, Instrument i, Csv.Row row, String column) {
    Boolean b = Csv.bool(row.get(column));
    if (b == null) {
      throw RegistryException.invalid(
          column + ": expected yes or no, found '" + row.get(column) + "'");
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
    List<Csv.Row> rows =
        Csv.parse(
            csv,
            Set.of(
                "review_id",
                "state",
                "role",
                "name",
                "email",
                "language",
                "note_verbale_ref",
                "received_on"),
            Set.of("time_zone", "effective_at", "replaces"));
    List<RegistryException.LineError> errors = new ArrayList<>();
    for (Csv.Row row : rows) {
      try {
        applyDesignationLine(row, actor);
      } catch (RegistryException e) {
        // The transaction rolls back whole once every line is checked: a bad line leaves nothing
        // behind.
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
      role =
          RoleKind.valueOf(
              String.valueOf(row.get("role")).toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalid(
          "unknown role '" + row.get("role") + "': expected FOCAL_POINT, EXPERT or OBSERVER");
    }
    PersonInput person =
        new PersonInput(
            row.get("name"), row.get("email"), row.get("language"), row.get("time_zone"));
    LocalDate received = Times.date("received_on", row.get("received_on"));
    Instant effective = Times.instantOrNull("effective_at", row.get("effective_at"), time);
    String reviewId = Inputs.text("review_id", row.get("review_id"), 40);
    switch (role) {
      case FOCAL_POINT ->
          designations.designateFocalPoint(
              reviewId,
              row.get("state"),
              person,
              row.get("note_verbale_ref"),
              received,
              effective,
              actor,
              row.get("replaces"),
              true);
      case EXPERT ->
          designations.designateExperts(
              reviewId,
              row.get("state"),
              List.of(person),
              row.get("note_verbale_ref"),
              received,
              effective,
              actor);
      case OBSERVER ->
          designations.designateObservers(
              reviewId,
              row.get("state"),
              List.of(person),
              row.get("note_verbale_ref"),
              received,
              effective,
              actor);
    }
  }

  /**
   * {@link #importDesignations} run through, line by line, in a transaction that is then rolled
   * back: the same checks, in the same order, with each line seeing the lines before it, and
   * nothing kept (neither the registry's rows nor the reviews' events and process messages they
   * would cause).
   */
  @Transactional
  public ImportPreview previewDesignations(String csv, String actor) {
    try {
      List<Csv.Row> rows =
          Csv.parse(
              csv,
              Set.of(
                  "review_id",
                  "state",
                  "role",
                  "name",
                  "email",
                  "language",
                  "note_verbale_ref",
                  "received_on"),
              Set.of("time_zone", "effective_at", "replaces"));
      List<ImportPreview.Change> changes = new ArrayList<>();
      List<RegistryException.LineError> errors = new ArrayList<>();
      for (Csv.Row row : rows) {
        try {
          ImportPreview.Change change = describeDesignationLine(row);
          applyDesignationLine(row, actor);
          changes.add(change);
        } catch (RegistryException e) {
          errors.add(new RegistryException.LineError(row.line(), e.getMessage()));
        }
      }
      return new ImportPreview(changes, errors);
    } catch (RegistryException e) {
      return new ImportPreview(
          List.of(),
          e.lineErrors().isEmpty()
              ? List.of(new RegistryException.LineError(0, e.getMessage()))
              : e.lineErrors());
    } finally {
      org.springframework.transaction.interceptor.TransactionAspectSupport
          .currentTransactionStatus()
          .setRollbackOnly();
    }
  }

  /** A line's effect as the registry stands before it (and after the lines above it). */
  private ImportPreview.Change describeDesignationLine(Csv.Row row) {
    String reviewId = row.get("review_id");
    String email =
        row.get("email") == null ? "" : row.get("email").strip().toLowerCase(java.util.Locale.ROOT);
    String who = row.get("name") + " <" + email + ">";
    String state =
        row.get("state") == null ? "" : row.get("state").strip().toUpperCase(java.util.Locale.ROOT);
    String role =
        String.valueOf(row.get("role"))
            .strip()
            .toUpperCase(java.util.Locale.ROOT)
            .replace(' ', '_');
    String where = reviewId + ", " + state + ": ";
    if (!"FOCAL_POINT".equals(role)
        || !isKnownState(state)
        || reviewId == null
        || !roles.reviewExists(reviewId)) {
      // An expert or observer (or a line the import will refuse, with its own reason).
      boolean already =
          isKnownState(state)
              && reviewId != null
              && roles.reviewExists(reviewId)
              && ("EXPERT".equals(role) || "OBSERVER".equals(role))
              && roles.open(reviewId, state, RoleKind.valueOf(role)).stream()
                  .anyMatch(d -> d.person().email().equals(email));
      return new ImportPreview.Change(
          row.line(),
          where
              + (already
                  ? "no change: "
                      + who
                      + " is already "
                      + role.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  : "adds "
                      + who
                      + " as "
                      + role.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')),
          !already);
    }
    Optional<DesignationView> current =
        roles.open(reviewId, state, RoleKind.FOCAL_POINT).stream().reduce((a, b) -> b);
    if (current.isPresent() && current.get().person().email().equals(email)) {
      return new ImportPreview.Change(
          row.line(), where + "no change: " + who + " is already the focal point", false);
    }
    return new ImportPreview.Change(
        row.line(),
        where
            + (current.isPresent()
                ? "focal point "
                    + current.get().person().name()
                    + " <"
                    + current.get().person().email()
                    + "> replaced by "
                    + who
                : who
                    + " designated focal point (the permanent representative stops acting as interim)"),
        true);
  }

  private boolean isKnownState(String alpha3) {
    return alpha3 != null
        && alpha3.strip().length() == 3
        && states.exists(alpha3.strip().toUpperCase(java.util.Locale.ROOT));
  }
}
