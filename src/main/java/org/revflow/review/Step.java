package org.revflow.review;

/**
 * The steps of a country review (review-mechanism brief, section 4), in order, with who acts.
 * Names are stable: they appear in the rulebook, the API, the notice log and process variables.
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
  SUMMARY(Actor.EACH_REVIEWING_STATE),
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
