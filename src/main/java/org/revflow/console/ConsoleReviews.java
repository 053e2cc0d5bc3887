package org.revflow.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.revflow.config.MechanismTime;
import org.revflow.review.Review;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewEvent;
import org.revflow.review.ReviewLaunchService;
import org.revflow.review.ReviewLookups;
import org.revflow.review.ReviewPlanService;
import org.revflow.review.ReviewQueries;
import org.revflow.review.ReviewService;
import org.revflow.review.ReviewView;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.RulebookRegistry;
import org.springframework.stereotype.Component;

/**
 * The pages' one door into the review feature: every lookup and command the pages make on reviews
 * goes through here, so that a change in the review package's services is met in one place.
 * Commands take the same paths as the API (same validation, same transaction, same refusals).
 */
@Component
class ConsoleReviews {

  private final ReviewQueries queries;
  private final ReviewService reviews;
  private final ReviewLaunchService launches;
  private final ReviewPlanService plans;
  private final RulebookRegistry rulebooks;
  private final ReviewLookups lookups;
  private final MechanismTime time;

  ConsoleReviews(
      ReviewQueries queries,
      ReviewService reviews,
      ReviewLaunchService launches,
      ReviewPlanService plans,
      RulebookRegistry rulebooks,
      ReviewLookups lookups,
      MechanismTime time) {
    this.lookups = lookups;
    this.time = time;
    this.queries = queries;
    this.reviews = reviews;
    this.launches = launches;
    this.plans = plans;
    this.rulebooks = rulebooks;
  }

  // ---------------------------------------------------------------- lookups

  /** A review with its steps, acting focal points, participants and history (404 when unknown). */
  ReviewView review(String id) {
    return queries.get(id);
  }

  /** Whether a review exists. */
  boolean exists(String id) {
    return lookups.find(id).isPresent();
  }

  /**
   * The reviews not launched yet, by date, with their participants (the pages show no acting focal
   * point of a plan).
   */
  List<ReviewView> planned() {
    return queries.plannedWithoutFocalPoints();
  }

  List<String> participatingStates(String id) {
    return lookups.participatingStates(id);
  }

  List<String> reviewingStates(String id) {
    return lookups.reviewingStates(id);
  }

  /** The recorded event of a review, if it is that review's. */
  java.util.Optional<ReviewEvent> event(String reviewId, long eventId) {
    return lookups.findEvent(eventId).filter(e -> e.getReviewId().equals(reviewId));
  }

  LocalDate today() {
    return time.today();
  }

  /** Rulebook ids a review can be launched with, newest last. */
  List<String> rulebooks() {
    return rulebooks.all().stream().map(Rulebook::id).toList();
  }

  String defaultRulebook() {
    return rulebooks.defaultRulebook().id();
  }

  // ---------------------------------------------------------------- commands

  /** Records an event exactly as {@code POST /api/reviews/{id}/events} does. */
  ReviewEvent record(String id, ReviewCommands.RecordEvent event, String actor) {
    return reviews.record(id, event, actor);
  }

  /** Launches a review exactly as {@code POST /api/reviews} does. */
  Review launch(ReviewCommands.Launch launch, String actor) {
    return launches.launch(launch, actor);
  }

  Review move(String id, LocalDate date, String reason, String actor) {
    return plans.move(id, date, reason, actor);
  }

  Review cancel(String id, String reason, String actor) {
    return plans.cancel(id, reason, actor);
  }

  Review launchEarly(String id, String reason, String actor) {
    return plans.launchEarly(id, reason, actor);
  }

  Review recordDraw(
      String id,
      Map<ReviewCommands.Instrument, List<String>> reviewers,
      String reference,
      String actor) {
    return plans.recordDraw(id, reviewers, reference, actor);
  }
}
