package org.revflow.review;

import java.time.LocalDate;
import java.util.List;
import org.revflow.registry.DesignationService.Origin;

/** What the lifecycle needs from the registry: which States exist, and recording designations. */
public interface StateDirectory {

  boolean isKnownState(String alpha3);

  /** Whether a focal point of the State is designated in the review now. */
  boolean hasFocalPoint(String reviewId, String state);

  /**
   * Designates (or replaces) the State's focal point; the registry tells the review what changed.
   */
  void designateFocalPoint(
      String reviewId,
      String state,
      ReviewCommands.Person person,
      String noteVerbaleRef,
      LocalDate receivedOn,
      String actor,
      Origin origin);

  /** Ends the State's focal-point designation without a successor; refused when there is none. */
  void endFocalPoint(
      String reviewId,
      String state,
      String noteVerbaleRef,
      String reason,
      String actor,
      Origin origin);

  /**
   * The State's focal point and experts in office in the previous phase's review, designated in the
   * new one as they are (at the launch: no notice).
   */
  void carryOver(
      String previousReviewId, String reviewId, String state, LocalDate on, String actor);

  void designateExperts(
      String reviewId,
      String state,
      List<ReviewCommands.Person> experts,
      String noteVerbaleRef,
      LocalDate receivedOn,
      String actor);
}
