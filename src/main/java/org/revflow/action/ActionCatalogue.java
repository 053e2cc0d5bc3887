package org.revflow.action;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/**
 * Which notices ask their addressee to act, and what the action page then offers. Only the acting
 * focal point of the State concerned (designated, or the permanent representative while interim)
 * gets a link: experts draft but the focal point clears, and the secretariat records its own steps
 * through the API.
 */
final class ActionCatalogue {

  private ActionCatalogue() {}

  /**
   * The events a step's acting focal point can record from the page, the first being the main one.
   */
  private static final Map<Step, List<EventType>> EVENTS =
      Map.of(
          Step.SAQ, List.of(EventType.SAQ_CLEARED),
          Step.FEEDBACK, List.of(EventType.FEEDBACK_CLEARED),
          Step.OBSERVATIONS, List.of(EventType.OBSERVATIONS_CLEARED),
          Step.OBSERVATIONS_AGREEMENT,
              List.of(EventType.OBSERVATIONS_AGREED, EventType.CHANGES_REQUESTED),
          Step.SUMMARY, List.of(EventType.SUMMARY_CLEARED),
          Step.SUMMARY_AGREEMENT, List.of(EventType.SUMMARY_AGREED),
          Step.FOCAL_POINT, List.of(EventType.INTERIM_ROLE_ACKNOWLEDGED));

  /** The notices that open a step and its ladder ask for the step's work to be done. */
  private static final Set<NoticeKind> STEP_NOTICES =
      EnumSet.of(
          NoticeKind.STEP_OPENED,
          NoticeKind.CHANGES_REQUESTED,
          NoticeKind.REMINDER,
          NoticeKind.OVERDUE,
          NoticeKind.ESCALATION,
          NoticeKind.DEADLINE_EXTENDED);

  static List<EventType> events(Step step) {
    return step == null ? List.of() : EVENTS.getOrDefault(step, List.of());
  }

  static boolean asksToAct(NoticeKind kind, Step step) {
    if (step == Step.FOCAL_POINT) {
      // The focal point's own designation comes by note verbale; what the interim PR can do from
      // an email is acknowledge the role the notice tells them about.
      return kind == NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE;
    }
    return STEP_NOTICES.contains(kind) && EVENTS.containsKey(step);
  }

  /** The event needs a comment saying why. */
  static boolean needsComment(EventType type) {
    return type == EventType.CHANGES_REQUESTED;
  }
}
