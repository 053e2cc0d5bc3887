package org.revflow.review;

import java.time.LocalDate;
import java.util.List;

/** What the lifecycle needs from the registry: which States exist, and recording designations. */
public interface StateDirectory {

  boolean isKnownState(String alpha3);

  void designateFocalPoint(String reviewId, String state, ReviewCommands.Person person, String noteVerbaleRef,
      LocalDate receivedOn, String actor);

  void designateExperts(String reviewId, String state, List<ReviewCommands.Person> experts, String noteVerbaleRef,
      LocalDate receivedOn, String actor);
}
