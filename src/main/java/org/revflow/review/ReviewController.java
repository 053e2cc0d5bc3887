package org.revflow.review;

import org.revflow.vocabulary.Step;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.revflow.security.CurrentUser;
import org.revflow.config.ApiException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
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

  /** Rows per page when none is asked for, and the most a page may hold. */
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 200;

  @GetMapping
  @Operation(summary = "List reviews, newest first, filterable by State, phase, open step and overdue; paged",
      description = "The body is the page's reviews (a JSON array, as before paging). `page` counts from 0;"
          + " `size` is 50 by default, at most 200. `X-Total-Count` gives the number of matching reviews and"
          + " `Link` the first, previous, next and last pages (RFC 8288).")
  ResponseEntity<List<ReviewView>> list(@RequestParam(required = false) String state,
      @RequestParam(required = false) Integer phase, @RequestParam(required = false) Step step,
      @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
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
    return "<" + self.cloneBuilder().replaceQueryParam("page", page).replaceQueryParam("size", size).build()
        .toUriString() + ">; rel=\"" + rel + "\"";
  }
}
