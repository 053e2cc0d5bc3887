package org.revflow.review;

import org.revflow.registry.FocalPointChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears every focal-point change the registry makes, in its transaction, and has the review record
 * its effects: one path for the review's events, the designation endpoints, CSV imports and the end
 * of a designation.
 */
@Component
class FocalPointChangeListener {

  private final ReviewService reviews;

  FocalPointChangeListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @EventListener
  void on(FocalPointChanged change) {
    reviews.applyFocalPointChange(change);
  }
}
