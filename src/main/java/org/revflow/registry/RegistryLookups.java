package org.revflow.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registry knows, read only: States parties, people, permanent representatives and review
 * designations, at a given time. Notices, the lifecycle, the action pages and the API's reads ask
 * here; the registry's changes are the command services' ({@link StatePartyService}, {@link
 * PersonService}, {@link PermanentRepresentativeService}, {@link DesignationService}, {@link
 * RegistryImports}). Who acts as focal point is decided by {@link FocalPointResolver}.
 */
@Service
@Transactional(readOnly = true)
public class RegistryLookups {

  private final StateRepository states;
  private final PersonRepository people;
  private final RoleRepository roles;

  RegistryLookups(StateRepository states, PersonRepository people, RoleRepository roles) {
    this.states = states;
    this.people = people;
    this.roles = roles;
  }

  // ------------------------------------------------------------------ States

  public boolean isKnownState(String alpha3) {
    return alpha3 != null
        && alpha3.strip().length() == 3
        && states.exists(alpha3.strip().toUpperCase(java.util.Locale.ROOT));
  }

  public List<StateParty> states() {
    return states.findAll();
  }

  public StateParty state(String code) {
    String c = Inputs.alpha3(code);
    return states.find(c).orElseThrow(() -> RegistryException.unknownState(c));
  }

  // ------------------------------------------------------------------ People

  public PersonView person(long id) {
    return people.findById(id).orElseThrow(() -> PersonService.unknownPerson(id));
  }

  public Optional<PersonView> personByEmail(String email) {
    return people.findByEmail(Inputs.email(email));
  }

  public List<PersonView> people(int limit, int offset) {
    return people.list(Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
  }

  // ------------------------------------------------------------------ Permanent representatives

  public Optional<PersonView> permanentRepresentative(String stateCode, Instant at) {
    String c = knownState(stateCode);
    return roles.permanentRepAt(c, at).map(Tenure::person);
  }

  public List<Tenure> permanentRepresentativeHistory(String stateCode) {
    return roles.permanentRepHistory(knownState(stateCode));
  }

  // ------------------------------------------------------------------ Designations

  public Optional<PersonView> designatedFocalPoint(String reviewId, String stateCode, Instant at) {
    return focalPointDesignation(reviewId, stateCode, at).map(DesignationView::person);
  }

  /** The focal-point designation in force, with its note verbale; empty when none. */
  public Optional<DesignationView> focalPointDesignation(
      String reviewId, String stateCode, Instant at) {
    String c = knownState(stateCode);
    return roles.designationsAt(reviewId, c, RoleKind.FOCAL_POINT, at).stream().reduce((a, b) -> b);
  }

  public List<PersonView> experts(String reviewId, String stateCode, Instant at) {
    return roles.designationsAt(reviewId, knownState(stateCode), RoleKind.EXPERT, at).stream()
        .map(DesignationView::person)
        .toList();
  }

  public List<PersonView> observers(String reviewId, String stateCode, Instant at) {
    return roles.designationsAt(reviewId, knownState(stateCode), RoleKind.OBSERVER, at).stream()
        .map(DesignationView::person)
        .toList();
  }

  /**
   * Every designation of the review (optionally for one State), ended ones included: who held what
   * when.
   */
  public List<DesignationView> designationHistory(String reviewId, String stateCode) {
    String c = stateCode == null || stateCode.isBlank() ? null : knownState(stateCode);
    if (!roles.reviewExists(reviewId)) {
      throw unknownReview(reviewId);
    }
    return roles.history(reviewId, c);
  }

  /**
   * Refuses a State that does not take part in the review (unknown State 404, unknown review 404,
   * not a participant 409): asked before answering who acts for it there, so that an unknown pair
   * is not answered with an interim permanent representative.
   */
  public String requireInReview(String reviewId, String stateCode) {
    String c = Inputs.alpha3(stateCode);
    if (!states.exists(c)) {
      throw RegistryException.unknownState(c);
    }
    if (reviewId == null || !roles.reviewExists(reviewId)) {
      throw unknownReview(reviewId);
    }
    if (!roles.stateInReview(reviewId, c)) {
      throw new RegistryException(
          RegistryException.Kind.STATE_NOT_IN_REVIEW,
          "State " + c + " is not taking part in review " + reviewId);
    }
    return c;
  }

  private String knownState(String stateCode) {
    String c = Inputs.alpha3(stateCode);
    if (!states.exists(c)) {
      throw RegistryException.unknownState(c);
    }
    return c;
  }

  private static RegistryException unknownReview(String reviewId) {
    return new RegistryException(
        RegistryException.Kind.UNKNOWN_REVIEW, "unknown review '" + reviewId + "'");
  }
}
