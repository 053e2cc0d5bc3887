package org.revflow.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.revflow.vocabulary.NoticeKind;

/**
 * The notice keys: what makes one notice of a step (or of a review, for notices outside steps) the
 * same notice when its job comes back, so that the notice log sends it once. Java builds the keys
 * of ladder rungs and of events; the models build the others in FEEL from the prefixes below, which
 * {@code BpmnModelsTest} holds them to:
 *
 * <ul>
 *   <li>country-review: {@value #LAUNCH} (the launch notice of each State), {@value #COMPLETED},
 *       and the dialogue's {@code "OPENED:STEP_OPENED"} and {@code "DONE:STEP_DONE"};
 *   <li>deadline-step: {@code "OPENED:" + noticeKind} for the notices that announce a step, {@code
 *       "DONE:" + noticeKind} for those that announce it done; its ladder notices use the key Java
 *       planned ({@link #rung});
 *   <li>planned-review: {@code "DRAW@" + string(today())}, one reminder that a draw is needed a
 *       day;
 *   <li>secretariat-digest: {@code "DIGEST@" + digestDay}, one digest a week.
 * </ul>
 */
public final class NoticeKeys {

  private NoticeKeys() {}

  /** The launch notice of each participating State (the state is part of the notice's identity). */
  public static final String LAUNCH = "LAUNCH";

  /** The review-completed notice of each participating State. */
  public static final String COMPLETED = "COMPLETED";

  /** Prefix of the notices that announce a step as it opens; the notice kind follows. */
  public static final String OPENED = "OPENED:";

  /** Prefix of the notices that announce a step done; the notice kind follows. */
  public static final String DONE = "DONE:";

  /**
   * Prefix of the day's reminder that a planned review has no reviewing States; the date follows.
   */
  public static final String DRAW = "DRAW@";

  /** Prefix of the weekly digest; its day follows. */
  public static final String DIGEST = "DIGEST@";

  /** Prefix of a notice an event causes; the event id, the kind and the State follow. */
  public static final String EVENT = "EVENT-";

  /**
   * A ladder rung's key: its kind and calendar date, stable across re-plans and holiday changes.
   */
  public static String rung(NoticeKind kind, LocalDate date) {
    return kind.name() + "@" + date;
  }

  /** The kind and date of the ladder rung a key names. */
  public record RungKey(NoticeKind kind, LocalDate date) {}

  /**
   * The ladder rung {@code key} names ({@code KIND@YYYY-MM-DD}); empty for every other notice's
   * key.
   */
  public static Optional<RungKey> rungOf(String key) {
    int at = key == null ? -1 : key.indexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    NoticeKind kind = kind(key.substring(0, at));
    LocalDate date = date(key.substring(at + 1));
    return kind == null || date == null ? Optional.empty() : Optional.of(new RungKey(kind, date));
  }

  /** The key of the notices an event causes: one per kind and addressed State. */
  public static String event(long eventId, NoticeKind kind, String state) {
    return EVENT + eventId + ":" + kind + (state == null ? "" : ":" + state);
  }

  /** The day of the weekly digest a key names; empty for every other key. */
  public static Optional<LocalDate> digestDay(String key) {
    return key != null && key.startsWith(DIGEST)
        ? Optional.ofNullable(date(key.substring(DIGEST.length())))
        : Optional.empty();
  }

  private static NoticeKind kind(String name) {
    try {
      return NoticeKind.valueOf(name);
    } catch (IllegalArgumentException notAKind) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }
}
