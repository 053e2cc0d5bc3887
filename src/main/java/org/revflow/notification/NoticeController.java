package org.revflow.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.revflow.config.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notice log, for the secretariat: per review and per person. */
@RestController
@Tag(name = "Notices", description = "Every notice sent or attempted: who, what, when, in which language, status")
class NoticeController {

  private final NoticeRepository notices;

  NoticeController(NoticeRepository notices) {
    this.notices = notices;
  }

  /**
   * One row of the log. {@code roleOf} is the State whose role {@code role} the addressee held;
   * status SUPERSEDED means the notice went to that role's holder of the day instead (the reason says
   * why: a replaced focal point, a corrected address).
   */
  record NoticeView(long id, String reviewId, String kind, String step, String state, String to, String role,
      String roleOf, List<String> cc, String language, LocalDate due, String subject, String status, int attempts,
      String failureReason, String smtpMessageId, Instant createdAt, Instant sentAt, LocalDate sentOn) {

    static NoticeView of(Notice n) {
      return new NoticeView(n.getId(), n.getReviewId(), n.getKind().name(), n.getStep(), n.getStateCode(),
          n.getAddresseeEmail(), n.getAddresseeRole(), n.getAddresseeState(), n.getCc() == null ? List.of() : List.of(n.getCc().split(",")),
          n.getLanguage(), n.getDueOn(), n.getSubject(), n.getStatus().name(), n.getAttempts(), n.getFailureReason(),
          n.getSmtpMessageId(), n.getCreatedAt(), n.getSentAt(), n.getSentOn());
    }
  }

  @GetMapping("/api/reviews/{reviewId}/notices")
  @Operation(summary = "Notices of a review, in the order they were recorded")
  List<NoticeView> ofReview(@PathVariable String reviewId) {
    return notices.findByReviewIdOrderById(reviewId).stream().map(NoticeView::of).toList();
  }

  @GetMapping("/api/notices")
  @Operation(summary = "Notices sent to one person (by email address), or all notices with a status"
      + " (PENDING, SENDING, SENT, FAILED, or SUPERSEDED: its addressee no longer held the role before it was sent)")
  List<NoticeView> search(@RequestParam(required = false) String email,
      @RequestParam(required = false) Notice.Status status) {
    if (email != null) {
      return notices.findByAddresseeEmailIgnoreCaseOrderById(email).stream()
          .filter(n -> status == null || n.getStatus() == status).map(NoticeView::of).toList();
    }
    if (status != null) {
      return notices.findByStatusOrderById(status).stream().map(NoticeView::of).toList();
    }
    throw ApiException.invalid("give 'email' or 'status'");
  }
}
