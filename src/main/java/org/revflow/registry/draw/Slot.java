package org.revflow.registry.draw;

/**
 * The places a reviewing State can take in a review. The two base reviewers review the Convention and
 * every Protocol they share with the reviewed State; an additional reviewer of the same side is drawn
 * when the base reviewer is not party to a Protocol the reviewed State is party to, and covers all of them.
 */
public enum Slot {
  SAME_GROUP, OTHER_GROUP, ADDITIONAL_SAME_GROUP, ADDITIONAL_OTHER_GROUP;

  public boolean sameGroup() {
    return this == SAME_GROUP || this == ADDITIONAL_SAME_GROUP;
  }

  public boolean additional() {
    return this == ADDITIONAL_SAME_GROUP || this == ADDITIONAL_OTHER_GROUP;
  }
}
