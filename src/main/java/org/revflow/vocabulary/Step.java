package org.revflow.vocabulary;

/**
 * The steps of a country review (docs/domain.md, "One country review"), in order, with who acts.
 * Names are stable: they appear in the rulebook, the API, the notice log and process variables.
 *
 * <p>{@link #DIALOGUE} has two kinds of occurrence: the dialogue's window (no State: nobody owes
 * anything while no request is open) and one round per clarification request, which the reviewed
 * State answers by its own deadline.
 */
public enum Step {
  FOCAL_POINT(Actor.EACH_PARTICIPATING_STATE),
  EXPERTS(Actor.EACH_PARTICIPATING_STATE),
  PRELIMINARY_CONSULTATION(Actor.SECRETARIAT),
  SAQ(Actor.REVIEWED_STATE),
  TRANSLATION(Actor.SECRETARIAT),
  FEEDBACK(Actor.EACH_REVIEWING_STATE),
  DIALOGUE(Actor.REVIEWED_STATE),
  OBSERVATIONS(Actor.EACH_REVIEWING_STATE),
  OBSERVATIONS_AGREEMENT(Actor.REVIEWED_STATE),
  /** Each reviewing State drafts and clears its part of the summary. */
  SUMMARY(Actor.EACH_REVIEWING_STATE),
  /** The reviewed State agrees the summary once every part is cleared. */
  SUMMARY_AGREEMENT(Actor.REVIEWED_STATE),
  FINALISATION(Actor.SECRETARIAT);

  /** Who gets the step's ladder of notices. */
  public enum Actor {
    EACH_PARTICIPATING_STATE,
    REVIEWED_STATE,
    EACH_REVIEWING_STATE,
    SECRETARIAT
  }

  private final Actor actor;

  Step(Actor actor) {
    this.actor = actor;
  }

  public Actor actor() {
    return actor;
  }

  public boolean secretariatActs() {
    return actor == Actor.SECRETARIAT;
  }

  /** Steps whose drafting is the experts' work: reminders go to the experts as well. */
  public boolean draftedByExperts() {
    return this == SAQ || this == FEEDBACK || this == OBSERVATIONS || this == SUMMARY;
  }
}
