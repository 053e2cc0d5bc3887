package org.revflow.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.revflow.config.MechanismTime;
import org.revflow.config.RetryOnLockConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review designations: a State's focal point, experts and observers in a review, designated by note
 * verbale, replaced and ended. Every change validates everything before writing, in one transaction
 * serialised on the State's row lock (the database also refuses a second open focal point); a
 * refusal is a {@link RegistryException}. A focal-point change is published as {@link
 * FocalPointChanged} in that transaction, whichever door it came through, so that the review
 * records the same notices.
 *
 * <p>A designation that names a registered email reuses that person as registered (the name as
 * written in the note verbale is kept on the designation itself). Reads are {@link
 * RegistryLookups}'.
 */
@Service
public class DesignationService {

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

  private final StateRepository states;
  private final PersonRepository people;
  private final RoleRepository roles;
  private final RegistryLookups lookups;
  private final MechanismTime time;
  private final ApplicationEventPublisher events;

  DesignationService(
      StateRepository states,
      PersonRepository people,
      RoleRepository roles,
      RegistryLookups lookups,
      MechanismTime time,
      ApplicationEventPublisher events) {
    this.states = states;
    this.people = people;
    this.roles = roles;
    this.lookups = lookups;
    this.time = time;
    this.events = events;
  }

  /**
   * Designates the focal point of a State in a review, replacing the current one (if any) in the
   * same transaction, from {@code effectiveAt} (now if null). Designating the current holder again
   * changes nothing. Returns the previous holder, if any (the same person for a repeated
   * designation).
   */
  @Transactional
  @RetryOnLockConflict
  public Optional<PersonView> designateFocalPoint(
      String reviewId,
      String stateCode,
      PersonInput person,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant effectiveAt,
      String actor) {
    return designateFocalPoint(
        reviewId,
        stateCode,
        person,
        noteVerbaleRef,
        receivedOn,
        effectiveAt,
        actor,
        Origin.REGISTRY);
  }

  /** As above, for a change a review event or the launch makes (see {@link FocalPointChanged}). */
  @Transactional
  @RetryOnLockConflict
  public Optional<PersonView> designateFocalPoint(
      String reviewId,
      String stateCode,
      PersonInput person,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant effectiveAt,
      String actor,
      Origin origin) {
    return designateFocalPoint(
        reviewId,
        stateCode,
        person,
        noteVerbaleRef,
        receivedOn,
        effectiveAt,
        actor,
        null,
        false,
        origin);
  }

  /**
   * As {@link #designateFocalPoint(String, String, PersonInput, String, LocalDate, Instant,
   * String)}, but when {@code replacementMustBeNamed} a current focal point is replaced only if
   * {@code replaces} names it (its email), as a replacement note verbale names who leaves;
   * otherwise the designation is refused as a second focal point. The API and CSV import use this
   * form.
   */
  @Transactional
  @RetryOnLockConflict
  public Optional<PersonView> designateFocalPoint(
      String reviewId,
      String stateCode,
      PersonInput person,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant effectiveAt,
      String actor,
      String replaces,
      boolean replacementMustBeNamed) {
    return designateFocalPoint(
        reviewId,
        stateCode,
        person,
        noteVerbaleRef,
        receivedOn,
        effectiveAt,
        actor,
        replaces,
        replacementMustBeNamed,
        Origin.REGISTRY);
  }

  private Optional<PersonView> designateFocalPoint(
      String reviewId,
      String stateCode,
      PersonInput person,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant effectiveAt,
      String actor,
      String replaces,
      boolean replacementMustBeNamed,
      Origin origin) {
    Inputs.ValidPerson p = Inputs.person(person);
    String ref = Inputs.text("noteVerbaleRef", noteVerbaleRef, 100);
    LocalDate received = requireDate(receivedOn);
    String replacesEmail = replaces == null || replaces.isBlank() ? null : Inputs.email(replaces);
    Instant now = time.now();
    Instant from = effectiveAt == null ? now : effectiveAt;
    String who = Inputs.actor(actor);
    String c = checkInReview(reviewId, stateCode);

    List<DesignationView> open = roles.open(reviewId, c, RoleKind.FOCAL_POINT);
    Optional<DesignationView> current = open.stream().reduce((a, b) -> b);
    if (current.isPresent() && current.get().person().email().equals(p.email())) {
      return Optional.of(current.get().person());
    }
    if (current.isPresent()
        && replacementMustBeNamed
        && !current.get().person().email().equals(replacesEmail)) {
      throw new RegistryException(
          RegistryException.Kind.FOCAL_POINT_ALREADY_DESIGNATED,
          c
              + " already has a focal point in review "
              + reviewId
              + " ("
              + current.get().person().email()
              + "); a replacement must name the focal point it replaces");
    }
    if (current.isEmpty() && replacesEmail != null) {
      throw new RegistryException(
          RegistryException.Kind.CONFLICT,
          c + " has no focal point in review " + reviewId + " to replace (" + replacesEmail + ")");
    }
    roles
        .latestChange(reviewId, c, RoleKind.FOCAL_POINT)
        .filter(from::isBefore)
        .ifPresent(
            t -> {
              throw RegistryException.invalid(
                  "effectiveAt "
                      + from
                      + " is before the latest focal-point change of "
                      + c
                      + " in review "
                      + reviewId
                      + " ("
                      + t
                      + ")");
            });
    PersonView fp = people.findOrCreate(p, now, who);
    for (DesignationView old : open) {
      roles.closeDesignation(old.id(), from, null, ref, "replaced", who);
    }
    long id =
        roles.insertDesignation(
            reviewId, c, RoleKind.FOCAL_POINT, fp.id(), p.name(), ref, received, from, now, who);
    for (DesignationView old : open) {
      roles.setReplacedBy(old.id(), id);
    }
    events.publishEvent(
        new FocalPointChanged(
            reviewId,
            c,
            FocalPointChanged.Change.DESIGNATED,
            fp.id(),
            ref,
            received,
            null,
            who,
            origin.reviewEventId(),
            origin.atLaunch()));
    return current.map(DesignationView::person);
  }

