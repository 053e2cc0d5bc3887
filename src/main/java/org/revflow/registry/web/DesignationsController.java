package org.revflow.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revflow.registry.ActingFocalPoint;
import org.revflow.registry.Csv;
import org.revflow.registry.DesignationService;
import org.revflow.registry.DesignationView;
import org.revflow.registry.FocalPointResolver;
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryException;
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
@Tag(name = "Registry")
class DesignationsController {

  /**
   * One note verbale's designation. For a FOCAL_POINT, {@code replaces} must name the current focal
   * point's email when there is one: a second focal point is created only by replacement.
   */
  record DesignationBody(
      String stateCode,
      RoleKind role,
      List<PersonInput> people,
      PersonInput person,
      String noteVerbaleRef,
      LocalDate receivedOn,
      Instant effectiveAt,
      String replaces) {}

  record DesignationResult(
      RoleKind role,
      String stateCode,
      PersonView previousFocalPoint,
      List<PersonView> focalPoint,
      List<PersonView> experts,
      List<PersonView> observers) {}

  record EndBody(String noteVerbaleRef, String reason, Instant effectiveAt) {}

  private final RegistryLookups registry;
  private final DesignationService designations;
  private final RegistryImports imports;
  private final FocalPointResolver resolver;
  private final Clock clock;

  private final CurrentUser currentUser;

  DesignationsController(
      RegistryLookups registry,
      DesignationService designations,
      RegistryImports imports,
      FocalPointResolver resolver,
      Clock clock,
      CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.registry = registry;
    this.designations = designations;
    this.imports = imports;
    this.resolver = resolver;
    this.clock = clock;
  }

