package org.revflow.notification.render;

/** The capacity in which a person receives a notice; it can add a line to the body. */
public enum RecipientRole {
  FOCAL_POINT,
  /**
   * The permanent representative acting for a State that has no designated focal point (para 18).
   */
  INTERIM_FOCAL_POINT,
  PERMANENT_REPRESENTATIVE,
  EXPERT,
  SECRETARIAT,
  /** A focal point of another State in the review, informed (e.g. of an interim focal point). */
  OTHER_FOCAL_POINT
}
