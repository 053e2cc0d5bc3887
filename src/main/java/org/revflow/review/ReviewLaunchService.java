package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.revflow.config.ApiException;
import org.revflow.config.MechanismTime;
import org.revflow.config.RetryOnLockConflict;
import org.revflow.process.ProcessMessages;
import org.revflow.registry.DesignationService.Origin;
import org.revflow.review.ReviewCommands.Launch;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.RulebookRegistry;
import org.revflow.vocabulary.EventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launches reviews, whether the secretariat launches one through the API or a planned review's date
 * comes, and plans each review's next phase the day it launches (T0 + 24 months unless the workplan
 * gives another date): both phases may then run side by side. The one path into a review's process.
 */
@Service
public class ReviewLaunchService {

  private static final Duration COMPLETION_TTL = Duration.ofDays(1);

  private final ReviewRepository reviews;
  private final ReviewParticipantRepository participants;
  private final ReviewStepRepository steps;
  private final ReviewEventRepository events;
  private final RulebookRegistry rulebooks;
  private final DeadlinePlanner planner;
  private final ProcessMessages messages;
  private final StateDirectory stateDirectory;
  private final MechanismTime time;

  ReviewLaunchService(
      ReviewRepository reviews,
      ReviewParticipantRepository participants,
      ReviewStepRepository steps,
      ReviewEventRepository events,
      RulebookRegistry rulebooks,
      DeadlinePlanner planner,
      ProcessMessages messages,
      StateDirectory stateDirectory,
      MechanismTime time) {
    this.reviews = reviews;
    this.participants = participants;
    this.steps = steps;
    this.events = events;
    this.rulebooks = rulebooks;
    this.planner = planner;
    this.messages = messages;
    this.stateDirectory = stateDirectory;
    this.time = time;
  }

  /**
   * Launches a review now (T0 = {@code launchDate}, today by default). A review of the same State
   * and phase that the workplan plans is launched early instead, under its own id.
   */
  @RetryOnLockConflict
  @Transactional
  public Review launch(Launch cmd, String actor) {
    LocalDate launchDate = cmd.launchDate() == null ? time.today() : cmd.launchDate();
    Rulebook rulebook = rulebook(cmd.rulebook());
    requireKnownState(cmd.underReview());
    Map<String, List<String>> reviewers = reviewers(cmd.underReview(), cmd.reviewers());
    Set<String> reviewing = new LinkedHashSet<>();
    reviewers.values().forEach(reviewing::addAll);
    Map<String, ReviewCommands.Person> focalPoints =
        cmd.focalPoints() == null ? Map.of() : cmd.focalPoints();
    for (String state : focalPoints.keySet()) {
      if (!state.equals(cmd.underReview()) && !reviewing.contains(state)) {
        throw ApiException.invalid(
            "focalPoints names " + state + ", which does not take part in the review");
      }
    }
    Optional<Review> planned =
        reviews.findByUnderReviewOrderByLaunchDateDesc(cmd.underReview()).stream()
            .filter(r -> r.getPhase() == cmd.phase() && r.getStatus().planned())
            .findFirst();
    Review review;
    if (planned.isPresent()) {
      review = reviews.lockById(planned.get().getId()).orElseThrow();
      participants.deleteAll(participants.findByReviewIdOrderById(review.getId()));
      participants.flush();
      review.launchedOn(launchDate, rulebook.id());
    } else {
      String id = cmd.underReview() + "-P" + cmd.phase() + "-" + launchDate.getYear();
      if (reviews.existsById(id)) {
        throw ApiException.conflict("review " + id + " already exists");
      }
      review =
          reviews.save(
              new Review(
                  id,
                  cmd.underReview(),
                  cmd.phase(),
                  launchDate,
                  rulebook.id(),
                  previousPhase(cmd.underReview(), cmd.phase()).map(Review::getId).orElse(null),
                  time.now(),
                  actor));
    }
    String id = review.getId();
    participants.save(
        new ReviewParticipant(
            id, cmd.underReview(), ReviewParticipant.Role.UNDER_REVIEW, null, launchDate));
    reviewers.forEach(
        (instrument, states) ->
            states.forEach(
                s ->
                    participants.save(
                        new ReviewParticipant(
                            id, s, ReviewParticipant.Role.REVIEWER, instrument, launchDate))));
    events.save(
        new ReviewEvent(
            id,
            EventType.REVIEW_LAUNCHED,
            null,
            null,
            launchDate,
            null,
            planned.isPresent()
                ? "launched early; planned for " + planned.get().getPlannedOn()
                : "launched",
            time.now(),
            actor));
    // The registry reads the review and its participants with its own statements.
    participants.flush();
    carryOverDesignations(review, focalPoints.keySet(), actor);
    focalPoints.forEach(
        (state, person) ->
            stateDirectory.designateFocalPoint(
                id, state, person, "in place at the launch", launchDate, actor, Origin.LAUNCH));
    startProcess(review, new ArrayList<>(reviewing));
    planNextPhase(review, rulebook, actor);
    if (planned.isPresent()) {
      // Its "Planned review" instance waits for a date that no longer matters: it plans again and
      // ends.
      messages.enqueue(
          MSG_PLAN_CHANGED,
          id,
          "plan-" + id + "-launched-" + time.now().toEpochMilli(),
          Map.of(),
          Duration.ofDays(1));
    }
    return review;
  }

