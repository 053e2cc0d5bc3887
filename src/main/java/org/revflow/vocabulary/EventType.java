package org.revflow.vocabulary;

/** Events of the lifecycle, as named in the simulation contract and the API. */
public enum EventType {
  /** Recorded by the launch itself; not accepted as an event through the API. */
  REVIEW_LAUNCHED,
  FOCAL_POINT_DESIGNATED,
  /**
   * A State's focal point leaves the review with no successor: the permanent representative acts
   * again as interim focal point (paragraph 18) until a designation.
   */
  FOCAL_POINT_ENDED,
  EXPERTS_DESIGNATED,
  PRELIMINARY_CONSULTATION_HELD,
  SAQ_CLEARED,
  TRANSLATION_DONE,
  FEEDBACK_CLEARED,
  /**
   * A reviewing State ({@code state}, optional) asks the reviewed State: opens a round of the
   * dialogue.
   */
  CLARIFICATION_REQUESTED,
  /** The reviewed State answers the oldest open round, or the round {@code state} asked. */
  CLARIFICATION_ANSWERED,
  DIALOGUE_CLOSED,
  OBSERVATIONS_CLEARED,
  OBSERVATIONS_AGREED,
  CHANGES_REQUESTED,
  /** A reviewing State ({@code state}) has cleared its part of the summary. */
  SUMMARY_CLEARED,
  /** The reviewed State agrees the summary. */
  SUMMARY_AGREED,
  FINALISED,
  REVIEW_ON_HOLD,
  REVIEW_RESUMED,
  DEADLINE_EXTENDED,
  REVIEWER_REPLACED,
  /** A review entered the workplan (or was planned as a State's next phase). History only. */
  REVIEW_PLANNED,
  /** A planned review moved to another date, with the reason. History only. */
  PLAN_MOVED,
  /** A planned review given up, with the reason. History only. */
  PLAN_CANCELLED,
  /** The reviewing States drawn for a planned review. History only. */
  REVIEWERS_DRAWN,
  /**
   * The permanent representative acknowledges acting as interim focal point (paragraph 18). Kept in
   * the review's history; it does not move the process (only a designation ends the interim).
   */
  INTERIM_ROLE_ACKNOWLEDGED
}
