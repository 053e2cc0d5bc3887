package org.revflow.simulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reviews")
class PreviewController {

  private final PreviewService previews;

  PreviewController(PreviewService previews) {
    this.previews = previews;
  }

  @GetMapping("/api/reviews/{id}/preview")
  @Operation(summary = "The ladder notices of the open steps due in the next N days, if nothing else happens")
  List<PreviewService.PlannedNotice> preview(@PathVariable String id, @RequestParam(defaultValue = "30") int days) {
    return previews.preview(id, days);
  }
}
