package org.revflow.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.revflow.config.ApiException;
import org.revflow.registry.DesignationService;
import org.revflow.registry.DesignationService.Origin;
import org.revflow.registry.DesignationView;
import org.revflow.registry.PersonInput;
import org.revflow.registry.RegistryException;
import org.revflow.registry.RegistryLookups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The lifecycle's view of the registry. */
@Component
class RegistryStateDirectory implements StateDirectory {

  private final RegistryLookups registry;
  private final DesignationService designations;
  private final Clock clock;

  RegistryStateDirectory(RegistryLookups registry, DesignationService designations, Clock clock) {
    this.registry = registry;
    this.designations = designations;
    this.clock = clock;
  }

  @Override
  public boolean isKnownState(String alpha3) {
    return registry.isKnownState(alpha3);
  }

  @Override
  public boolean hasFocalPoint(String reviewId, String state) {
    return state != null
        && registry.focalPointDesignation(reviewId, state, clock.instant()).isPresent();
  }

  @Override
  public void designateFocalPoint(
      String reviewId,
      String state,
      ReviewCommands.Person person,
      String noteVerbaleRef,
      LocalDate receivedOn,
      String actor,
      Origin origin) {
    try {
      designations.designateFocalPoint(
          reviewId,
          state,
          input(person),
          noteVerbaleRef,
          receivedOn,
          clock.instant(),
          actor,
          origin);
    } catch (RegistryException e) {
      throw translate(e);
    }
  }

  @Override
  public void endFocalPoint(
      String reviewId,
      String state,
      String noteVerbaleRef,
      String reason,
      String actor,
      Origin origin) {
    DesignationView current =
        registry
            .focalPointDesignation(reviewId, state, clock.instant())
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        state + " has no focal point in review " + reviewId + " to end"));
    try {
      designations.endDesignation(
          current.id(), noteVerbaleRef, reason, clock.instant(), actor, origin);
    } catch (RegistryException e) {
      throw translate(e);
    }
  }

  @Override
  public void carryOver(
      String previousReviewId, String reviewId, String state, LocalDate on, String actor) {
    java.time.Instant now = clock.instant();
    try {
      registry
          .focalPointDesignation(previousReviewId, state, now)
          .ifPresent(
              d ->
                  designations.designateFocalPoint(
                      reviewId,
                      state,
                      new PersonInput(
                          d.nameAsDesignated(),
                          d.person().email(),
                          d.person().language().code(),
                          d.person().timeZone() == null ? null : d.person().timeZone().getId()),
                      d.noteVerbaleRef(),
                      d.receivedOn(),
                      now,
                      actor,
                      Origin.LAUNCH));
      List<PersonInput> experts =
          registry.experts(previousReviewId, state, now).stream()
              .map(
                  p ->
                      new PersonInput(
                          p.name(),
                          p.email(),
                          p.language().code(),
                          p.timeZone() == null ? null : p.timeZone().getId()))
              .toList();
      if (!experts.isEmpty()) {
        designations.designateExperts(
            reviewId, state, experts, "carried over from " + previousReviewId, on, now, actor);
      }
    } catch (RegistryException e) {
      throw translate(e);
    }
  }

  @Override
  public void designateExperts(
      String reviewId,
      String state,
      List<ReviewCommands.Person> experts,
      String noteVerbaleRef,
      LocalDate receivedOn,
      String actor) {
    try {
      designations.designateExperts(
          reviewId,
          state,
          experts.stream().map(RegistryStateDirectory::input).toList(),
          noteVerbaleRef,
          receivedOn,
          clock.instant(),
          actor);
    } catch (RegistryException e) {
      throw translate(e);
    }
  }

  /** The registry's refusal, with its status, as the review API's problem. */
  private static ApiException translate(RegistryException e) {
    HttpStatus status = HttpStatus.resolve(e.kind().status());
    return new ApiException(
        status == null ? HttpStatus.BAD_REQUEST : status,
        "Refused by the registry",
        e.getMessage());
  }

  private static PersonInput input(ReviewCommands.Person p) {
    return new PersonInput(p.name(), p.email(), p.language(), p.timeZone());
  }
}
