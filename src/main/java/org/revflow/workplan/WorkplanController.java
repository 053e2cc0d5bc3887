package org.revflow.workplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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
 * changes to them (move, cancel, launch early, record the draw), each with its reason and who made it.
 */
@RestController
@RequestMapping("/api/workplan")
@Tag(name = "Workplan", description = "Planned reviews: load the multi-year workplan, move, cancel, launch early, record a draw")
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
      @NotNull @Pattern(regexp = ReviewCommands.STATE_CODE, message = "must be an ISO 3166-1 alpha-3 code") String state,
      @Min(1) @Max(3) Integer group,
      @NotNull @Min(1) @Max(4) Integer phase,
      @NotNull LocalDate plannedOn,
      Map<@NotNull Instrument, @NotEmpty List<@NotNull @Pattern(regexp = ReviewCommands.STATE_CODE,
          message = "must be an ISO 3166-1 alpha-3 code") String>> reviewers) {}

  record Workplan(@NotEmpty @Size(max = 1000) List<@NotNull @Valid PlanBody> plans) {}

  record Change(LocalDate plannedOn, @Size(max = 1000) String reason) {}

  record Draw(@NotEmpty Map<@NotNull Instrument, @NotEmpty List<@NotNull @Pattern(regexp = ReviewCommands.STATE_CODE,
      message = "must be an ISO 3166-1 alpha-3 code") String>> reviewers, @Size(max = 200) String reference) {}

  @GetMapping
  @Operation(summary = "The reviews not launched yet (planned, or waiting for their draw), by date")
  List<ReviewView> list(@RequestParam(required = false) String state, @RequestParam(required = false) Integer phase) {
    return queries.planned(state, phase);
  }

  @PostMapping(consumes = "application/json")
  @Operation(summary = "Load planned reviews (JSON); a workplan with any problem is refused whole, every problem listed",
      responses = @ApiResponse(responseCode = "422", description = "the plan's problems, each with its index"))
  ResponseEntity<List<ReviewView>> load(@Valid @RequestBody Workplan body) {
    List<Plan> list = body.plans().stream().map(p -> new Plan(p.state(), p.phase(), p.plannedOn(), p.group(),
        p.reviewers())).toList();
    return created(plans.plan(list, currentUser.name()));
  }

  @PostMapping(consumes = "text/csv")
  @Operation(summary = "Load planned reviews (CSV: state,phase,planned_on[,group][,reviewers]); refused whole on any bad line",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
          examples = @ExampleObject("state,group,phase,planned_on,reviewers\nAUT,1,2,2028-06-01,UNTOC:DEU KEN\n"))))
  ResponseEntity<List<ReviewView>> loadCsv(@RequestBody byte[] body) {
    List<Csv.Row> rows;
    try {
      rows = Csv.parse(Csv.utf8(body), Set.of("state", "phase", "planned_on"), Set.of("group", "reviewers"));
    } catch (RegistryException e) {
      throw new PlanRefused(e.lineErrors().stream().map(l -> "line " + l.line() + ": " + l.reason()).toList());
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
      throw new IllegalArgumentException("planned_on '" + row.get("planned_on") + "' is not a date such as 2028-06-01");
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
        throw new IllegalArgumentException("reviewers '" + raw + "' must read INSTRUMENT:STATE STATE;INSTRUMENT:...");
      }
      Instrument instrument;
      try {
        instrument = Instrument.valueOf(kv[0].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown instrument '" + kv[0].strip() + "' (UNTOC, TIP, SOM, FIREARMS)");
      }
      result.put(instrument, List.of(kv[1].strip().toUpperCase(Locale.ROOT).split("\\s+")));
    }
    return result;
  }

  @PostMapping("/{id}/move")
  @Operation(summary = "Move a planned review to another date, with the reason; it keeps its id")
  ReviewView move(@PathVariable String id, @Valid @RequestBody Change body) {
    plans.move(id, body.plannedOn(), body.reason(), currentUser.name());
    return queries.get(id);
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel a planned review, with the reason")
  ReviewView cancel(@PathVariable String id, @Valid @RequestBody Change body) {
    refuseDate(body);
    plans.cancel(id, body.reason(), currentUser.name());
    return queries.get(id);
  }

  @PostMapping("/{id}/launch")
  @Operation(summary = "Launch a planned review today, before its date, with the reason (its reviewing States must be drawn)")
  ReviewView launch(@PathVariable String id, @Valid @RequestBody Change body) {
    refuseDate(body);
    plans.launchEarly(id, body.reason(), currentUser.name());
    return queries.get(id);
  }

  @PostMapping("/{id}/draw")
  @Operation(summary = "Record the reviewing States drawn for a planned review; one waiting for them launches now")
  ReviewView draw(@PathVariable String id, @Valid @RequestBody Draw body) {
    plans.recordDraw(id, body.reviewers(), body.reference(), currentUser.name());
    return queries.get(id);
  }

  private static void refuseDate(Change body) {
    if (body.plannedOn() != null) {
      throw ApiException.invalid("plannedOn belongs to a move, not here");
    }
  }

  private ResponseEntity<List<ReviewView>> created(List<Review> planned) {
    return ResponseEntity.created(URI.create("/api/workplan")).body(planned.stream().map(r -> queries.get(r.getId())).toList());
  }

  /** A refused workplan: 422 with every problem, nothing written. */
  @ExceptionHandler(PlanRefused.class)
  ProblemDetail refused(PlanRefused e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        e.problems().size() + " problem(s): nothing was planned");
    p.setType(URI.create("https://revflow.org/problems/workplan-refused"));
    p.setTitle("Workplan refused");
    p.setProperty("problems", e.problems());
    return p;
  }
}
