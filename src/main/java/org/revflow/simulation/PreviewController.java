package org.revflow.simulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Simulation")
class PreviewController {

  private final PreviewService previews;

  PreviewController(PreviewService previews) {
    this.previews = previews;
  }

  @GetMapping("/api/reviews/{id}/preview")
  @Operation(
      summary = "Preview a review's coming notices",
      description =
          """
          The reminders, overdue notices and escalations the review's open steps will send in the next `days` \
          days if nothing else happens (no event recorded, no deadline extended), each on its sending day and \
          addressed to the people who hold the roles today. Planned by the same rulebook and planner as the \
          engine's timers. Empty for a review on hold or completed.""",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The notices, by sending day",
            content =
                @Content(
                    array =
                        @ArraySchema(
                            schema = @Schema(implementation = PreviewService.PlannedNotice.class)),
                    examples =
                        @ExampleObject(
                            value =
                                """
                [{"on": "2027-06-21", "kind": "REMINDER", "step": "SAQ", "state": "AUT",
                  "to": ["fp@aut.example"], "cc": [], "language": "es", "due": "2027-07-05"}]"""))),
        @ApiResponse(responseCode = "400", description = "days outside 1 to 1098, or not a number"),
        @ApiResponse(responseCode = "404", description = "No review with this id")
      })
  List<PreviewService.PlannedNotice> preview(
      @PathVariable @Parameter(description = "The review, e.g. AUT-P2-2027") String id,
      @Parameter(description = "How many days ahead, 1 to 1098") @RequestParam(defaultValue = "30")
          int days) {
    return previews.preview(id, days);
  }
}
