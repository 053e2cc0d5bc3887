package org.revflow.registry.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revflow.registry.ActingFocalPoint;
import org.revflow.registry.Csv;
import org.revflow.registry.DesignationView;
import org.revflow.registry.FocalPointResolver;
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryException;
import org.revflow.registry.DesignationService;
import org.revflow.registry.RegistryImports;
import org.revflow.registry.RegistryLookups;
import org.revflow.registry.RoleKind;
import org.revflow.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Designations of focal points, experts and observers per review and State, and who acts. */
@RestController
class DesignationsController {

  /**
   * One note verbale's designation. For a FOCAL_POINT, {@code replaces} must name the current focal
   * point's email when there is one: a second focal point is created only by replacement.
   */
  record DesignationBody(String stateCode, RoleKind role, List<PersonInput> people, PersonInput person,
      String noteVerbaleRef, LocalDate receivedOn, Instant effectiveAt, String replaces) {}

  record DesignationResult(RoleKind role, String stateCode, PersonView previousFocalPoint,
      List<PersonView> focalPoint, List<PersonView> experts, List<PersonView> observers) {}

  record EndBody(String noteVerbaleRef, String reason, Instant effectiveAt) {}

  private final RegistryLookups registry;
  private final DesignationService designations;
  private final RegistryImports imports;
  private final FocalPointResolver resolver;
  private final Clock clock;

  private final CurrentUser currentUser;

  DesignationsController(RegistryLookups registry, DesignationService designations, RegistryImports imports,
      FocalPointResolver resolver, Clock clock, CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.registry = registry;
    this.designations = designations;
    this.imports = imports;
    this.resolver = resolver;
    this.clock = clock;
  }

  @PostMapping("/api/registry/reviews/{reviewId}/designations")
  ResponseEntity<DesignationResult> designate(@PathVariable String reviewId, @RequestBody DesignationBody body) {
    if (body == null || body.role() == null) {
      throw RegistryException.invalid("role is required (FOCAL_POINT, EXPERT or OBSERVER)");
    }
    List<PersonInput> people = body.people() != null ? body.people()
        : body.person() != null ? List.of(body.person()) : List.of();
    PersonView previous = null;
    switch (body.role()) {
      case FOCAL_POINT -> {
        if (people.size() != 1) {
          throw RegistryException.invalid("a focal-point designation names exactly one person");
        }
        previous = designations.designateFocalPoint(reviewId, body.stateCode(), people.get(0), body.noteVerbaleRef(),
            body.receivedOn(), body.effectiveAt(), currentUser.name(), body.replaces(), true).orElse(null);
      }
      case EXPERT -> designations.designateExperts(reviewId, body.stateCode(), people, body.noteVerbaleRef(),
          body.receivedOn(), body.effectiveAt(), currentUser.name());
      case OBSERVER -> designations.designateObservers(reviewId, body.stateCode(), people, body.noteVerbaleRef(),
          body.receivedOn(), body.effectiveAt(), currentUser.name());
    }
    Instant at = body.effectiveAt() == null ? clock.instant() : body.effectiveAt();
    return ResponseEntity.status(HttpStatus.CREATED).body(new DesignationResult(body.role(), body.stateCode(), previous,
        registry.designatedFocalPoint(reviewId, body.stateCode(), at).map(List::of).orElse(List.of()),
        registry.experts(reviewId, body.stateCode(), at), registry.observers(reviewId, body.stateCode(), at)));
  }

  /** Who holds which role at {@code at} (now by default). */
  @GetMapping("/api/registry/reviews/{reviewId}/states/{state}/roles")
  Map<String, Object> roles(@PathVariable String reviewId, @PathVariable String state,
      @RequestParam(required = false) Instant at) {
    Instant t = at == null ? clock.instant() : at;
    registry.requireInReview(reviewId, state);
    Optional<PersonView> fp = registry.designatedFocalPoint(reviewId, state, t);
    return Map.of("at", t, "focalPoint", fp.map(List::of).orElse(List.of()),
        "experts", registry.experts(reviewId, state, t), "observers", registry.observers(reviewId, state, t),
        "actingFocalPoint", resolver.actingFocalPoint(reviewId, state, t));
  }

  @GetMapping("/api/registry/reviews/{reviewId}/states/{state}/acting-focal-point")
  ActingFocalPoint acting(@PathVariable String reviewId, @PathVariable String state,
      @RequestParam(required = false) Instant at) {
    registry.requireInReview(reviewId, state);
    return resolver.actingFocalPoint(reviewId, state, at == null ? clock.instant() : at);
  }

  /** Every designation of the review, ended ones included (who held the role when). */
  @GetMapping("/api/registry/reviews/{reviewId}/designations")
  List<DesignationView> history(@PathVariable String reviewId, @RequestParam(required = false) String state) {
    return registry.designationHistory(reviewId, state);
  }

  @PostMapping("/api/registry/designations/{id}/end")
  DesignationView end(@PathVariable long id, @RequestBody EndBody body) {
    return designations.endDesignation(id, body.noteVerbaleRef(), body.reason(), body.effectiveAt(), currentUser.name());
  }

  /**
   * CSV: review_id,state,role,name,email,language,note_verbale_ref,received_on[,time_zone,effective_at,replaces].
   * All or nothing: a 422 problem lists every bad line.
   */
  @PostMapping(path = "/api/registry/designations/import", consumes = "text/csv")
  Map<String, Object> importCsv(@RequestBody byte[] csv) {
    return Map.of("applied", imports.importDesignations(Csv.utf8(csv), currentUser.name()));
  }
}
