package org.revflow.review;

/** Events of the lifecycle, as named in the simulation contract and the API. */
public enum EventType {
  /** Recorded by the launch itself; not accepted as an event through the API. */
  REVIEW_LAUNCHED,
  FOCAL_POINT_DESIGNATED,
  EXPERTS_DESIGNATED,
  PRELIMINARY_CONSULTATION_HELD,
  SAQ_CLEARED,
  TRANSLATION_DONE,
  FEEDBACK_CLEARED,
  CLARIFICATION_REQUESTED,
  CLARIFICATION_ANSWERED,
  DIALOGUE_CLOSED,
  OBSERVATIONS_CLEARED,
  OBSERVATIONS_AGREED,
  CHANGES_REQUESTED,
  SUMMARY_AGREED,
  FINALISED,
  REVIEW_ON_HOLD,
  REVIEW_RESUMED,
  DEADLINE_EXTENDED,
  REVIEWER_REPLACED,
  /**
   * The permanent representative acknowledges acting as interim focal point (paragraph 18). Kept in
   * the review's history; it does not move the process (only a designation ends the interim).
   */
  INTERIM_ROLE_ACKNOWLEDGED
}