  /**
   * A planned review's date has come (or the secretariat launches it early, or its draw is recorded
   * while it waits): launched today under the rulebook in force, with the reviewing States recorded
   * on the plan. False when it has none yet.
   */
  @Transactional
  boolean launchPlanned(Review review, String actor, String note) {
    List<ReviewParticipant> planned = participants.findByReviewIdOrderById(review.getId());
    List<String> reviewing =
        planned.stream()
            .filter(p -> p.getRole() == ReviewParticipant.Role.REVIEWER)
            .map(ReviewParticipant::getStateCode)
            .distinct()
            .toList();
    if (reviewing.isEmpty()) {
      return false;
    }
    LocalDate t0 = time.today();
    Rulebook rulebook = rulebooks.defaultRulebook();
    review.launchedOn(t0, rulebook.id());
    planned.forEach(p -> p.joinOn(t0));
    events.save(
        new ReviewEvent(
            review.getId(),
            EventType.REVIEW_LAUNCHED,
            null,
            null,
            t0,
            null,
            note == null ? "launched as planned for " + review.getPlannedOn() : note,
            time.now(),
            actor));
    participants.flush();
    carryOverDesignations(review, Set.of(), actor);
    startProcess(review, new ArrayList<>(reviewing));
    planNextPhase(review, rulebook, actor);
    return true;
  }

  /**
   * Designations carry over from the State's previous phase: its focal point and experts, and those
   * of the reviewing States that review it again, stay in place (no interim, no welcome: the launch
   * notice asks to confirm or replace them).
   */
  private void carryOverDesignations(Review review, Set<String> givenFocalPoints, String actor) {
    Optional<Review> previous =
        review.getPreviousReviewId() == null
            ? previousPhase(review.getUnderReview(), review.getPhase())
            : reviews.findById(review.getPreviousReviewId());
    if (previous.isEmpty()) {
      return;
    }
    for (ReviewParticipant p : participants.findByReviewIdOrderById(review.getId())) {
      if (givenFocalPoints.contains(p.getStateCode())) {
        continue;
      }
      stateDirectory.carryOver(
          previous.get().getId(), review.getId(), p.getStateCode(), review.getLaunchDate(), actor);
    }
  }

  /**
   * Plans the State's next phase the day a phase launches, unless the workplan already plans it
   * (the workplan wins): T0 + 24 months, with the same reviewing States where the rulebook reuses
   * the pairing.
   */
  private void planNextPhase(Review review, Rulebook rulebook, String actor) {
    if (review.getPhase() >= 4) {
      return;
    }
    int next = review.getPhase() + 1;
    boolean known =
        reviews.findByUnderReviewOrderByLaunchDateDesc(review.getUnderReview()).stream()
            .anyMatch(r -> r.getPhase() == next && r.getStatus() != Review.Status.CANCELLED);
    if (known) {
      return;
    }
    LocalDate date = planner.nextPhaseStart(rulebook, review.getLaunchDate());
    String id = review.getUnderReview() + "-P" + next + "-" + date.getYear();
    if (reviews.existsById(id)) {
      return;
    }
    Review plan =
        reviews.save(
            Review.planned(
                id,
                review.getUnderReview(),
                next,
                date,
                review.getGroup(),
                rulebook.id(),
                review.getId(),
                time.now(),
                actor));
    participants.save(
        new ReviewParticipant(
            id, review.getUnderReview(), ReviewParticipant.Role.UNDER_REVIEW, null, date));
    if (rulebook.reuseReviewersInNextPhase()) {
      for (ReviewParticipant p : participants.findByReviewIdOrderById(review.getId())) {
        if (p.isActive() && p.getRole() == ReviewParticipant.Role.REVIEWER) {
          participants.save(
              new ReviewParticipant(id, p.getStateCode(), p.getRole(), p.getInstrument(), date));
        }
      }
    }
    events.save(
        new ReviewEvent(
            id,
            EventType.REVIEW_PLANNED,
            null,
            null,
            time.today(),
            null,
            "planned as the next phase of " + review.getId() + " for " + date,
            time.now(),
            actor));
    startPlan(plan);
  }

