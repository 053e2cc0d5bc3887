package org.revflow.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.revflow.process.NoticeKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews, their steps and events as they stand, for the features that read them (notices, action
 * links, the preview) and for the command services of this package. It changes nothing: whoever
 * only reads depends on this, never on {@link ReviewService} or the other command services. The
 * API's views of a review are {@link ReviewQueries}.
 */
@Service
@Transactional(readOnly = true)
public class ReviewLookups {

  private final ReviewRepository reviews;
  private final ReviewParticipantRepository participants;
  private final ReviewStepRepository steps;
  private final ReviewEventRepository events;

  ReviewLookups(
      ReviewRepository reviews,
      ReviewParticipantRepository participants,
      ReviewStepRepository steps,
      ReviewEventRepository events) {
    this.reviews = reviews;
    this.participants = participants;
    this.steps = steps;
    this.events = events;
  }

  public Optional<Review> find(String reviewId) {
    return reviews.findById(reviewId);
  }

  public Optional<ReviewEvent> findEvent(long eventId) {
    return events.findById(eventId);
  }

  public Optional<ReviewStep> findStep(long stepId) {
    return steps.findById(stepId);
  }

  /** Open steps with their current deadlines (the "resumed" notice lists them). */
  public List<ReviewStep> openSteps(String reviewId) {
    return steps.findByReviewIdAndStatus(reviewId, ReviewStep.Status.OPEN);
  }

  /**
   * Every State taking part now (the State under review first, then the reviewing States), once
   * each.
   */
  public List<String> participatingStates(String reviewId) {
    List<String> result = new ArrayList<>();
    for (ReviewParticipant p : participants.findByReviewIdOrderById(reviewId)) {
      if (p.isActive() && !result.contains(p.getStateCode())) {
        result.add(p.getStateCode());
      }
    }
    return result;
  }

  /** The reviewing States taking part now, once each. */
  public List<String> reviewingStates(String reviewId) {
    List<String> result = new ArrayList<>();
    for (ReviewParticipant p : participants.findByReviewIdOrderById(reviewId)) {
      if (p.isActive()
          && p.getRole() == ReviewParticipant.Role.REVIEWER
          && !result.contains(p.getStateCode())) {
        result.add(p.getStateCode());
      }
    }
    return result;
  }

  /**
   * Whether a notice of a ladder (key {@code KIND@date}) still goes out: not once its step is done
   * or while the review is on hold. Every other notice answers an event, and goes out as recorded.
   */
  public boolean ladderNoticeStillDue(Long stepId, String noticeKey) {
    if (stepId == null || NoticeKeys.rungOf(noticeKey).isEmpty()) {
      return true;
    }
    return steps
        .findById(stepId)
        .filter(ReviewStep::isOpen)
        .flatMap(s -> reviews.findById(s.getReviewId()))
        .map(r -> r.getStatus() == Review.Status.ACTIVE)
        .orElse(false);
  }
}
