package org.revflow.registry.draw;

/** The rules of the draw, named in explanations of infeasible input. */
public enum DrawRule {
  KNOWN_STATE_PARTY(
      "a reviewed State must be a registered State party to the Convention with a group to draw with"),
  SAME_GROUP("one reviewer per instrument from the reviewed State's regional group"),
  OTHER_GROUP("one reviewer per instrument from another regional group"),
  PARTY_TO_INSTRUMENT(
      "a reviewer must be party to the instrument it reviews, else an additional reviewer is drawn"),
  MAX_REVIEWERS(
      "at most four reviewing States per review unless the reviewed State agreed to more"),
  NO_MUTUAL_REVIEWS("no mutual reviews: if A reviews B, B does not review A"),
  BALANCED_LOAD("every State reviews within one of the mean number of reviews"),
  FIXED_ASSIGNMENTS("reviewers kept from the earlier draw"),
  SEARCH_LIMIT("the search did not decide within its limit");

  private final String text;

  DrawRule(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