  /**
   * Starts the plan's "Planned review" instance, which launches it on its date (through the
   * outbox).
   */
  void startPlan(Review plan) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_REVIEW_ID, plan.getId());
    messages.enqueue(
        MSG_REVIEW_PLANNED,
        plan.getId(),
        "plan-" + plan.getId() + "-" + plan.getCreatedAt().toEpochMilli(),
        vars,
        Duration.ZERO);
  }

  /**
   * Starts the review's process through the outbox: the ReviewLaunched message is stored with the
   * review's rows and published once they are committed, so a launch the database rolls back leaves
   * no instance behind, and an engine that is away gets the launch when it is back (the sweeper).
   * The engine starts one instance per review id while it runs; the instance writes its key on the
   * review in its first task ({@link #recordProcessInstance}).
   */
  private void startProcess(Review review, List<String> reviewing) {
    List<String> participating = new ArrayList<>();
    participating.add(review.getUnderReview());
    participating.addAll(reviewing);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(VAR_REVIEW_ID, review.getId());
    vars.put(VAR_UNDER_REVIEW, review.getUnderReview());
    vars.put(VAR_PHASE, review.getPhase());
    vars.put(VAR_PARTICIPATING_STATES, participating);
    vars.put(VAR_REVIEWING_STATES, reviewing);
    // Not buffered (no time to live): a second publication of the same launch (the sweeper's,
    // after a lost acknowledgement) finds the review's instance running and starts nothing.
    // Buffered,
    // it would wait there and start a second instance the moment the first ends (a cancel).
    messages.enqueue(
        MSG_REVIEW_LAUNCHED, review.getId(), "launch-" + review.getId(), vars, Duration.ZERO);
  }

  /**
   * The review's instance has started: its key is written on the review, once. Returns the key the
   * review runs in, which differs from {@code processInstanceKey} when this is a second instance
   * for the same review (which the engine's one-instance-per-key rule should prevent).
   */
  @Transactional
  public long recordProcessInstance(String reviewId, long processInstanceKey) {
    Review review =
        reviews
            .lockById(reviewId)
            .orElseThrow(() -> new IllegalStateException("no review " + reviewId));
    if (review.getProcessInstanceKey() == null) {
      review.attachProcessInstance(processInstanceKey);
    }
    return review.getProcessInstanceKey();
  }

  @Transactional
  public void markCompleted(String reviewId) {
    Review review =
        reviews
            .lockById(reviewId)
            .orElseThrow(() -> new IllegalStateException("no review " + reviewId));
    review.complete();
    // Steps still open end with the review (a focal point never designated, say): the model's
    // terminate end event stopped the ladders it runs, and the API must not show them as running.
    // Occurrences that events opened run in instances of their own, which this message ends.
    for (ReviewStep s : steps.findByReviewIdAndStatus(reviewId, ReviewStep.Status.OPEN)) {
      s.markDone(time.today(), "REVIEW_COMPLETED");
      messages.enqueue(
          MSG_STEP_COMPLETED,
          String.valueOf(s.getId()),
          "completed-" + reviewId + "-done-" + s.getId(),
          new HashMap<>(),
          COMPLETION_TTL);
    }
  }

  /** The State's launched or planned review of the phase before, if any. */
  private Optional<Review> previousPhase(String state, int phase) {
    return reviews.findByUnderReviewOrderByLaunchDateDesc(state).stream()
        .filter(r -> r.getPhase() == phase - 1 && r.getStatus() != Review.Status.CANCELLED)
        .findFirst();
  }

  Rulebook rulebook(String nameOrId) {
    try {
      return nameOrId == null ? rulebooks.defaultRulebook() : rulebooks.get(nameOrId);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("unknown rulebook '" + nameOrId + "'");
    }
  }

  /**
   * The reviewing States by instrument, checked: known, not the State itself, not twice for one
   * instrument.
   */
  Map<String, List<String>> reviewers(
      String underReview, Map<ReviewCommands.Instrument, List<String>> given) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    given.forEach(
        (instrument, states) -> {
          Set<String> perInstrument = new LinkedHashSet<>();
          for (String s : states) {
            requireKnownState(s);
            if (s.equals(underReview)) {
              throw ApiException.invalid(
                  "a State cannot review itself: " + s + " under " + instrument);
            }
            if (!perInstrument.add(s)) {
              throw ApiException.invalid(s + " is named twice as reviewer for " + instrument);
            }
          }
          result.put(instrument.name(), List.copyOf(perInstrument));
        });
    return result;
  }

  boolean stateDirectoryKnows(String code) {
    return stateDirectory.isKnownState(code);
  }

  void requireKnownState(String code) {
    if (!stateDirectory.isKnownState(code)) {
      throw ApiException.notFound("unknown State '" + code + "'");
    }
  }
}
