package org.revflow.registry.draw;

/**
 * The places a reviewing State can take in a review. The two base reviewers review the Convention
 * and every Protocol they share with the reviewed State; an additional reviewer of the same side is
 * drawn when the base reviewer is not party to a Protocol the reviewed State is party to. Within
 * four reviewing States one additional reviewer per side usually covers them all; the second and
 * third additional places of a side exist for a reviewed State that agreed to more reviewers (or
 * for a side whose missing Protocols no single State covers while the other side needs none). New
 * places are appended: the names are stored and the order sorts a review's reviewers.
 */
public enum Slot {
  SAME_GROUP,
  OTHER_GROUP,
  ADDITIONAL_SAME_GROUP,
  ADDITIONAL_OTHER_GROUP,
  ADDITIONAL_SAME_GROUP_2,
  ADDITIONAL_OTHER_GROUP_2,
  ADDITIONAL_SAME_GROUP_3,
  ADDITIONAL_OTHER_GROUP_3;

  public boolean sameGroup() {
    return this == SAME_GROUP
        || this == ADDITIONAL_SAME_GROUP
        || this == ADDITIONAL_SAME_GROUP_2
        || this == ADDITIONAL_SAME_GROUP_3;
  }

  /** The {@code n}-th (0-based) additional place of a side. */
  public static Slot additional(boolean sameGroup, int n) {
    return switch (n) {
      case 0 -> sameGroup ? ADDITIONAL_SAME_GROUP : ADDITIONAL_OTHER_GROUP;
      case 1 -> sameGroup ? ADDITIONAL_SAME_GROUP_2 : ADDITIONAL_OTHER_GROUP_2;
      case 2 -> sameGroup ? ADDITIONAL_SAME_GROUP_3 : ADDITIONAL_OTHER_GROUP_3;
      default -> throw new IllegalArgumentException("no additional place " + n);
    };
  }
}
