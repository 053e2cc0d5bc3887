package org.revflow.workplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.revflow.config.ApiException;
import org.revflow.registry.Csv;
import org.revflow.registry.RegistryException;
import org.revflow.review.Review;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewCommands.Instrument;
import org.revflow.review.ReviewPlanService;
import org.revflow.review.ReviewPlanService.Plan;
import org.revflow.review.ReviewPlanService.PlanRefused;
import org.revflow.review.ReviewQueries;
import org.revflow.review.ReviewView;
import org.revflow.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The multi-year workplan: the reviews planned for each State and phase, and the secretariat's
 * changes to them (move, cancel, launch early, record the draw), each with its reason and who made
 * it.
 */
@RestController
@RequestMapping("/api/workplan")
@Tag(name = "Workplan")
class WorkplanController {

  private final ReviewPlanService plans;
  private final ReviewQueries queries;
  private final CurrentUser currentUser;

  WorkplanController(ReviewPlanService plans, ReviewQueries queries, CurrentUser currentUser) {
    this.plans = plans;
    this.queries = queries;
    this.currentUser = currentUser;
  }

  /** One planned review as JSON gives it. */
  record PlanBody(
      @NotNull
          @Pattern(
              regexp = ReviewCommands.STATE_CODE,
              message = "must be an ISO 3166-1 alpha-3 code")
          String state,
      @Min(1) @Max(3) Integer group,
      @NotNull @Min(1) @Max(4) Integer phase,
      @NotNull LocalDate plannedOn,
      Map<
              @NotNull Instrument,
              @NotEmpty List<
                  @NotNull
                  @Pattern(
                      regexp = ReviewCommands.STATE_CODE,
                      message = "must be an ISO 3166-1 alpha-3 code")
                  String>>
          reviewers) {}

  record Workplan(@NotEmpty @Size(max = 1000) List<@NotNull @Valid PlanBody> plans) {}

  record Change(LocalDate plannedOn, @Size(max = 1000) String reason) {}

  record Draw(
      @NotEmpty
          Map<
                  @NotNull Instrument,
                  @NotEmpty List<
                      @NotNull
                      @Pattern(
                          regexp = ReviewCommands.STATE_CODE,
                          message = "must be an ISO 3166-1 alpha-3 code")
                      String>>
              reviewers,
      @Size(max = 200) String reference) {}

