package org.revflow.notification;

/**
 * The fixed list of notice kinds (README, "Notice kinds"). The same names are used by the notice
 * jobs of the models, the notice log, the templates and the simulation output.
 */
public enum NoticeKind {
  /** Review launched: to each participating State's Permanent Mission and known focal point. */
  REVIEW_LAUNCHED(false),
  /** Focal point not yet designated, T0 + 7: to the permanent representative. */
  FOCAL_POINT_REMINDER(true),
  /** Focal-point deadline passed: the permanent representative is interim focal point (para 18). */
  INTERIM_FOCAL_POINT_IN_FORCE(true),
  /** Information to the other States' focal points that a State's PR acts as interim focal point. */
  INTERIM_FOCAL_POINT_INFO(false),
  /** Every 30 days while no focal point is designated: to the permanent representative. */
  DESIGNATION_PENDING(true),
  /** A focal point was designated or replaced: welcome to the new focal point. */
  FOCAL_POINT_DESIGNATED(false),
  /** A designation ended an interim: to the permanent representative. */
  INTERIM_FOCAL_POINT_ENDED(false),
  /** D - 30 and D - 7. */
  REMINDER(true),
  /** D + 1. */
  OVERDUE(true),
  /** D + 31, then every 30 days until the step is done. */
  ESCALATION(true),
  /** A step was done (submission cleared, feedback received, lists agreed, ...). */
  STEP_DONE(false),
  /** The reviewed State asked for changes to the lists of observations: to each reviewing State. */
  CHANGES_REQUESTED(false),
  CLARIFICATION_REQUESTED(true),
  CLARIFICATION_ANSWERED(false),
  DEADLINE_EXTENDED(true),
  REVIEW_ON_HOLD(false),
  REVIEW_RESUMED(false),
  REVIEWER_REPLACED(false),
  REVIEW_COMPLETED(false);

  private final boolean aboutADeadline;

  NoticeKind(boolean aboutADeadline) {
    this.aboutADeadline = aboutADeadline;
  }

  /** Deadline notices show the due date and carry an iCalendar part. */
  public boolean aboutADeadline() {
    return aboutADeadline;
  }
}
