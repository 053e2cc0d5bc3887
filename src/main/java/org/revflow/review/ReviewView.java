package org.revflow.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;

/** A review as the API shows it. */
public record ReviewView(
    String id,
    String underReview,
    int phase,
    LocalDate launchDate,
    String rulebookVersion,
    String status,
    LocalDate onHoldSince,
    Long processInstanceKey,
    List<Participant> participants,
    List<StepView> openSteps,
    List<StepView> doneSteps,
    List<ActingFocalPointView> actingFocalPoints,
    List<EventView> history,
    LocalDate plannedOn,
    Integer group,
    String previousReviewId) {

  public record Participant(
      String state,
      String role,
      String instrument,
      boolean active,
      LocalDate joinedOn,
      LocalDate leftOn,
      String leftReason) {}

  public record StepView(
      long id,
      Step step,
      String state,
      int round,
      LocalDate startedOn,
      LocalDate due,
      LocalDate originalDue,
      int deadlineRevision,
      long daysOverdue,
      boolean paused,
      LocalDate doneOn) {}

  public record ActingFocalPointView(
      String state, String name, String email, boolean interim, String reason) {}

  public record EventView(
      long id,
      EventType type,
      String state,
      Step step,
      LocalDate on,
      String reference,
      String details,
      Instant recordedAt,
      String recordedBy) {}
}
