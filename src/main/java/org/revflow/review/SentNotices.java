package org.revflow.review;

/**
 * What the lifecycle needs to know of the notice log: whether a notice of a step went out. Kept as
 * a port so that the review feature does not read the notification feature's tables.
 */
public interface SentNotices {

  /** Whether a notice of this kind about this step occurrence was accepted by the mail server. */
  boolean wasSent(long stepId, String kind);
}
