package org.revflow.registry.draw;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revflow.registry.Instrument;

/**
 * The reviewing States of every reviewed State, and the resulting load (reviews per State of the
 * pool).
 */
public record DrawResult(List<Review> reviews, Map<String, Integer> load, double meanLoad) {

  public record Review(String reviewed, List<Reviewer> reviewers) {}

  public record Reviewer(String state, Slot slot, Set<Instrument> instruments) {}

  public Review review(String reviewed) {
    return reviews.stream().filter(r -> r.reviewed().equals(reviewed)).findFirst().orElse(null);
  }
}
