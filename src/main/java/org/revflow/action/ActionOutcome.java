package org.revflow.action;

import org.springframework.http.HttpStatus;

/**
 * Why a page shows what it shows, with its HTTP status and whether it counts against the client.
 */
enum ActionOutcome {
  /**
   * Malformed, tampered, signed with another key, or naming a step or person that does not exist.
   */
  INVALID(HttpStatus.NOT_FOUND, true),
  USED(HttpStatus.CONFLICT, true),
  /**
   * The person no longer acts for that State in that review (focal point replaced, interim ended,
   * reviewer replaced).
   */
  REPLACED(HttpStatus.GONE, true),
  EXPIRED(HttpStatus.GONE, true),
  /**
   * The step was done another way (by the secretariat, or another focal point's link); the review
   * is over.
   */
  DONE(HttpStatus.CONFLICT, false),
  /** The review refused the event (on the secretariat API it would be the same 409). */
  REFUSED(HttpStatus.CONFLICT, false),
  /**
   * A form that does not match the page: an unknown choice, or changes requested without a comment.
   */
  BAD_FORM(HttpStatus.BAD_REQUEST, false),
  THROTTLED(HttpStatus.TOO_MANY_REQUESTS, false),
  RECORDED(HttpStatus.OK, false);

  private final HttpStatus status;
  private final boolean countsAsFailure;

  ActionOutcome(HttpStatus status, boolean countsAsFailure) {
    this.status = status;
    this.countsAsFailure = countsAsFailure;
  }

  HttpStatus status() {
    return status;
  }

  boolean countsAsFailure() {
    return countsAsFailure;
  }

  String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
