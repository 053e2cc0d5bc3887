package org.revflow.registry;

import java.time.LocalDate;

/**
 * A State's focal point in a review changed in the registry, whichever door it came through (a
 * review event, the designation endpoints, a CSV import, the end of a designation). Published
 * inside the registry's transaction so that the review records the same notices for every door, and
 * a refusal there rolls the designation back.
 *
 * @param personId the new focal point (designated), or the one who left (ended)
 * @param on the day it happened (the note verbale's date for a designation)
 * @param reviewEventId the review event that made the change, when it came through the review; null
 *     for the registry's own doors, which the review then records as an event of its own
 * @param atLaunch the focal point is in place when the review is launched: the launch notice says
 *     so, and nothing else is sent
 */
public record FocalPointChanged(
    String reviewId,
    String stateCode,
    Change change,
    long personId,
    String noteVerbaleRef,
    LocalDate on,
    String reason,
    String actor,
    Long reviewEventId,
    boolean atLaunch) {

  public enum Change {
    DESIGNATED,
    ENDED
  }
}