  @PostMapping("/api/registry/reviews/{reviewId}/designations")
  @Operation(
      summary = "Record a designation by note verbale",
      description =
          """
          Records a State's designation in a review, as its note verbale gives it: a `FOCAL_POINT` (exactly \
          one `person`), or `EXPERT`s or `OBSERVER`s (`people`, or one `person`; people already designated \
          stay). `noteVerbaleRef` and `receivedOn` are required; the designation holds from `effectiveAt` (now \
          if not given). A State has one focal point: to replace it, `replaces` names the current one's email \
          address. A focal point designated here follows the same path as the review's \
          FOCAL_POINT_DESIGNATED event: its step ends and the same notices go out.""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples = {
                        @ExampleObject(
                            name = "focal point",
                            value =
                                """
                {"stateCode": "KEN", "role": "FOCAL_POINT", "noteVerbaleRef": "NV/KEN/2027/3",
                 "receivedOn": "2027-01-18",
                 "person": {"name": "Wanjiru Kamau", "email": "fp@ken.example", "language": "en",
                            "timeZone": "Africa/Nairobi"}}"""),
                        @ExampleObject(
                            name = "focal point replaced",
                            value =
                                """
                {"stateCode": "KEN", "role": "FOCAL_POINT", "noteVerbaleRef": "NV/KEN/2027/9",
                 "receivedOn": "2027-05-02", "effectiveAt": "2027-05-03T00:00:00Z", "replaces": "fp@ken.example",
                 "person": {"name": "Otieno Ouma", "email": "new.fp@ken.example", "language": "en"}}"""),
                        @ExampleObject(
                            name = "experts",
                            value =
                                """
                {"stateCode": "KEN", "role": "EXPERT", "noteVerbaleRef": "NV/KEN/2027/4", "receivedOn": "2027-01-25",
                 "people": [{"name": "Achieng Odhiambo", "email": "expert1@ken.example", "language": "en"},
                            {"name": "Jean Mwangi", "email": "expert2@ken.example", "language": "fr"}]}""")
                      })),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description =
                "Who holds the State's roles in the review from then on, "
                    + "and the focal point replaced, if any"),
        @ApiResponse(
            responseCode = "400",
            description =
                "No role; a focal-point designation naming other than one "
                    + "person; an invalid person; no noteVerbaleRef or receivedOn; effectiveAt before the latest change"),
        @ApiResponse(responseCode = "404", description = "An unknown review or State"),
        @ApiResponse(
            responseCode = "409",
            description =
                "The State takes no part in the review; it has a focal "
                    + "point and `replaces` does not name it; `replaces` names one where there is none")
      })
  ResponseEntity<DesignationResult> designate(
      @Parameter(description = "The review, e.g. AUT-P2-2027") @PathVariable String reviewId,
      @RequestBody DesignationBody body) {
    if (body == null || body.role() == null) {
      throw RegistryException.invalid("role is required (FOCAL_POINT, EXPERT or OBSERVER)");
    }
    List<PersonInput> people =
        body.people() != null
            ? body.people()
            : body.person() != null ? List.of(body.person()) : List.of();
    PersonView previous = null;
    switch (body.role()) {
      case FOCAL_POINT -> {
        if (people.size() != 1) {
          throw RegistryException.invalid("a focal-point designation names exactly one person");
        }
        previous =
            designations
                .designateFocalPoint(
                    reviewId,
                    body.stateCode(),
                    people.get(0),
                    body.noteVerbaleRef(),
                    body.receivedOn(),
                    body.effectiveAt(),
                    currentUser.name(),
                    body.replaces(),
                    true)
                .orElse(null);
      }
      case EXPERT ->
          designations.designateExperts(
              reviewId,
              body.stateCode(),
              people,
              body.noteVerbaleRef(),
              body.receivedOn(),
              body.effectiveAt(),
              currentUser.name());
      case OBSERVER ->
          designations.designateObservers(
              reviewId,
              body.stateCode(),
              people,
              body.noteVerbaleRef(),
              body.receivedOn(),
              body.effectiveAt(),
              currentUser.name());
    }
    Instant at = body.effectiveAt() == null ? clock.instant() : body.effectiveAt();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new DesignationResult(
                body.role(),
                body.stateCode(),
                previous,
                registry
                    .designatedFocalPoint(reviewId, body.stateCode(), at)
                    .map(List::of)
                    .orElse(List.of()),
                registry.experts(reviewId, body.stateCode(), at),
                registry.observers(reviewId, body.stateCode(), at)));
  }

  /** Who holds which role at {@code at} (now by default). */
  @GetMapping("/api/registry/reviews/{reviewId}/states/{state}/roles")
  @Operation(
      summary = "Who holds a State's roles in a review",
      description =
          "The designated focal point (if any), experts and observers of the State in the review at "
              + "`at`, and who acts as focal point then: the designated one, or the permanent representative as interim.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description =
                "The roles at that moment: `at`, `focalPoint` (a list of "
                    + "at most one person), `experts`, `observers`, `actingFocalPoint`",
            content =
                @Content(
                    schema = @Schema(type = "object"),
                    examples =
                        @ExampleObject(
                            value =
                                """
                {"at": "2027-02-01T09:00:00Z", "focalPoint": [], "experts": [], "observers": [],
                 "actingFocalPoint": {"stateCode": "KEN", "interim": true,
                   "reason": "no focal point designated for KEN in review AUT-P2-2027 at 2027-02-01T09:00:00Z: the permanent representative acts as interim focal point (paragraph 18)",
                   "person": {"id": 12, "name": "Permanent Mission of Kenya", "email": "pm@ken.example",
                              "language": "EN"}}}"""))),
        @ApiResponse(
            responseCode = "400",
            description = "at is not an instant; the code is not three letters"),
        @ApiResponse(responseCode = "404", description = "An unknown review or State"),
        @ApiResponse(responseCode = "409", description = "The State takes no part in the review")
      })
  Map<String, Object> roles(
      @PathVariable @Parameter(description = "The review, e.g. AUT-P2-2027") String reviewId,
      @PathVariable @Parameter(description = "A State taking part in the review, e.g. KEN")
          String state,
      @Parameter(description = "A moment (ISO 8601 instant); now if not given")
          @RequestParam(required = false)
          Instant at) {
    Instant t = at == null ? clock.instant() : at;
    registry.requireInReview(reviewId, state);
    Optional<PersonView> fp = registry.designatedFocalPoint(reviewId, state, t);
    return Map.of(
        "at",
        t,
        "focalPoint",
        fp.map(List::of).orElse(List.of()),
        "experts",
        registry.experts(reviewId, state, t),
        "observers",
        registry.observers(reviewId, state, t),
        "actingFocalPoint",
        resolver.actingFocalPoint(reviewId, state, t));
  }

  @GetMapping("/api/registry/reviews/{reviewId}/states/{state}/acting-focal-point")
  @Operation(
      summary = "Who acts as a State's focal point in a review",
      description =
          "The designated focal point at `at`, or, while there is none, the State's permanent "
              + "representative as interim focal point, with the reason. The notices to the focal point go to this person.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The acting focal point"),
        @ApiResponse(
            responseCode = "400",
            description = "at is not an instant; the code is not three letters"),
        @ApiResponse(responseCode = "404", description = "An unknown review or State"),
        @ApiResponse(responseCode = "409", description = "The State takes no part in the review")
      })
  ActingFocalPoint acting(
      @PathVariable @Parameter(description = "The review, e.g. AUT-P2-2027") String reviewId,
      @PathVariable @Parameter(description = "A State taking part in the review, e.g. KEN")
          String state,
      @Parameter(description = "A moment (ISO 8601 instant); now if not given")
          @RequestParam(required = false)
          Instant at) {
    registry.requireInReview(reviewId, state);
    return resolver.actingFocalPoint(reviewId, state, at == null ? clock.instant() : at);
  }

  /** Every designation of the review, ended ones included (who held the role when). */
  @GetMapping("/api/registry/reviews/{reviewId}/designations")
  @Operation(
      summary = "List a review's designations",
      description =
          "Every designation of the review, ended ones included: who held which role for which State, "
              + "from when to when, by which note verbale, and who replaced whom.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The designations"),
        @ApiResponse(responseCode = "400", description = "The State code is not three letters"),
        @ApiResponse(responseCode = "404", description = "An unknown review or State")
      })
  List<DesignationView> history(
      @PathVariable @Parameter(description = "The review, e.g. AUT-P2-2027") String reviewId,
      @Parameter(description = "Only this State's") @RequestParam(required = false) String state) {
    return registry.designationHistory(reviewId, state);
  }

  @PostMapping("/api/registry/designations/{id}/end")
  @Operation(
      summary = "End a designation",
      description =
          "Ends a designation from `effectiveAt` (now if not given), by note verbale: an expert or "
              + "observer withdrawn, or a focal point who leaves without a successor. Then the permanent "
              + "representative acts as interim focal point again, as after the review's FOCAL_POINT_ENDED event.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"noteVerbaleRef": "NV/KEN/2027/12", "reason": "retired", "effectiveAt": "2027-06-30T00:00:00Z"}"""))),
      responses = {
        @ApiResponse(responseCode = "200", description = "The designation, ended"),
        @ApiResponse(
            responseCode = "400",
            description =
                "An unknown designation; no noteVerbaleRef; a reason over "
                    + "500 characters; effectiveAt before the designation began"),
        @ApiResponse(responseCode = "409", description = "The designation has already ended")
      })
  DesignationView end(
      @PathVariable @Parameter(description = "The designation's id") long id,
      @RequestBody EndBody body) {
    return designations.endDesignation(
        id, body.noteVerbaleRef(), body.reason(), body.effectiveAt(), currentUser.name());
  }

  /**
   * CSV:
   * review_id,state,role,name,email,language,note_verbale_ref,received_on[,time_zone,effective_at,replaces].
   * All or nothing: a 422 problem lists every bad line.
   */
  @PostMapping(path = "/api/registry/designations/import", consumes = "text/csv")
  @Operation(
      summary = "Import designations from CSV",
      description =
          """
          One designation a line: `review_id,state,role,name,email,language,note_verbale_ref,received_on` and \
          optionally `time_zone`, `effective_at` and `replaces` (the email of the focal point replaced); UTF-8, \
          a byte-order mark allowed. Each line is applied as a designation through the API would be. All or \
          nothing: with any bad line nothing is written, and the problem lists every bad line. Only as `text/csv`.""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "text/csv",
                      examples =
                          @ExampleObject(
                              value =
                                  "review_id,state,role,name,email,language,note_verbale_ref,received_on,"
                                      + "time_zone\nAUT-P2-2027,KEN,FOCAL_POINT,Wanjiru Kamau,fp@ken.example,en,NV/KEN/2027/3,2027-01-18,"
                                      + "Africa/Nairobi\nAUT-P2-2027,DEU,EXPERT,\"Schmidt, Anna\",expert@deu.example,fr,NV/DEU/2027/2,"
                                      + "2027-01-20,\n"))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "How many lines were applied",
            content =
                @Content(
                    schema = @Schema(type = "object"),
                    examples = @ExampleObject(value = "{\"applied\": 2}"))),
        @ApiResponse(
            responseCode = "422",
            description =
                "The file is refused; `errors` lists each bad line "
                    + "(`line`, `reason`): an unknown review, State or role, a State not in the review, a second focal "
                    + "point, an invalid person or date, a missing column",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    examples =
                        @ExampleObject(
                            value =
                                """
                {"type": "https://revflow.org/problems/registry/invalid-csv", "title": "Invalid csv", "status": 422,
                 "detail": "the CSV file was not imported (nothing was written): 1 bad line(s)",
                 "instance": "/api/registry/designations/import", "kind": "INVALID_CSV",
                 "errors": [{"line": 3, "reason": "State PER is not taking part in review AUT-P2-2027"}]}""")))
      })
  Map<String, Object> importCsv(@RequestBody byte[] csv) {
    return Map.of("applied", imports.importDesignations(Csv.utf8(csv), currentUser.name()));
  }
}
