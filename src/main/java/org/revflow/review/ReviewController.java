package org.revflow.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.revflow.config.ApiException;
import org.revflow.security.CurrentUser;
import org.revflow.vocabulary.Step;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The secretariat's API for reviews. */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "Reviews")
class ReviewController {

  private final ReviewService service;
  private final ReviewLaunchService launches;
  private final ReviewQueries queries;
  private final CurrentUser currentUser;

  ReviewController(
      ReviewService service,
      ReviewLaunchService launches,
      ReviewQueries queries,
      CurrentUser currentUser) {
    this.service = service;
    this.launches = launches;
    this.queries = queries;
    this.currentUser = currentUser;
  }

  @PostMapping
  @Operation(
      summary = "Launch a review",
      description =
          """
          Launches the review of a State in a phase on its launch date (T0; today in Vienna if not given). The \
          review's id is the State, the phase and the year of T0: `AUT-P2-2027`. `reviewers` names the reviewing \
          States for each instrument (UNTOC, TIP, SOM, FIREARMS). `rulebook` is a rulebook's name (its newest \
          version) or an id such as `default@2026.1`; the review keeps the version it was launched with. \
          `focalPoints` are focal points already designated by note verbale: they get the launch notice, and \
          their State has no focal-point step. A review of that State and phase in the workplan is launched \
          early instead, under its own id. The answer comes once the review is stored; its process starts \
          right after.""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples = {
                        @ExampleObject(
                            name = "today",
                            summary = "Launched today",
                            value =
                                """
                {"underReview": "AUT", "phase": 2, "reviewers": {"UNTOC": ["DEU", "KEN"]}}"""),
                        @ExampleObject(
                            name = "with focal points",
                            summary = "On a date, with a focal point already designated",
                            value =
                                """
                {"underReview": "AUT", "phase": 2, "launchDate": "2027-01-04", "rulebook": "default",
                 "reviewers": {"UNTOC": ["DEU", "KEN"], "TIP": ["FRA", "KEN"]},
                 "focalPoints": {"DEU": {"name": "Anna Schmidt", "email": "fp@deu.example", "language": "fr",
                                         "timeZone": "Europe/Berlin"}}}""")
                      })),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "The review as launched: its open steps and due dates",
            headers = @Header(name = "Location", description = "The review: /api/reviews/{id}")),
        @ApiResponse(
            responseCode = "400",
            description =
                "A field missing or malformed; a State reviewing itself or "
                    + "named twice; focalPoints naming a State that takes no part in the review"),
        @ApiResponse(responseCode = "404", description = "An unknown State or rulebook"),
        @ApiResponse(
            responseCode = "409",
            description = "The review already exists (same State, phase and year)")
      })
  ResponseEntity<ReviewView> launch(@Valid @RequestBody ReviewCommands.Launch cmd) {
    Review review = launches.launch(cmd, currentUser.name());
    return ResponseEntity.created(URI.create("/api/reviews/" + review.getId()))
        .body(queries.get(review.getId()));
  }

  @PostMapping("/{id}/events")
  @Operation(
      summary = "Record an event of a review",
      description =
          """
          Records what happened in a review: a designation, a cleared step, a clarification, an extension, a \
          hold... `type` says which event, and the event takes the fields its type needs, no others (the table \
          in docs/api.md). Every event may carry `reference` (a note verbale, at most 200 characters) and `on` \
          (the date it happened, to record it late; not in the future; today in Vienna if not given). The \
          review moves on: the step ends, the next ones open, their notices go out.""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      examples = {
                        @ExampleObject(
                            name = "questionnaire cleared",
                            value =
                                """
                {"type": "SAQ_CLEARED", "reference": "NV/2027/31"}"""),
                        @ExampleObject(
                            name = "feedback cleared",
                            summary = "A reviewing State's feedback",
                            value =
                                """
                {"type": "FEEDBACK_CLEARED", "state": "DEU", "on": "2027-09-14"}"""),
                        @ExampleObject(
                            name = "focal point designated",
                            value =
                                """
                {"type": "FOCAL_POINT_DESIGNATED", "state": "AUT", "reference": "NV/2027/12",
                 "person": {"name": "María López", "email": "fp@aut.example", "language": "es",
                            "timeZone": "Europe/Vienna"}}"""),
                        @ExampleObject(
                            name = "focal point ended",
                            summary = "No successor: the permanent representative acts",
                            value =
                                """
                {"type": "FOCAL_POINT_ENDED", "state": "KEN", "reason": "retired", "reference": "NV/2027/40"}"""),
                        @ExampleObject(
                            name = "experts designated",
                            value =
                                """
                {"type": "EXPERTS_DESIGNATED", "state": "KEN",
                 "experts": [{"name": "Wanjiru Kamau", "email": "expert@ken.example", "language": "en"}]}"""),
                        @ExampleObject(
                            name = "clarification requested",
                            value =
                                """
                {"type": "CLARIFICATION_REQUESTED", "state": "DEU"}"""),
                        @ExampleObject(
                            name = "deadline extended",
                            value =
                                """
                {"type": "DEADLINE_EXTENDED", "step": "FEEDBACK", "state": "KEN", "newDue": "2028-03-01",
                 "reason": "NV/2027/123"}"""),
                        @ExampleObject(
                            name = "changes requested",
                            summary = "The State under review asks for changes",
                            value =
                                """
                {"type": "CHANGES_REQUESTED", "reason": "Paragraph 12 misstates the legislation in force"}"""),
                        @ExampleObject(
                            name = "on hold",
                            value =
                                """
                {"type": "REVIEW_ON_HOLD", "reference": "NV/2027/77"}"""),
                        @ExampleObject(
                            name = "reviewer replaced",
                            value =
                                """
                {"type": "REVIEWER_REPLACED", "instrument": "UNTOC", "oldState": "KEN", "newState": "NGA",
                 "reason": "KEN withdrew, NV/2027/88"}""")
                      })),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "The event is recorded; the answer is the review after it",
            headers =
                @Header(
                    name = "Location",
                    description = "The event: /api/reviews/{id}/events/{eventId}")),
        @ApiResponse(
            responseCode = "400",
            description =
                "An unknown type; a field the type needs is missing, or "
                    + "one it does not take is there; a date in the future; an extension to a date not after today"),
        @ApiResponse(
            responseCode = "404",
            description = "No review with this id; an unknown State"),
        @ApiResponse(
            responseCode = "409",
            description =
                "The review cannot accept this event now, and the problem "
                    + "says why: a step already done or not open yet, a State that is not a reviewing State, a review "
                    + "that is completed",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    examples =
                        @ExampleObject(
                            value =
                                """
                {"type": "about:blank", "title": "Not possible now", "status": 409,
                 "detail": "FRA is not a reviewing State of review AUT-P2-2027",
                 "instance": "/api/reviews/AUT-P2-2027/events"}""")))
      })
  ResponseEntity<ReviewView> record(
      @PathVariable @Parameter(description = "The review, e.g. AUT-P2-2027") String id,
      @Valid @RequestBody ReviewCommands.RecordEvent cmd) {
    ReviewEvent event = service.record(id, cmd, currentUser.name());
    return ResponseEntity.created(URI.create("/api/reviews/" + id + "/events/" + event.getId()))
        .body(queries.get(id));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a review",
      description =
          "Its open and done steps with due dates, days overdue, rounds and deadline revisions; the "
              + "acting focal point of each State (designated, or the permanent representative as interim, with the "
              + "reason); its participants; and the history of its events with who recorded them.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The review"),
        @ApiResponse(responseCode = "404", description = "No review with this id")
      })
  ReviewView get(@PathVariable @Parameter(description = "The review, e.g. AUT-P2-2027") String id) {
    return queries.get(id);
  }

  /** Rows per page when none is asked for, and the most a page may hold. */
  static final int DEFAULT_PAGE_SIZE = 50;

  static final int MAX_PAGE_SIZE = 200;

  @GetMapping
  @Operation(
      summary = "List reviews",
      description =
          "Newest first, one page at a time. Each filter narrows the list; without filters, every review, "
              + "planned ones included. The body is the page's reviews (a JSON array). `X-Total-Count` gives the number "
              + "of matching reviews and `Link` the first, previous, next and last pages (RFC 8288).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The page's reviews",
            headers = {
              @io.swagger.v3.oas.annotations.headers.Header(
                  name = "X-Total-Count",
                  description = "How many reviews match the filters"),
              @io.swagger.v3.oas.annotations.headers.Header(
                  name = "Link",
                  description = "first, prev, next and last pages (RFC 8288)")
            }),
        @ApiResponse(
            responseCode = "400",
            description =
                "A phase that is not a number, an unknown step, "
                    + "overdue other than true or false, a negative page, a size outside 1 to 200")
      })
  ResponseEntity<List<ReviewView>> list(
      @Parameter(description = "A State under review or reviewing, e.g. AUT")
          @RequestParam(required = false)
          String state,
      @Parameter(description = "The phase, 1 to 4") @RequestParam(required = false) Integer phase,
      @Parameter(description = "Only reviews where this step is open")
          @RequestParam(required = false)
          Step step,
      @Parameter(
              description =
                  "true: only reviews with an open step past its deadline; false: only those without")
          @RequestParam(required = false)
          Boolean overdue,
      @Parameter(description = "The page, counting from 0") @RequestParam(required = false)
          Integer page,
      @Parameter(description = "Reviews per page: 50 by default, at most 200")
          @RequestParam(required = false)
          Integer size) {
    int p = page == null ? 0 : page;
    int n = size == null ? DEFAULT_PAGE_SIZE : size;
    if (p < 0) {
      throw ApiException.invalid("page counts from 0");
    }
    if (n < 1 || n > MAX_PAGE_SIZE) {
      throw ApiException.invalid("size must be between 1 and " + MAX_PAGE_SIZE);
    }
    Page<ReviewView> result = queries.list(state, phase, step, overdue, p, n);
    ServletUriComponentsBuilder self = ServletUriComponentsBuilder.fromCurrentRequest();
    List<String> links = new java.util.ArrayList<>();
    int last = Math.max(0, result.getTotalPages() - 1);
    links.add(link(self, 0, n, "first"));
    if (p > 0) {
      links.add(link(self, Math.min(p - 1, last), n, "prev"));
    }
    if (p < last) {
      links.add(link(self, p + 1, n, "next"));
    }
    links.add(link(self, last, n, "last"));
    return ResponseEntity.ok()
        .header("X-Total-Count", String.valueOf(result.getTotalElements()))
        .header(HttpHeaders.LINK, String.join(", ", links))
        .body(result.getContent());
  }

  private static String link(ServletUriComponentsBuilder self, int page, int size, String rel) {
    return "<"
        + self.cloneBuilder()
            .replaceQueryParam("page", page)
            .replaceQueryParam("size", size)
            .build()
            .toUriString()
        + ">; rel=\""
        + rel
        + "\"";
  }
}
