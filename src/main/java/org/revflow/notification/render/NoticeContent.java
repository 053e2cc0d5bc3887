package org.revflow.notification.render;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/**
 * What a notice is about: metadata and links only. Reviews are confidential, so there is
 * deliberately no field for questionnaire answers, feedback or observations, and {@code details}
 * accepts only the keys listed in {@link NoticeDetails} (anything else is rejected by the
 * renderer).
 *
 * @param underReview alpha-3 code of the State under review
 * @param step the step concerned; the focal-point kinds default to {@link Step#FOCAL_POINT} and the
 *     clarification kinds to {@link Step#DIALOGUE}
 * @param stateCode alpha-3 code of the State the notice is about (the acting State), if any
 * @param due the deadline, a calendar date in Vienna: the step is due by the end of that day.
 *     Required for every kind that is {@link NoticeKind#aboutADeadline() about a deadline}
 * @param previousDue the deadline before an extension
 * @param deadlineRevision rises each time this deadline moves: the iCalendar SEQUENCE
 * @param details small extras, see {@link NoticeDetails}
 */
public record NoticeContent(
    NoticeKind kind,
    String reviewId,
    String underReview,
    int phase,
    Step step,
    String stateCode,
    LocalDate due,
    LocalDate previousDue,
    int deadlineRevision,
    URI reviewLink,
    URI actionLink,
    Map<String, String> details) {

  public NoticeContent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reviewId, "reviewId");
    Objects.requireNonNull(underReview, "underReview");
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
