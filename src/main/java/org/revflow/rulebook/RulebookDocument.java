package org.revflow.rulebook;

import java.util.List;
import java.util.Map;

/**
 * A rulebook file as written, every value still text: the loader checks its shape (no unknown
 * keys), {@link RulebookValidator} checks the values and builds the {@link Rulebook}. Keeping the
 * text lets every problem quote exactly what the secretariat wrote. Absent values are null.
 *
 * @param source where it was read from, for messages
 */
public record RulebookDocument(
    String source,
    String name,
    String version,
    String description,
    String zone,
    String noticeTime,
    Map<String, StepDoc> steps,
    LadderDoc ladder,
    FocalPointLadderDoc focalPointLadder,
    String nextPhaseAfter,
    String actionLinkValidity,
    String activationLinkValidity,
    Map<String, ClusterDoc> clusters,
    CalendarDoc calendar,
    String focalPointNetwork,
    String reuseReviewersInNextPhase) {

  /**
   * @param holidays the listed holidays, by year
   */
  public record CalendarDoc(String workingDaysOnly, Map<String, List<String>> holidays) {}

  public record StepDoc(String deadline, String from, String round) {}

  public record RepeatDoc(String first, String every) {}

  public record LadderDoc(List<String> reminders, String overdue, RepeatDoc escalation) {}

  public record FocalPointLadderDoc(
      String reminder, String interim, RepeatDoc designationPending) {}

  public record ClusterDoc(String name, List<String> articles) {}

  /**
   * How messages name this rulebook: {@code rulebook 'default' 2026.1}, or by file when unnamed.
   */
  public static String label(String name, String version, String source) {
    if (name == null || name.isBlank()) {
      return "rulebook file '" + source + "'";
    }
    return "rulebook '"
        + name
        + "' "
        + (version == null || version.isBlank() ? "(no version)" : version);
  }

  public String label() {
    return label(name, version, source);
  }
}
