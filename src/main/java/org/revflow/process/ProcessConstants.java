package org.revflow.process;

/**
 * The seam between Java and the BPMN models in {@code bpmn/}: process ids, job types, message names
 * and variable names. These never change once released (running instances and Operate's history
 * depend on them); a change is a new model version with a migration note in the README.
 */
public final class ProcessConstants {

  private ProcessConstants() {}

  /** Process ids. */
  public static final String PROCESS_COUNTRY_REVIEW = "country-review";

  public static final String PROCESS_DEADLINE_STEP = "deadline-step";
  public static final String PROCESS_REVIEW_ANNOUNCEMENT = "review-announcement";
  public static final String PROCESS_PLANNED_REVIEW = "planned-review";
  public static final String PROCESS_SECRETARIAT_DIGEST = "secretariat-digest";

  /** Job types. */
  public static final String JOB_NOTICE = "revflow.notice";

  public static final String JOB_OPEN_STEP = "revflow.step.open";
  public static final String JOB_PLAN_NEXT_NOTICE = "revflow.step.plan-next-notice";
  public static final String JOB_CLOSE_STEP = "revflow.step.close";
  public static final String JOB_COMPLETE_REVIEW = "revflow.review.complete";
  public static final String JOB_REVIEW_STARTED = "revflow.review.started";
  public static final String JOB_OPEN_DIALOGUE = "revflow.dialogue.open";
  public static final String JOB_PLAN_DIALOGUE_END = "revflow.dialogue.plan-end";
  public static final String JOB_PLAN_LAUNCH = "revflow.plan.next-move";
  public static final String JOB_ACT_ON_PLAN = "revflow.plan.act";
  public static final String JOB_NEXT_DIGEST = "revflow.digest.next";

  /** Messages. */
  /**
   * Starts a review's "country-review" instance once its launch is committed; key: the review id
   * (the engine starts no second instance for a key whose instance is active).
   */
  public static final String MSG_REVIEW_LAUNCHED = "ReviewLaunched";

  /** Ends one step occurrence; correlation key: the step id. */
  public static final String MSG_STEP_COMPLETED = "StepCompleted";

  /**
   * Starts a "deadline-step" instance for an occurrence an event opened (a clarification round, a
   * focal-point vacancy, a joining State's steps); key: the step id.
   */
  public static final String MSG_STEP_OPENED = "StepOpened";

  /**
   * The step's dates or the review's hold status changed: plan the ladder again; key: the step id.
   */
  public static final String MSG_STEP_REPLANNED = "StepReplanned";

  /**
   * An event that needs a notice outside any ladder: starts one "review-announcement" instance.
   * Key: the notice key, unique per announcement, so that announcements never wait for each other.
   */
  public static final String MSG_ANNOUNCEMENT = "ReviewAnnouncement";

  /**
   * Starts a review's "planned-review" instance, which launches it on its date; key: the review id.
   */
  public static final String MSG_REVIEW_PLANNED = "ReviewPlanned";

  /**
   * A planned review moved, was cancelled, drawn or launched early: its instance plans again; key:
   * the review id.
   */
  public static final String MSG_PLAN_CHANGED = "PlanChanged";

  /**
   * Starts the one "secretariat-digest" instance; key: {@link #DIGEST_KEY} (a second start is
   * refused while it runs).
   */
  public static final String MSG_DIGEST_SCHEDULED = "DigestScheduled";

  public static final String DIGEST_KEY = "weekly-digest";

  /*
   * Variables: every name a model or a worker reads or writes (BpmnModelsTest fails on a name in a
   * model's mappings, loops, conditions, timers or correlation keys that is not one of these).
   */

  /** A review's instance (country-review, planned-review): set by the launch or plan message. */
  public static final String VAR_REVIEW_ID = "reviewId";

  public static final String VAR_UNDER_REVIEW = "underReview";

  /** For finding a review's instance in Operate; no model reads it. */
  public static final String VAR_PHASE = "phase";

  /** The multi-instance collections of country-review; a replaced reviewer sets them again. */
  public static final String VAR_PARTICIPATING_STATES = "participatingStates";

  public static final String VAR_REVIEWING_STATES = "reviewingStates";

  /** One step occurrence (deadline-step): the call activity's inputs or the StepOpened message. */
  public static final String VAR_STEP = "step";

  public static final String VAR_STATE = "state";
  public static final String VAR_STEP_ID = "stepId";

  /** The step's deadline as it stands, for Operate; no model reads it. */
  public static final String VAR_DUE = "due";

  public static final String VAR_OPENING_NOTICES = "openingNotices";
  public static final String VAR_COMPLETION_NOTICES = "completionNotices";

  /**
   * How a step ended, from the StepCompleted message ({@code CHANGES_REQUESTED} loops the lists of
   * observations).
   */
  public static final String VAR_OUTCOME = "outcome";

  /** The ladder (deadline-step): the next rung Java planned, and the last one sent. */
  public static final String VAR_STEP_OPEN = "stepOpen";

  public static final String VAR_NOTICE_PLANNED = "noticePlanned";
  public static final String VAR_NEXT_NOTICE_AT = "nextNoticeAt";
  public static final String VAR_NEXT_NOTICE_KIND = "nextNoticeKind";
  public static final String VAR_LAST_SENT_NOTICE_KEY = "lastSentNoticeKey";

  /** One notice job (every model's revflow.notice task); the key's rules are {@link NoticeKeys}. */
  public static final String VAR_NOTICE_KIND = "noticeKind";

  public static final String VAR_NOTICE_KEY = "noticeKey";

  /** The review event a notice announces (review-announcement). */
  public static final String VAR_EVENT_ID = "eventId";

  /** The dialogue's window (country-review). */
  public static final String VAR_DIALOGUE_STEP_ID = "dialogueStepId";

  public static final String VAR_DIALOGUE_ENDS_AT = "dialogueEndsAt";
  public static final String VAR_DIALOGUE_CLOSED = "dialogueClosed";
  public static final String VAR_DIALOGUE_END_PLANNED = "dialogueEndPlanned";

  /** A planned review (planned-review). */
  public static final String VAR_PLAN_MOVE = "planMove";

  public static final String VAR_PLAN_AT = "planAt";
  public static final String VAR_PLAN_OUTCOME = "planOutcome";

  /** The weekly digest (secretariat-digest). */
  public static final String VAR_DIGEST_KEY = "digestKey";

  public static final String VAR_DIGEST_AT = "digestAt";
  public static final String VAR_DIGEST_DAY = "digestDay";

  /** False once the digest is switched off: the instance ends instead of waiting for next week. */
  public static final String VAR_DIGEST_WANTED = "digestWanted";

  /** Set by a simulation's start: the digest runs whatever the configuration says. */
  public static final String VAR_DIGEST_ALWAYS = "digestAlways";

  /** The review id the weekly digest's notices are logged under: it is about all of them. */
  public static final String DIGEST_REVIEW_ID = "digest";
}
