package org.revflow.review;

import org.revflow.vocabulary.Step;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.revflow.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The secretariat's API for reviews. */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "Reviews", description = "Launch country reviews, record their events, follow their deadlines")
class ReviewController {

  private final ReviewService service;
  private final ReviewLaunchService launches;
  private final ReviewQueries queries;
  private final CurrentUser currentUser;

  ReviewController(ReviewService service, ReviewLaunchService launches, ReviewQueries queries, CurrentUser currentUser) {
    this.service = service;
    this.launches = launches;
    this.queries = queries;
    this.currentUser = currentUser;
  }

  @PostMapping
  @Operation(summary = "Launch a review (T0 = launchDate, default today in Vienna)")
  ResponseEntity<ReviewView> launch(@Valid @RequestBody ReviewCommands.Launch cmd) {
    Review review = launches.launch(cmd, currentUser.name());
    return ResponseEntity.created(URI.create("/api/reviews/" + review.getId())).body(queries.get(review.getId()));
  }

  @PostMapping("/{id}/events")
  @Operation(summary = "Record an event of the review (409 when the review cannot accept it now)")
  ResponseEntity<ReviewView> record(@PathVariable String id, @Valid @RequestBody ReviewCommands.RecordEvent cmd) {
    ReviewEvent event = service.record(id, cmd, currentUser.name());
    return ResponseEntity.created(URI.create("/api/reviews/" + id + "/events/" + event.getId())).body(queries.get(id));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A review: open steps with due dates and days overdue, acting focal points, history")
  ReviewView get(@PathVariable String id) {
    return queries.get(id);
  }

  @GetMapping
  @Operation(summary = "List reviews, filterable by State, phase, open step and overdue")
  List<ReviewView> list(@RequestParam(required = false) String state, @RequestParam(required = false) Integer phase,
      @RequestParam(required = false) Step step, @RequestParam(required = false) Boolean overdue) {
    return queries.list(state, phase, step, overdue);
  }
}