  @GetMapping
  @Operation(
      summary = "List the planned reviews",
      description =
          "The reviews not launched yet, planned or waiting for their reviewing States to be drawn, "
              + "soonest first.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The planned reviews"),
        @ApiResponse(responseCode = "400", description = "A phase that is not a number")
      })
  List<ReviewView> list(
      @Parameter(description = "The State under review, e.g. AUT") @RequestParam(required = false)
          String state,
      @Parameter(description = "The phase, 1 to 4") @RequestParam(required = false) Integer phase) {
    return queries.planned(state, phase);
  }

  @PostMapping(consumes = "application/json")
  @Operation(
      summary = "Load the workplan",
      description =
          """
          Plans reviews of the workplan, as JSON or as CSV (UTF-8, a header line, then one review a line: \
          `state,phase,planned_on` and optionally `group` (1 to 3) and `reviewers` as \
          `UNTOC:DEU KEN;TIP:FRA`). Each planned review gets its id (`AUT-P2-2028`) and launches on its date, \
          or, without reviewing States, waits for the draw; the secretariat is told 30 days before. A workplan \
          with any problem is refused whole, nothing planned, and the problem lists every one (by plan, or by \
          CSV line): an unknown State, a date in the past, a phase planned twice or out of order.""",
      // Both bodies: loadCsv() takes the CSV, and is documented here (springdoc makes one
      // operation).
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = {
                @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = Workplan.class),
                    examples =
                        @ExampleObject(
                            name = "JSON",
                            value =
                                """
                {"plans": [
                  {"state": "AUT", "phase": 2, "plannedOn": "2028-06-01", "group": 1,
                   "reviewers": {"UNTOC": ["DEU", "KEN"]}},
                  {"state": "FRA", "phase": 2, "plannedOn": "2028-09-01"}]}""")),
                @Content(
                    mediaType = "text/csv",
                    schema = @Schema(type = "string"),
                    examples =
                        @ExampleObject(
                            name = "CSV",
                            value =
                                "state,group,phase,planned_on,reviewers\nAUT,1,2,2028-06-01,UNTOC:DEU KEN\nFRA,,2,2028-09-01,\n"))
              }),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "The planned reviews, in the order given",
            headers = @Header(name = "Location", description = "/api/workplan")),
        @ApiResponse(
            responseCode = "400",
            description = "A field missing or malformed, more than 1,000 plans"),
        @ApiResponse(
            responseCode = "422",
            description =
                "The workplan is refused: nothing was planned, and "
                    + "`problems` lists every problem",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    examples =
                        @ExampleObject(
                            value =
                                """
                {"type": "https://revflow.org/problems/workplan-refused", "title": "Workplan refused", "status": 422,
                 "detail": "2 problem(s): nothing was planned", "instance": "/api/workplan",
                 "problems": ["plan 1 (AUT, phase 2): the planned date 2020-06-01 lies in the past (today is 2027-01-04)",
                              "plan 2 (XYZ, phase 1): unknown State 'XYZ'"]}""")))
      })
  ResponseEntity<List<ReviewView>> load(@Valid @RequestBody Workplan body) {
    List<Plan> list =
        body.plans().stream()
            .map(p -> new Plan(p.state(), p.phase(), p.plannedOn(), p.group(), p.reviewers()))
            .toList();
    return created(plans.plan(list, currentUser.name()));
  }

  @PostMapping(consumes = "text/csv")
  // Documented with load(): springdoc merges the two methods into one operation.
  @Operation(hidden = true)
  ResponseEntity<List<ReviewView>> loadCsv(@RequestBody byte[] body) {
    List<Csv.Row> rows;
    try {
      rows =
          Csv.parse(
              Csv.utf8(body), Set.of("state", "phase", "planned_on"), Set.of("group", "reviewers"));
    } catch (RegistryException e) {
      throw new PlanRefused(
          e.lineErrors().stream().map(l -> "line " + l.line() + ": " + l.reason()).toList());
    }
    List<String> problems = new ArrayList<>();
    List<Plan> list = new ArrayList<>();
    for (Csv.Row row : rows) {
      try {
        list.add(plan(row));
      } catch (IllegalArgumentException e) {
        problems.add("line " + row.line() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new PlanRefused(problems);
    }
    try {
      return created(plans.plan(list, currentUser.name()));
    } catch (PlanRefused e) {
      // Name the CSV line of each plan, as the secretariat reads its file.
      throw new PlanRefused(e.problems().stream().map(p -> onLine(p, rows)).toList());
    }
  }

  private static String onLine(String problem, List<Csv.Row> rows) {
    var m = java.util.regex.Pattern.compile("^plan (\\d+) ").matcher(problem);
    if (m.find()) {
      int index = Integer.parseInt(m.group(1)) - 1;
      if (index >= 0 && index < rows.size()) {
        return "line " + rows.get(index).line() + " " + problem.substring(m.end());
      }
    }
    return problem;
  }

  private static Plan plan(Csv.Row row) {
    String state = row.get("state") == null ? null : row.get("state").toUpperCase(Locale.ROOT);
    int phase;
    try {
      phase = Integer.parseInt(String.valueOf(row.get("phase")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("phase '" + row.get("phase") + "' is not a number 1 to 4");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(String.valueOf(row.get("planned_on")));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "planned_on '" + row.get("planned_on") + "' is not a date such as 2028-06-01");
    }
    Integer group = null;
    if (row.get("group") != null) {
      try {
        group = Integer.parseInt(row.get("group"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("group '" + row.get("group") + "' is not 1, 2 or 3");
      }
    }
    return new Plan(state, phase, date, group, reviewers(row.get("reviewers")));
  }

  /** {@code UNTOC:DEU KEN;TIP:FRA} */
  private static Map<Instrument, List<String>> reviewers(String raw) {
    if (raw == null) {
      return null;
    }
    Map<Instrument, List<String>> result = new LinkedHashMap<>();
    for (String part : raw.split(";")) {
      String[] kv = part.split(":", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "reviewers '" + raw + "' must read INSTRUMENT:STATE STATE;INSTRUMENT:...");
      }
      Instrument instrument;
      try {
        instrument = Instrument.valueOf(kv[0].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown instrument '" + kv[0].strip() + "' (UNTOC, TIP, SOM, FIREARMS)");
      }
      result.put(instrument, List.of(kv[1].strip().toUpperCase(Locale.ROOT).split("\\s+")));
    }
    return result;
  }

  @PostMapping("/{id}/move")
  @Operation(
      summary = "Move a planned review",
      description =
          "Moves a planned review to another date, with the reason (a note verbale or a decision). "
              + "It keeps its id, even in another year; its launch and its draw notice are planned again.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"plannedOn": "2028-10-02", "reason": "Requested by note verbale NV/2027/55"}"""))),
      responses = {
        @ApiResponse(responseCode = "200", description = "The planned review on its new date"),
        @ApiResponse(
            responseCode = "400",
            description = "No reason; no date, or a date in the past"),
        @ApiResponse(responseCode = "404", description = "No review with this id"),
        @ApiResponse(
            responseCode = "409",
            description =
                "The review is not planned (launched, cancelled), or the "
                    + "new date would put its phase before the State's previous phase or after its next")
      })
  ReviewView move(
      @PathVariable @Parameter(description = "The planned review, e.g. AUT-P2-2028") String id,
      @Valid @RequestBody Change body) {
    plans.move(id, body.plannedOn(), body.reason(), currentUser.name());
    return queries.get(id);
  }

  @PostMapping("/{id}/cancel")
  @Operation(
      summary = "Cancel a planned review",
      description =
          "Cancels a planned review, with the reason: it will not launch. It stays in the history, "
              + "with the reason and who cancelled it.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"reason": "Decision of the Conference, CTOC/COP/2026/15"}"""))),
      responses = {
        @ApiResponse(responseCode = "200", description = "The cancelled review"),
        @ApiResponse(
            responseCode = "400",
            description = "No reason; a plannedOn (that belongs to a move)"),
        @ApiResponse(responseCode = "404", description = "No review with this id"),
        @ApiResponse(
            responseCode = "409",
            description = "The review is not planned (launched, or already cancelled)")
      })
  ReviewView cancel(
      @PathVariable @Parameter(description = "The planned review, e.g. AUT-P2-2028") String id,
      @Valid @RequestBody Change body) {
    refuseDate(body);
    plans.cancel(id, body.reason(), currentUser.name());
    return queries.get(id);
  }

  @PostMapping("/{id}/launch")
  @Operation(
      summary = "Launch a planned review early",
      description =
          "Launches a planned review today, before its date, with the reason. Its reviewing States "
              + "must have been drawn.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"reason": "The State asked to start early, NV/2027/60"}"""))),
      responses = {
        @ApiResponse(responseCode = "200", description = "The review, launched (T0 is today)"),
        @ApiResponse(
            responseCode = "400",
            description = "No reason; a plannedOn (that belongs to a move)"),
        @ApiResponse(responseCode = "404", description = "No review with this id"),
        @ApiResponse(
            responseCode = "409",
            description =
                "The review is not planned, or has no reviewing States "
                    + "yet (record the draw first)")
      })
  ReviewView launch(
      @PathVariable @Parameter(description = "The planned review, e.g. AUT-P2-2028") String id,
      @Valid @RequestBody Change body) {
    refuseDate(body);
    plans.launchEarly(id, body.reason(), currentUser.name());
    return queries.get(id);
  }

  @PostMapping("/{id}/draw")
  @Operation(
      summary = "Record the draw for a planned review",
      description =
          "Records the reviewing States drawn for a planned review, by instrument, replacing any "
              + "recorded before. A review waiting for them launches now (T0 is today); one whose date is still to "
              + "come launches on it.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples =
                          @ExampleObject(
                              value =
                                  """
              {"reviewers": {"UNTOC": ["DEU", "KEN"], "TIP": ["FRA", "KEN"]},
               "reference": "Draw of 2027-11-20, CTOC/COP/WG.1/2027/2"}"""))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description =
                "The review with its reviewing States (launched if it " + "was waiting for them)"),
        @ApiResponse(
            responseCode = "400",
            description =
                "No reviewing State; a State reviewing itself or named "
                    + "twice for an instrument; a code that is not three capital letters"),
        @ApiResponse(
            responseCode = "404",
            description = "No review with this id; an unknown State"),
        @ApiResponse(
            responseCode = "409",
            description = "The review is not planned (launched, cancelled)")
      })
  ReviewView draw(
      @PathVariable @Parameter(description = "The planned review, e.g. AUT-P2-2028") String id,
      @Valid @RequestBody Draw body) {
    plans.recordDraw(id, body.reviewers(), body.reference(), currentUser.name());
    return queries.get(id);
  }

  private static void refuseDate(Change body) {
    if (body.plannedOn() != null) {
      throw ApiException.invalid("plannedOn belongs to a move, not here");
    }
  }

  private ResponseEntity<List<ReviewView>> created(List<Review> planned) {
    return ResponseEntity.created(URI.create("/api/workplan"))
        .body(planned.stream().map(r -> queries.get(r.getId())).toList());
  }

  /** A refused workplan: 422 with every problem, nothing written. */
  @ExceptionHandler(PlanRefused.class)
  ProblemDetail refused(PlanRefused e) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            e.problems().size() + " problem(s): nothing was planned");
    p.setType(URI.create("https://revflow.org/problems/workplan-refused"));
    p.setTitle("Workplan refused");
    p.setProperty("problems", e.problems());
    return p;
  }
}