  /** Adds experts (people already designated as experts stay as they are). */
  @Transactional
  @RetryOnLockConflict
  public void designateExperts(
      String reviewId,
      String stateCode,
      List<PersonInput> people,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant effectiveAt,
      String actor) {
    designateMany(
        RoleKind.EXPERT,
        reviewId,
        stateCode,
        people,
        noteVerbaleRef,
        receivedOn,
        effectiveAt,
        actor);
  }

  /** Adds read-only observers (people already designated as observers stay as they are). */
  @Transactional
  @RetryOnLockConflict
  public void designateObservers(
      String reviewId,
      String stateCode,
      List<PersonInput> people,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant effectiveAt,
      String actor) {
    designateMany(
        RoleKind.OBSERVER,
        reviewId,
        stateCode,
        people,
        noteVerbaleRef,
        receivedOn,
        effectiveAt,
        actor);
  }

  private void designateMany(
      RoleKind role,
      String reviewId,
      String stateCode,
      List<PersonInput> input,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant effectiveAt,
      String actor) {
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
    Instant now = time.now();
    Instant from = effectiveAt == null ? now : effectiveAt;
    String who = Inputs.actor(actor);
    String c = checkInReview(reviewId, stateCode);
    Set<String> already = new java.util.HashSet<>();
    roles.open(reviewId, c, role).forEach(d -> already.add(d.person().email()));
    for (Inputs.ValidPerson p : byEmail.values()) {
      if (already.contains(p.email())) {
        continue;
      }
      PersonView person = people.findOrCreate(p, now, who);
      roles.insertDesignation(
          reviewId, c, role, person.id(), p.name(), ref, received, from, now, who);
    }
  }

  /**
   * Ends a designation (an expert or observer withdrawn, or a focal point withdrawn without a
   * successor, after which the permanent representative acts as interim focal point again).
   */
  @Transactional
  @RetryOnLockConflict
  public DesignationView endDesignation(
      long designationId, String noteVerbaleRef, String reason, Instant effectiveAt, String actor) {
    return endDesignation(
        designationId, noteVerbaleRef, reason, effectiveAt, actor, Origin.REGISTRY);
  }

  /** As above, for the end a review event records ({@code FOCAL_POINT_ENDED}). */
  @Transactional
  @RetryOnLockConflict
  public DesignationView endDesignation(
      long designationId,
      String noteVerbaleRef,
      String reason,
      Instant effectiveAt,
      String actor,
      Origin origin) {
    String ref = Inputs.text("noteVerbaleRef", noteVerbaleRef, 100);
    if (reason != null && reason.strip().length() > 500) {
      throw RegistryException.invalid("reason is longer than 500 characters");
    }
    DesignationView d =
        roles
            .designation(designationId)
            .orElseThrow(
                () ->
                    new RegistryException(
                        RegistryException.Kind.INVALID_INPUT,
                        "unknown designation " + designationId));
    Instant from = effectiveAt == null ? time.now() : effectiveAt;
    states.lock(d.stateCode());
    DesignationView locked = roles.designation(designationId).orElseThrow();
    if (locked.validTo() != null) {
      throw new RegistryException(
          RegistryException.Kind.CONFLICT, "designation " + designationId + " has already ended");
    }
    if (from.isBefore(locked.validFrom())) {
      throw RegistryException.invalid("effectiveAt is before the designation began");
    }
    roles.closeDesignation(
        designationId, from, null, ref, reason == null ? "withdrawn" : reason, Inputs.actor(actor));
    if (locked.role() == RoleKind.FOCAL_POINT) {
      // Without a successor, the permanent representative acts again (paragraph 18): the review
      // tells.
      events.publishEvent(
          new FocalPointChanged(
              locked.reviewId(),
              locked.stateCode(),
              FocalPointChanged.Change.ENDED,
              locked.person().id(),
              ref,
              time.dateOf(from),
              reason,
              Inputs.actor(actor),
              origin.reviewEventId(),
              origin.atLaunch()));
    }
    return roles.designation(designationId).orElseThrow();
  }

  /**
   * Checks State, review and participation, then takes the State's lock: call after pure
   * validation.
   */
  private String checkInReview(String reviewId, String stateCode) {
    String c = lookups.requireInReview(reviewId, stateCode);
    states.lock(c);
    return c;
  }

  private static LocalDate requireDate(LocalDate receivedOn) {
    if (receivedOn == null) {
      throw RegistryException.invalid(
          "receivedOn (the date the note verbale was received) is required");
    }
    return receivedOn;
  }
}
