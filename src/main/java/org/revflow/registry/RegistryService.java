package org.revflow.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's one public service: States parties, people, permanent representatives and review
 * designations. Every write runs in one transaction and validates everything before writing; a
 * refusal is a {@link RegistryException}. Role changes for a State are serialised on the State's row
 * lock, and the database also refuses a second open focal point or permanent representative.
 *
 * <p>People are identified by email (case-insensitive). Designating an email that is already
 * registered reuses that person as registered: name, language and time zone are NOT changed by a
 * designation (the name as written in the note verbale is kept on the designation itself); they
 * change only through {@link #updatePerson}. Who acts as focal point is decided by
 * {@link FocalPointResolver}, not here.
 */
@Service
public class RegistryService {

  public static final String SOURCE_API = "API";
  public static final String SOURCE_CSV = "CSV";

  private final StateRepository states;
  private final PersonRepository people;
  private final RoleRepository roles;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  RegistryService(StateRepository states, PersonRepository people, RoleRepository roles, Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.states = states;
    this.people = people;
    this.roles = roles;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Who or what a focal-point change comes from: a review event (its id), the launch, or neither
   * (the registry's own endpoints and imports).
   */
  public record Origin(Long reviewEventId, boolean atLaunch) {
    public static final Origin REGISTRY = new Origin(null, false);
    public static final Origin LAUNCH = new Origin(null, true);

    public static Origin reviewEvent(long id) {
      return new Origin(id, false);
    }
  }

  // ------------------------------------------------------------------ States

  public boolean isKnownState(String alpha3) {
    return alpha3 != null && alpha3.strip().length() == 3 && states.exists(alpha3.strip().toUpperCase(java.util.Locale.ROOT));
  }

  @Transactional(readOnly = true)
  public List<StateParty> states() {
    return states.findAll();
  }

  @Transactional(readOnly = true)
  public StateParty state(String code) {
    String c = Inputs.alpha3(code);
    return states.find(c).orElseThrow(() -> RegistryException.unknownState(c));
  }

  /** Registers a State party that is not seeded (e.g. a non-member State party); Convention party by default. */
  @Transactional
  public StateParty registerState(String code, String regionalGroup, String drawGroup, Set<Instrument> instruments,
      String actor) {
    String c = Inputs.alpha3(code);
    if (!CldrStateNames.isIsoAlpha3(c)) {
      throw RegistryException.invalid("'" + c + "' is not an ISO 3166-1 alpha-3 code known to the JDK");
    }
    RegionalGroup group = RegionalGroup.parseOrNull(regionalGroup);
    RegionalGroup draw = RegionalGroup.parseOrNull(drawGroup);
    checkGroups(group, draw);
    if (states.exists(c)) {
      throw new RegistryException(RegistryException.Kind.ALREADY_EXISTS, "State " + c + " is already registered");
    }
    Set<Instrument> inst = instruments == null ? EnumSet.of(Instrument.CONVENTION) : checkInstruments(instruments);
    Instant now = clock.instant();
    try {
      states.insert(new StateParty(c, group, draw, false, inst, SOURCE_API, now), now, Inputs.actor(actor), false);
    } catch (DuplicateKeyException e) {
      throw new RegistryException(RegistryException.Kind.ALREADY_EXISTS, "State " + c + " is already registered");
    }
    return states.find(c).orElseThrow();
  }

  @Transactional
  public StateParty updateStateGroups(String code, String regionalGroup, String drawGroup, String actor) {
    String c = Inputs.alpha3(code);
    RegionalGroup group = RegionalGroup.parseOrNull(regionalGroup);
    RegionalGroup draw = RegionalGroup.parseOrNull(drawGroup);
    checkGroups(group, draw);
    if (!states.lock(c)) {
      throw RegistryException.unknownState(c);
    }
    states.updateGroups(c, group, draw, clock.instant(), Inputs.actor(actor));
    return states.find(c).orElseThrow();
  }

  @Transactional
  public StateParty setInstruments(String code, Set<Instrument> instruments, String actor) {
    String c = Inputs.alpha3(code);
    Set<Instrument> inst = checkInstruments(instruments);
    if (!states.lock(c)) {
      throw RegistryException.unknownState(c);
    }
    states.updateInstruments(c, inst, SOURCE_API, clock.instant(), Inputs.actor(actor));
    return states.find(c).orElseThrow();
  }

  /**
   * Imports instrument participation (columns alpha3, convention, trafficking_in_persons,
   * smuggling_of_migrants, firearms; yes/no). All or nothing: every bad line is reported.
   *
   * @return the number of States updated
   */
  @Transactional
  public int importInstruments(String csv, String actor) {
    Map<String, InstrumentLine> updates = instrumentUpdates(csv);
    Instant now = clock.instant();
    updates.forEach((c, u) -> states.updateInstruments(c, u.instruments(), SOURCE_CSV, now, Inputs.actor(actor)));
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
      return new ImportPreview(List.of(), e.lineErrors().isEmpty()
          ? List.of(new RegistryException.LineError(0, e.getMessage())) : e.lineErrors());
    }
    List<ImportPreview.Change> changes = new ArrayList<>();
    for (var u : updates.entrySet()) {
      Set<Instrument> before = states.find(u.getKey()).map(StateParty::instruments).orElse(Set.of());
      Set<Instrument> after = u.getValue().instruments();
      boolean differs = !before.equals(after);
      changes.add(new ImportPreview.Change(u.getValue().line(), u.getKey() + ": " + (differs
          ? before + " \u2192 " + after : "no change " + before), differs));
    }
    return new ImportPreview(changes, List.of());
  }

  private record InstrumentLine(long line, Set<Instrument> instruments) {}

  /** Parses and checks an instruments file: every bad line reported at once, nothing written. */
  private Map<String, InstrumentLine> instrumentUpdates(String csv) {
    List<Csv.Row> rows = Csv.parse(csv, Set.of("alpha3", "convention", "trafficking_in_persons",
        "smuggling_of_migrants", "firearms"), Set.of("note"));
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
          throw RegistryException.invalid("State " + c + " already appears on line " + firstLine.get(c));
        }
        Set<Instrument> inst = EnumSet.noneOf(Instrument.class);
        addIf(inst, Instrument.CONVENTION, row, "convention");
        addIf(inst, Instrument.TRAFFICKING_IN_PERSONS, row, "trafficking_in_persons");
        addIf(inst, Instrument.SMUGGLING_OF_MIGRANTS, row, "smuggling_of_migrants");
        addIf(inst, Instrument.FIREARMS, row, "firearms");
        checkInstruments(inst);
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
      throw RegistryException.invalid(column + ": expected yes or no, found '" + row.get(column) + "'");
    }
    if (b) {
      set.add(i);
    }
  }

  private static Set<Instrument> checkInstruments(Set<Instrument> instruments) {
    Set<Instrument> inst = instruments == null || instruments.isEmpty()
        ? EnumSet.noneOf(Instrument.class) : EnumSet.copyOf(instruments);
    if (!inst.contains(Instrument.CONVENTION) && !inst.isEmpty()) {
      // The Protocols are open only to parties to the Convention (article 37).
      throw RegistryException.invalid("a State party to a Protocol must be party to the Convention");
    }
    return inst;
  }

  private static void checkGroups(RegionalGroup group, RegionalGroup drawGroup) {
    if (group != null && drawGroup != null && group != drawGroup) {
      throw RegistryException.invalid("drawGroup is only for a State without a regional group");
    }
  }

  // ------------------------------------------------------------------ People

  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public PersonView createPerson(PersonInput input, String actor) {
    Inputs.ValidPerson p = Inputs.person(input);
    if (people.findByEmail(p.email()).isPresent()) {
      throw new RegistryException(RegistryException.Kind.ALREADY_EXISTS, "a person with email " + p.email()
          + " is already registered");
    }
    try {
      return people.findById(people.insert(p, clock.instant(), Inputs.actor(actor))).orElseThrow();
    } catch (DuplicateKeyException e) {
      throw new RegistryException(RegistryException.Kind.ALREADY_EXISTS, "a person with email " + p.email()
          + " is already registered");
    }
  }

  /** The only way to change a registered person's name, email, language or time zone. */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public PersonView updatePerson(long id, PersonInput input, String actor) {
    Inputs.ValidPerson p = Inputs.person(input);
    people.findById(id).orElseThrow(() -> unknownPerson(id));
    Optional<PersonView> sameEmail = people.findByEmail(p.email());
    if (sameEmail.isPresent() && sameEmail.get().id() != id) {
      throw new RegistryException(RegistryException.Kind.ALREADY_EXISTS, "email " + p.email()
          + " belongs to another person");
    }
    people.update(id, p, clock.instant(), Inputs.actor(actor));
    return people.findById(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public PersonView person(long id) {
    return people.findById(id).orElseThrow(() -> unknownPerson(id));
  }

  @Transactional(readOnly = true)
  public Optional<PersonView> personByEmail(String email) {
    return people.findByEmail(Inputs.email(email));
  }

  @Transactional(readOnly = true)
  public List<PersonView> people(int limit, int offset) {
    return people.list(Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
  }

  private static RegistryException unknownPerson(long id) {
    return new RegistryException(RegistryException.Kind.UNKNOWN_PERSON, "unknown person " + id);
  }

  /** The registered person with this email, or a new one; never changes an existing person. */
  private PersonView findOrCreate(Inputs.ValidPerson p, Instant now, String actor) {
    Optional<PersonView> existing = people.findByEmail(p.email());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return people.findById(people.insert(p, now, actor)).orElseThrow();
    } catch (DuplicateKeyException raced) {
      // Another transaction registered the same email a moment ago: its row is the person.
      return people.findByEmail(p.email()).orElseThrow(() -> raced);
    }
  }

  // ------------------------------------------------------------------ Permanent representatives

  @Transactional(readOnly = true)
  public Optional<PersonView> permanentRepresentative(String stateCode, Instant at) {
    String c = knownState(stateCode);
    return roles.permanentRepAt(c, at).map(Tenure::person);
  }

  @Transactional(readOnly = true)
  public List<Tenure> permanentRepresentativeHistory(String stateCode) {
    return roles.permanentRepHistory(knownState(stateCode));
  }

  /** Replaces the State's permanent representative from {@code effectiveAt} (now if null); returns the new one. */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public PersonView setPermanentRepresentative(String stateCode, PersonInput person, Instant effectiveAt, String actor) {
    Inputs.ValidPerson p = Inputs.person(person);
    String c = Inputs.alpha3(stateCode);
    Instant now = clock.instant();
    Instant from = effectiveAt == null ? now : effectiveAt;
    String who = Inputs.actor(actor);
    if (!states.lock(c)) {
      throw RegistryException.unknownState(c);
    }
    roles.latestPermanentRepChange(c).filter(from::isBefore).ifPresent(t -> {
      throw RegistryException.invalid("effectiveAt " + from + " is before the latest change of " + c
          + "'s permanent representative (" + t + ")");
    });
    Optional<Tenure> current = roles.permanentRepAt(c, from).filter(t -> t.to() == null);
    if (current.isPresent() && current.get().person().email().equals(p.email())) {
      return current.get().person();
    }
    PersonView pr = findOrCreate(p, now, who);
    roles.closePermanentRep(c, from, who);
    roles.insertPermanentRep(c, pr.id(), from, now, who);
    return pr;
  }

  // ------------------------------------------------------------------ Designations

  @Transactional(readOnly = true)
  public Optional<PersonView> designatedFocalPoint(String reviewId, String stateCode, Instant at) {
    return focalPointDesignation(reviewId, stateCode, at).map(DesignationView::person);
  }

  /** The focal-point designation in force, with its note verbale; empty when none. */
  @Transactional(readOnly = true)
  public Optional<DesignationView> focalPointDesignation(String reviewId, String stateCode, Instant at) {
    String c = knownState(stateCode);
    return roles.designationsAt(reviewId, c, RoleKind.FOCAL_POINT, at).stream().reduce((a, b) -> b);
  }

  @Transactional(readOnly = true)
  public List<PersonView> experts(String reviewId, String stateCode, Instant at) {
    return roles.designationsAt(reviewId, knownState(stateCode), RoleKind.EXPERT, at).stream()
        .map(DesignationView::person).toList();
  }

  @Transactional(readOnly = true)
  public List<PersonView> observers(String reviewId, String stateCode, Instant at) {
    return roles.designationsAt(reviewId, knownState(stateCode), RoleKind.OBSERVER, at).stream()
        .map(DesignationView::person).toList();
  }

  /** Every designation of the review (optionally for one State), ended ones included: who held what when. */
  @Transactional(readOnly = true)
  public List<DesignationView> designationHistory(String reviewId, String stateCode) {
    String c = stateCode == null || stateCode.isBlank() ? null : knownState(stateCode);
    if (!roles.reviewExists(reviewId)) {
      throw unknownReview(reviewId);
    }
    return roles.history(reviewId, c);
  }

  /**
   * Designates the focal point of a State in a review, replacing the current one (if any) in the same
   * transaction, from {@code effectiveAt} (now if null). Designating the current holder again changes
   * nothing. Returns the previous holder, if any (the same person for a repeated designation).
   */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public Optional<PersonView> designateFocalPoint(String reviewId, String stateCode, PersonInput person,
      String noteVerbaleRef, LocalDate receivedOn, Instant effectiveAt, String actor) {
    return designateFocalPoint(reviewId, stateCode, person, noteVerbaleRef, receivedOn, effectiveAt, actor, null, false,
        Origin.REGISTRY);
  }

  /** As above, for a change a review event or the launch makes (see {@link FocalPointChanged}). */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public Optional<PersonView> designateFocalPoint(String reviewId, String stateCode, PersonInput person,
      String noteVerbaleRef, LocalDate receivedOn, Instant effectiveAt, String actor, Origin origin) {
    return designateFocalPoint(reviewId, stateCode, person, noteVerbaleRef, receivedOn, effectiveAt, actor, null, false,
        origin);
  }

  /**
   * As {@link #designateFocalPoint(String, String, PersonInput, String, LocalDate, Instant, String)}, but
   * when {@code replacementMustBeNamed} a current focal point is replaced only if {@code replaces} names
   * it (its email), as a replacement note verbale names who leaves; otherwise the designation is refused
   * as a second focal point. The API and CSV import use this form.
   */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public Optional<PersonView> designateFocalPoint(String reviewId, String stateCode, PersonInput person,
      String noteVerbaleRef, LocalDate receivedOn, Instant effectiveAt, String actor, String replaces,
      boolean replacementMustBeNamed) {
    return designateFocalPoint(reviewId, stateCode, person, noteVerbaleRef, receivedOn, effectiveAt, actor, replaces,
        replacementMustBeNamed, Origin.REGISTRY);
  }

  private Optional<PersonView> designateFocalPoint(String reviewId, String stateCode, PersonInput person,
      String noteVerbaleRef, LocalDate receivedOn, Instant effectiveAt, String actor, String replaces,
      boolean replacementMustBeNamed, Origin origin) {
    Inputs.ValidPerson p = Inputs.person(person);
    String ref = Inputs.text("noteVerbaleRef", noteVerbaleRef, 100);
    LocalDate received = requireDate(receivedOn);
    String replacesEmail = replaces == null || replaces.isBlank() ? null : Inputs.email(replaces);
    Instant now = clock.instant();
    Instant from = effectiveAt == null ? now : effectiveAt;
    String who = Inputs.actor(actor);
    String c = checkInReview(reviewId, stateCode);

    List<DesignationView> open = roles.open(reviewId, c, RoleKind.FOCAL_POINT);
    Optional<DesignationView> current = open.stream().reduce((a, b) -> b);
    if (current.isPresent() && current.get().person().email().equals(p.email())) {
      return Optional.of(current.get().person());
    }
    if (current.isPresent() && replacementMustBeNamed && !current.get().person().email().equals(replacesEmail)) {
      throw new RegistryException(RegistryException.Kind.FOCAL_POINT_ALREADY_DESIGNATED,
          c + " already has a focal point in review " + reviewId + " (" + current.get().person().email()
              + "); a replacement must name the focal point it replaces");
    }
    if (current.isEmpty() && replacesEmail != null) {
      throw new RegistryException(RegistryException.Kind.CONFLICT,
          c + " has no focal point in review " + reviewId + " to replace (" + replacesEmail + ")");
    }
    roles.latestChange(reviewId, c, RoleKind.FOCAL_POINT).filter(from::isBefore).ifPresent(t -> {
      throw RegistryException.invalid("effectiveAt " + from + " is before the latest focal-point change of " + c
          + " in review " + reviewId + " (" + t + ")");
    });
    PersonView fp = findOrCreate(p, now, who);
    for (DesignationView old : open) {
      roles.closeDesignation(old.id(), from, null, ref, "replaced", who);
    }
    long id = roles.insertDesignation(reviewId, c, RoleKind.FOCAL_POINT, fp.id(), p.name(), ref, received, from, now, who);
    for (DesignationView old : open) {
      roles.setReplacedBy(old.id(), id);
    }
    events.publishEvent(new FocalPointChanged(reviewId, c, FocalPointChanged.Change.DESIGNATED, fp.id(), ref, received,
        null, who, origin.reviewEventId(), origin.atLaunch()));
    return current.map(DesignationView::person);
  }

  /** Adds experts (people already designated as experts stay as they are). */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public void designateExperts(String reviewId, String stateCode, List<PersonInput> people, String noteVerbaleRef,
      LocalDate receivedOn, Instant effectiveAt, String actor) {
    designateMany(RoleKind.EXPERT, reviewId, stateCode, people, noteVerbaleRef, receivedOn, effectiveAt, actor);
  }

  /** Adds read-only observers (people already designated as observers stay as they are). */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public void designateObservers(String reviewId, String stateCode, List<PersonInput> people, String noteVerbaleRef,
      LocalDate receivedOn, Instant effectiveAt, String actor) {
    designateMany(RoleKind.OBSERVER, reviewId, stateCode, people, noteVerbaleRef, receivedOn, effectiveAt, actor);
  }

  private void designateMany(RoleKind role, String reviewId, String stateCode, List<PersonInput> input,
      String noteVerbaleRef, LocalDate receivedOn, Instant effectiveAt, String actor) {
    if (input == null || input.isEmpty()) {
      throw RegistryException.invalid("at least one person is required");
    }
    Map<String, Inputs.ValidPerson> byEmail = new LinkedHashMap<>();
    for (PersonInput in : input) {
      Inputs.ValidPerson p = Inputs.person(in);
      byEmail.putIfAbsent(p.email(), p);
    }
    String ref = Inputs.text("noteVerbaleRef", noteVerbaleRef, 100);
    LocalDate received = requireDate(receivedOn);
    Instant now = clock.instant();
    Instant from = effectiveAt == null ? now : effectiveAt;
    String who = Inputs.actor(actor);
    String c = checkInReview(reviewId, stateCode);
    Set<String> already = new java.util.HashSet<>();
    roles.open(reviewId, c, role).forEach(d -> already.add(d.person().email()));
    for (Inputs.ValidPerson p : byEmail.values()) {
      if (already.contains(p.email())) {
        continue;
      }
      PersonView person = findOrCreate(p, now, who);
      roles.insertDesignation(reviewId, c, role, person.id(), p.name(), ref, received, from, now, who);
    }
  }

  /**
   * Ends a designation (an expert or observer withdrawn, or a focal point withdrawn without a successor,
   * after which the permanent representative acts as interim focal point again).
   */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public DesignationView endDesignation(long designationId, String noteVerbaleRef, String reason, Instant effectiveAt,
      String actor) {
    return endDesignation(designationId, noteVerbaleRef, reason, effectiveAt, actor, Origin.REGISTRY);
  }

  /** As above, for the end a review event records ({@code FOCAL_POINT_ENDED}). */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public DesignationView endDesignation(long designationId, String noteVerbaleRef, String reason, Instant effectiveAt,
      String actor, Origin origin) {
    String ref = Inputs.text("noteVerbaleRef", noteVerbaleRef, 100);
    if (reason != null && reason.strip().length() > 500) {
      throw RegistryException.invalid("reason is longer than 500 characters");
    }
    DesignationView d = roles.designation(designationId).orElseThrow(() -> new RegistryException(
        RegistryException.Kind.INVALID_INPUT, "unknown designation " + designationId));
    Instant from = effectiveAt == null ? clock.instant() : effectiveAt;
    states.lock(d.stateCode());
    DesignationView locked = roles.designation(designationId).orElseThrow();
    if (locked.validTo() != null) {
      throw new RegistryException(RegistryException.Kind.CONFLICT, "designation " + designationId + " has already ended");
    }
    if (from.isBefore(locked.validFrom())) {
      throw RegistryException.invalid("effectiveAt is before the designation began");
    }
    roles.closeDesignation(designationId, from, null, ref, reason == null ? "withdrawn" : reason, Inputs.actor(actor));
    if (locked.role() == RoleKind.FOCAL_POINT) {
      // Without a successor, the permanent representative acts again (paragraph 18): the review tells.
      events.publishEvent(new FocalPointChanged(locked.reviewId(), locked.stateCode(), FocalPointChanged.Change.ENDED,
          locked.person().id(), ref, LocalDate.ofInstant(from, Times.VIENNA), reason,
          Inputs.actor(actor), origin.reviewEventId(), origin.atLaunch()));
    }
    return roles.designation(designationId).orElseThrow();
  }

  /**
   * Imports designations (columns review_id, state, role, name, email, language, note_verbale_ref,
   * received_on; optional time_zone, effective_at, replaces). All or nothing in one transaction: every
   * bad line is reported with its number and reason, and nothing is written if any line is bad.
   *
   * @return the number of lines applied
   */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public int importDesignations(String csv, String actor) {
    List<Csv.Row> rows = Csv.parse(csv,
        Set.of("review_id", "state", "role", "name", "email", "language", "note_verbale_ref", "received_on"),
        Set.of("time_zone", "effective_at", "replaces"));
    List<RegistryException.LineError> errors = new ArrayList<>();
    for (Csv.Row row : rows) {
      try {
        applyDesignationLine(row, actor);
      } catch (RegistryException e) {
        errors.add(new RegistryException.LineError(row.line(), e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw Csv.invalid(errors);
    }
    return rows.size();
  }

  /**
   * {@link #importDesignations} run through, line by line, in a transaction that is then rolled back:
   * the same checks, in the same order, with each line seeing the lines before it, and nothing kept
   * (neither the registry's rows nor the reviews' events and process messages they would cause).
   */
  @Transactional
  public ImportPreview previewDesignations(String csv, String actor) {
    try {
      List<Csv.Row> rows = Csv.parse(csv,
          Set.of("review_id", "state", "role", "name", "email", "language", "note_verbale_ref", "received_on"),
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
      return new ImportPreview(List.of(), e.lineErrors().isEmpty()
          ? List.of(new RegistryException.LineError(0, e.getMessage())) : e.lineErrors());
    } finally {
      org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    }
  }

  /** A line's effect as the registry stands before it (and after the lines above it). */
  private ImportPreview.Change describeDesignationLine(Csv.Row row) {
    String reviewId = row.get("review_id");
    String email = row.get("email") == null ? "" : row.get("email").strip().toLowerCase(java.util.Locale.ROOT);
    String who = row.get("name") + " <" + email + ">";
    String state = row.get("state") == null ? "" : row.get("state").strip().toUpperCase(java.util.Locale.ROOT);
    String role = String.valueOf(row.get("role")).strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
    String where = reviewId + ", " + state + ": ";
    if (!"FOCAL_POINT".equals(role) || !isKnownState(state) || reviewId == null || !roles.reviewExists(reviewId)) {
      // An expert or observer (or a line the import will refuse, with its own reason).
      boolean already = isKnownState(state) && reviewId != null && roles.reviewExists(reviewId)
          && ("EXPERT".equals(role) || "OBSERVER".equals(role))
          && roles.open(reviewId, state, RoleKind.valueOf(role)).stream().anyMatch(d -> d.person().email().equals(email));
      return new ImportPreview.Change(row.line(), where + (already ? "no change: " + who + " is already "
          + role.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : "adds " + who + " as "
          + role.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')), !already);
    }
    Optional<DesignationView> current = roles.open(reviewId, state, RoleKind.FOCAL_POINT).stream().reduce((a, b) -> b);
    if (current.isPresent() && current.get().person().email().equals(email)) {
      return new ImportPreview.Change(row.line(), where + "no change: " + who + " is already the focal point", false);
    }
    return new ImportPreview.Change(row.line(), where + (current.isPresent()
        ? "focal point " + current.get().person().name() + " <" + current.get().person().email() + "> replaced by " + who
        : who + " designated focal point (the permanent representative stops acting as interim)"), true);
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
    Instant effective = Times.instantOrNull("effective_at", row.get("effective_at"));
    String reviewId = Inputs.text("review_id", row.get("review_id"), 40);
    switch (role) {
      case FOCAL_POINT -> designateFocalPoint(reviewId, row.get("state"), person, row.get("note_verbale_ref"), received,
          effective, actor, row.get("replaces"), true);
      case EXPERT -> designateExperts(reviewId, row.get("state"), List.of(person), row.get("note_verbale_ref"),
          received, effective, actor);
      case OBSERVER -> designateObservers(reviewId, row.get("state"), List.of(person), row.get("note_verbale_ref"),
          received, effective, actor);
    }
  }

  // ------------------------------------------------------------------ helpers

  private String knownState(String stateCode) {
    String c = Inputs.alpha3(stateCode);
    if (!states.exists(c)) {
      throw RegistryException.unknownState(c);
    }
    return c;
  }

  /**
   * Refuses a State that does not take part in the review (unknown State 404, unknown review 404, not a
   * participant 409): asked before answering who acts for it there, so that an unknown pair is not
   * answered with an interim permanent representative.
   */
  @Transactional(readOnly = true)
  public String requireInReview(String reviewId, String stateCode) {
    String c = Inputs.alpha3(stateCode);
    if (!states.exists(c)) {
      throw RegistryException.unknownState(c);
    }
    if (reviewId == null || !roles.reviewExists(reviewId)) {
      throw unknownReview(reviewId);
    }
    if (!roles.stateInReview(reviewId, c)) {
      throw new RegistryException(RegistryException.Kind.STATE_NOT_IN_REVIEW,
          "State " + c + " is not taking part in review " + reviewId);
    }
    return c;
  }

  /** Checks State, review and participation, then takes the State's lock: call after pure validation. */
  private String checkInReview(String reviewId, String stateCode) {
    String c = requireInReview(reviewId, stateCode);
    states.lock(c);
    return c;
  }

  private static RegistryException unknownReview(String reviewId) {
    return new RegistryException(RegistryException.Kind.UNKNOWN_REVIEW, "unknown review '" + reviewId + "'");
  }

  private static LocalDate requireDate(LocalDate receivedOn) {
    if (receivedOn == null) {
      throw RegistryException.invalid("receivedOn (the date the note verbale was received) is required");
    }
    return receivedOn;
  }
}
