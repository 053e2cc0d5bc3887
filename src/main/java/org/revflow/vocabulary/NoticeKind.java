package org.revflow.vocabulary;

/**
 * The fixed list of notice kinds (docs/notices.md). The same names are used by the notice jobs of
 * the models, the notice log, the templates and the simulation output. The words REMINDER, OVERDUE,
 * ESCALATION and INTERIM are kept for the rungs of a ladder and the interim focal-point notices.
 *
 * <p>The declaration order matters: two rungs of one ladder dated the same day are sent in this
 * order (the interim notice to the permanent representative before the information to the others).
 */
public enum NoticeKind {
  /**
   * Review launched: to each participating State's permanent representative and known focal point,
   * listing that State's own opening steps and deadlines. Also the welcome of a reviewing State
   * that joins the review later (a replacement), with its own steps.
   */
  REVIEW_LAUNCHED(false),
  /**
   * A step opened for a party: what to do, by when; to whoever acts (its experts too for drafting).
   */
  STEP_OPENED(true),
  /**
   * Focal point not yet designated, T0 + 7: to the permanent representative (already acting, para
   * 18).
   */
  FOCAL_POINT_REMINDER(true),
  /**
   * The designation is overdue, or a focal point left: the permanent representative acts as
   * interim.
   */
  INTERIM_FOCAL_POINT_IN_FORCE(true),
  /**
   * Information to the other States' focal points that a State's PR acts as interim focal point.
   */
  INTERIM_FOCAL_POINT_INFO(false),
  /** Every 30 days while no focal point is designated: to the permanent representative. */
  DESIGNATION_PENDING(true),
  /** A focal point was designated or replaced during the review: welcome to the new focal point. */
  FOCAL_POINT_DESIGNATED(false),
  /**
   * The network of focal points: the other States' focal points learn who the new focal point is.
   */
  FOCAL_POINT_CHANGED(false),
  /** A designation ended an interim whose notice had gone out: to the permanent representative. */
  INTERIM_FOCAL_POINT_ENDED(false),
  /** D - 30 and D - 7. */
  REMINDER(true),
  /** D + 1. */
  OVERDUE(true),
  /** D + 31, then every 30 days until the step is done. */
  ESCALATION(true),
  /** A step was done (submission cleared, feedback received, lists agreed, ...). */
  STEP_DONE(false),
  /** The reviewed State asked for changes to the lists: each reviewing State's new round opens. */
  CHANGES_REQUESTED(true),
  /**
   * A clarification request opens a round of the dialogue: to the reviewed State, with its
   * deadline.
   */
  CLARIFICATION_REQUESTED(true),
  /**
   * The reviewed State answered: to the reviewing State that asked (every one when none was named).
   */
  CLARIFICATION_ANSWERED(false),
  DEADLINE_EXTENDED(true),
  REVIEW_ON_HOLD(false),
  REVIEW_RESUMED(false),
  /** A reviewing State was replaced by a new draw: to the States that stay in the review. */
  REVIEWER_REPLACED(false),
  /** To the replaced reviewing State: it is released and hears nothing more of the review. */
  REVIEWER_RELEASED(false),
  REVIEW_COMPLETED(false),
  /**
   * A planned review has no reviewing States: to the secretariat 30 days before its date and on the
   * day (it then waits for the draw).
   */
  DRAW_NEEDED(false),
  /**
   * Every week (Mondays by default): where the reviews stand, new overdue steps, failures: to the
   * secretariat.
   */
  STATUS_DIGEST(false);

  private final boolean aboutADeadline;

  NoticeKind(boolean aboutADeadline) {
    this.aboutADeadline = aboutADeadline;
  }

  /** Deadline notices show the due date and carry an iCalendar part. */
  public boolean aboutADeadline() {
    return aboutADeadline;
  }
}
