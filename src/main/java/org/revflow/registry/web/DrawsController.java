package org.revflow.registry.web;

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
class DrawsController {

  record RedrawBody(String reviewedState, String droppedReviewer, String reason, Long seed) {}

  private final DrawService draws;

  private final CurrentUser currentUser;

  DrawsController(DrawService draws, CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.draws = draws;
  }

  @PostMapping
  ResponseEntity<DrawView> draw(@RequestBody DrawService.DrawRequest body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(draws.draw(body, currentUser.name()));
  }

  @GetMapping
  List<DrawView> list(@RequestParam(defaultValue = "20") int limit) {
    return draws.list(limit);
  }

  @GetMapping("/{id}")
  DrawView get(@PathVariable long id) {
    return draws.get(id);
  }

  /** Re-solves the stored input with the stored seed and compares with the stored result. */
  @GetMapping("/{id}/verification")
  Map<String, Object> verify(@PathVariable long id) {
    return Map.of("drawId", id, "reproduced", draws.verify(id));
  }

  @PostMapping("/{id}/redraws")
  ResponseEntity<DrawView> redraw(@PathVariable long id, @RequestBody RedrawBody body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(draws.redraw(id, body.reviewedState(), body.droppedReviewer(), body.reason(), body.seed(), currentUser.name()));
  }
}
