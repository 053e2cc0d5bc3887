package org.revflow.rulebook;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.revflow.process.NoticeKeys;
import org.revflow.vocabulary.NoticeKind;

/**
 * One notice of a step's ladder.
 *
 * @param kind what is sent
 * @param date the Vienna date it is sent on
 * @param sequence 0-based position of this kind in the step's full ladder (D-30 is reminder 0, D-7
 *     reminder 1, D+91 escalation 2), whether or not earlier rungs were skipped, so the same rung
 *     keeps the same number across re-plans
 * @param sendOn the day it goes out: its date, or the next working day when that is none (the
 *     rung's identity keeps its calendar date, so a change of holidays never sends it twice)
 */
public record Rung(NoticeKind kind, LocalDate date, int sequence, LocalDate sendOn) {

  /** A rung sent on its own date. */
  public Rung(NoticeKind kind, LocalDate date, int sequence) {
    this(kind, date, sequence, date);
  }

  /**
   * Ladder order: by date, then by the declaration order of {@link NoticeKind}, which puts
   * INTERIM_FOCAL_POINT_IN_FORCE before INTERIM_FOCAL_POINT_INFO on their shared date.
   */
  public static final Comparator<Rung> LADDER_ORDER =
      Comparator.comparing(Rung::date).thenComparing(Rung::kind);

  public Rung {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(sendOn, "sendOn");
  }

  Rung sentOn(LocalDate day) {
    return new Rung(kind, date, sequence, day);
  }

  /**
   * The rung a notice key names ({@link NoticeKeys#rung}), or null for keys of notices outside a
   * ladder. The sequence is not in the key and comes back as 0: ladder order does not use it.
   */
  public static Rung fromKey(String key) {
    return NoticeKeys.rungOf(key).map(k -> new Rung(k.kind(), k.date(), 0)).orElse(null);
  }

  /** Identifies the rung within a step; stable across re-plans, used against double sending. */
  public String key() {
    return NoticeKeys.rung(kind, date);
  }

  /** Whether this rung comes strictly after {@code other} in ladder order. */
  public boolean isAfter(Rung other) {
    return LADDER_ORDER.compare(this, other) > 0;
  }
}
