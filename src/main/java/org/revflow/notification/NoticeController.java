package org.revflow.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@Tag(name = "Notices")
class NoticeController {

  private final NoticeRepository notices;

  NoticeController(NoticeRepository notices) {
    this.notices = notices;
  }

  /**
   * One row of the log. {@code roleOf} is the State whose role {@code role} the addressee held;
   * status SUPERSEDED means the notice went to that role's holder of the day instead (the reason
   * says why: a replaced focal point, a corrected address).
   */
  record NoticeView(
      long id,
      String reviewId,
      String kind,
      String step,
      String state,
      String to,
      String role,
      String roleOf,
      List<String> cc,
      String language,
      LocalDate due,
      String subject,
      String status,
      int attempts,
      String failureReason,
      String smtpMessageId,
      Instant createdAt,
      Instant sentAt,
      LocalDate sentOn) {

    static NoticeView of(Notice n) {
      return new NoticeView(
          n.getId(),
          n.getReviewId(),
          n.getKind().name(),
          n.getStep(),
          n.getStateCode(),
          n.getAddresseeEmail(),
          n.getAddresseeRole(),
          n.getAddresseeState(),
          n.getCc() == null ? List.of() : List.of(n.getCc().split(",")),
          n.getLanguage(),
          n.getDueOn(),
          n.getSubject(),
          n.getStatus().name(),
          n.getAttempts(),
          n.getFailureReason(),
          n.getSmtpMessageId(),
          n.getCreatedAt(),
          n.getSentAt(),
          n.getSentOn());
    }
  }

  @GetMapping("/api/reviews/{reviewId}/notices")
  @Operation(
      summary = "List a review's notices",
      description =
          "Every notice of the review sent or attempted, in the order they were recorded: kind, step, "
              + "addressee and the role and State they held, copies, language, due date, subject, status, attempts, "
              + "and why it failed if it did. A review without notices, or an unknown id, gives an empty list.",
      responses = @ApiResponse(responseCode = "200", description = "The review's notices"))
  List<NoticeView> ofReview(
      @PathVariable @Parameter(description = "The review, e.g. AUT-P2-2027") String reviewId) {
    return notices.findByReviewIdOrderById(reviewId).stream().map(NoticeView::of).toList();
  }

  @GetMapping("/api/notices")
  @Operation(
      summary = "Find notices by address or status",
      description =
          "The notices sent to one address, or every notice with a status: PENDING, SENDING, SENT, "
              + "FAILED (the last attempt failed, see failureReason; it is tried again with a growing back-off for "
              + "about nine days), or SUPERSEDED (before a retry its addressee left the role or their address was "
              + "corrected, and the role's holder of the day got it instead). Give both to find one address's "
              + "notices with that status.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The notices, oldest first"),
        @ApiResponse(
            responseCode = "400",
            description = "Neither email nor status given, or an unknown status")
      })
  List<NoticeView> search(
      @Parameter(description = "An addressee's email address (any case)")
          @RequestParam(required = false)
          String email,
      @Parameter(description = "A status") @RequestParam(required = false) Notice.Status status) {
    if (email != null) {
      return notices.findByAddresseeEmailIgnoreCaseOrderById(email).stream()
          .filter(n -> status == null || n.getStatus() == status)
          .map(NoticeView::of)
          .toList();
    }
    if (status != null) {
      return notices.findByStatusOrderById(status).stream().map(NoticeView::of).toList();
    }
    throw ApiException.invalid("give 'email' or 'status'");
  }
}
