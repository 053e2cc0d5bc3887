package org.revflow.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.revflow.registry.draw.DrawService;
import org.revflow.registry.draw.DrawView;
import org.revflow.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Draws of reviewing States and redraws when a reviewer drops out. */
@RestController
@RequestMapping("/api/registry/draws")
@Tag(name = "Registry")
class DrawsController {

  record RedrawBody(String reviewedState, String droppedReviewer, String reason, Long seed) {}

  private final DrawService draws;

  private final CurrentUser currentUser;

  DrawsController(DrawService draws, CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.draws = draws;
  }

  @PostMapping
  @Operation(
      summary = "Draw reviewing States by lot",
      description =
          """
          Draws the reviewing States of each State under review by the Mechanism's rules: for each instrument \
          one reviewer from the State's regional group and one from another, each party to the instrument (or \
          an additional one is drawn), at most four reviewing States unless the State agreed to more \
          (`maxReviewers`, 4 to 8), no mutual reviews, every State reviewing within one of the mean. `pool` \
          limits the States drawn from (every registered State party if not given). The draw is stored with \
          its exact input, its digest and its `seed` (drawn if not given), so that anyone can reproduce it. \
          Nothing is recorded in the reviews: record the result with the workplan's draw or at the launch.""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples = {
                        @ExampleObject(
                            name = "phase",
                            summary = "The States under review in a phase",
                            value =
                                """
                {"phase": 2, "reviewedStates": ["FRA", "DEU", "ITA", "NGA", "KEN", "BRA", "JPN", "IND"], "seed": 42}"""),
                        @ExampleObject(
                            name = "more reviewers agreed",
                            value =
                                """
                {"reviewedStates": ["AGO"], "pool": ["AGO", "ZAF", "BEN", "CMR", "DEU", "ISR", "DNK"],
                 "maxReviewers": {"AGO": 5}}""")
                      })),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description =
                "The draw as stored: reviewers by State under review, "
                    + "with their slot, and each State's number of reviews"),
        @ApiResponse(
            responseCode = "400",
            description =
                "No State under review; a phase outside 1 to 4; "
                    + "maxReviewers outside 4 to 8 or for a State not under review"),
        @ApiResponse(responseCode = "404", description = "An unknown State"),
        @ApiResponse(
            responseCode = "422",
            description =
                "No draw meets the rules: the problem names the rule, "
                    + "the States and, where it is about instruments, which",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    examples =
                        @ExampleObject(
                            value =
                                """
                {"type": "https://revflow.org/problems/registry/draw-infeasible", "title": "Draw infeasible",
                 "status": 422, "kind": "DRAW_INFEASIBLE", "rule": "MAX_REVIEWERS",
                 "ruleText": "at most four reviewing States per review unless the reviewed State agreed to more",
                 "states": ["AGO"], "instruments": ["SMUGGLING_OF_MIGRANTS"], "reviewersNeeded": 5,
                 "detail": "rule 'MAX_REVIEWERS' (at most four reviewing States per review unless the reviewed State agreed to more) cannot be met for AGO: AGO may have at most 4 reviewing States, and for SMUGGLING_OF_MIGRANTS no eligible State party to it remains within that limit (...). A draw needs 5 reviewing States for AGO: it would be possible if AGO agreed to 5 or more reviewers (maxReviewers)",
                 "instance": "/api/registry/draws"}""")))
      })
  ResponseEntity<DrawView> draw(@RequestBody DrawService.DrawRequest body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(draws.draw(body, currentUser.name()));
  }

  @GetMapping
  @Operation(
      summary = "List the draws",
      responses = {
        @ApiResponse(responseCode = "200", description = "The latest draws, newest first"),
        @ApiResponse(responseCode = "400", description = "limit is not a number")
      })
  List<DrawView> list(
      @Parameter(description = "At most this many, 1 to 200") @RequestParam(defaultValue = "20")
          int limit) {
    return draws.list(limit);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a draw",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The draw, with its seed, input digest and result"),
        @ApiResponse(responseCode = "400", description = "The id is not a number"),
        @ApiResponse(responseCode = "404", description = "No draw with this id")
      })
  DrawView get(@PathVariable @Parameter(description = "The draw's id") long id) {
    return draws.get(id);
  }

  /** Re-solves the stored input with the stored seed and compares with the stored result. */
  @GetMapping("/{id}/verification")
  @Operation(
      summary = "Verify a draw",
      description =
          "Solves the stored input again with the stored seed and compares the result with the "
              + "stored one: `reproduced` is true when they are the same.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Whether the draw was reproduced",
            content =
                @Content(
                    schema = @Schema(type = "object"),
                    examples = @ExampleObject(value = "{\"drawId\": 7, \"reproduced\": true}"))),
        @ApiResponse(responseCode = "400", description = "The id is not a number"),
        @ApiResponse(responseCode = "404", description = "No draw with this id")
      })
  Map<String, Object> verify(@PathVariable @Parameter(description = "The draw's id") long id) {
    return Map.of("drawId", id, "reproduced", draws.verify(id));
  }

  @PostMapping("/{id}/redraws")
  @Operation(
      summary = "Redraw after a reviewer drops out",
      description =
          "Draws again the side (same regional group or other) of one review that a reviewing State "
              + "leaves, from the draw's stored input, and keeps every other reviewer of the draw. The dropped State "
              + "is not drawn again for that review. The new draw points at the old one, which stays as it was.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"reviewedState": "FRA", "droppedReviewer": "KEN", "reason": "KEN withdrew by note verbale NV/9",
               "seed": 7}"""))),
      responses = {
        @ApiResponse(responseCode = "201", description = "The new draw"),
        @ApiResponse(
            responseCode = "400",
            description =
                "No reason; the State is not reviewed in the draw, or the "
                    + "dropped State does not review it"),
        @ApiResponse(responseCode = "404", description = "No draw with this id"),
        @ApiResponse(
            responseCode = "422",
            description =
                "No redraw meets the rules: the problem names the rule " + "and the States")
      })
  ResponseEntity<DrawView> redraw(
      @PathVariable @Parameter(description = "The draw's id") long id,
      @RequestBody RedrawBody body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            draws.redraw(
                id,
                body.reviewedState(),
                body.droppedReviewer(),
                body.reason(),
                body.seed(),
                currentUser.name()));
  }
}
