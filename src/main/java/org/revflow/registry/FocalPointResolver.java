package org.revflow.registry;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.revflow.config.MechanismTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides who acts as focal point of a State in a review at a time: the
 * designated focal point, else the permanent representative as interim focal point (paragraph 18 of
 * the Procedures and rules), else nobody (and the reason says so). Notice routing, the lifecycle
 * and the API all ask here.
 */
@Service
public class FocalPointResolver {

  // The reason is read by people (the API, the secretariat's pages): minutes in Vienna, not an ISO
  // instant.
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final RegistryLookups registry;
  private final MechanismTime time;

  FocalPointResolver(RegistryLookups registry, MechanismTime time) {
    this.registry = registry;
    this.time = time;
  }

  @Transactional(readOnly = true)
  public ActingFocalPoint actingFocalPoint(String reviewId, String stateCode, Instant at) {
    if (at == null) {
      throw RegistryException.invalid("a time is required");
    }
    String state = Inputs.alpha3(stateCode);
    Optional<DesignationView> designated = registry.focalPointDesignation(reviewId, state, at);
    if (designated.isPresent()) {
      DesignationView d = designated.get();
      return new ActingFocalPoint(
          state,
          d.person(),
          false,
          "focal point designated by note verbale "
              + d.noteVerbaleRef()
              + " received on "
              + d.receivedOn()
              + ", in office since "
              + vienna(d.validFrom()));
    }
    Optional<PersonView> pr = registry.permanentRepresentative(state, at);
    if (pr.isPresent()) {
      return new ActingFocalPoint(
          state,
          pr.get(),
          true,
          "no focal point designated for "
              + state
              + " in review "
              + reviewId
              + " on "
              + vienna(at)
              + ": the permanent representative acts as interim focal point (paragraph 18)");
    }
    return new ActingFocalPoint(
        state,
        null,
        true,
        "no focal point designated for "
            + state
            + " in review "
            + reviewId
            + " on "
            + vienna(at)
            + ", and no permanent representative is registered for "
            + state);
  }

  private String vienna(Instant at) {
    return MINUTE.format(at.atZone(time.zone())) + " Vienna time";
  }
}
