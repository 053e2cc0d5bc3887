package org.revflow.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.revflow.config.MechanismTime;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.LadderInput;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.RulebookRegistry;
import org.revflow.rulebook.Rung;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens step occurrences, plans their ladders and closes them: what the step workers call. */
@Service
public class StepService {

  private final ReviewRepository reviews;
  private final ReviewStepRepository steps;
  private final ReviewEventRepository events;
  private final RulebookRegistry rulebooks;
  private final DeadlinePlanner planner;
  private final StateDirectory directory;
  private final SentNotices sentNotices;
  private final MechanismTime time;

  StepService(
      ReviewRepository reviews,
      ReviewStepRepository steps,
      ReviewEventRepository events,
      RulebookRegistry rulebooks,
      DeadlinePlanner planner,
      StateDirectory directory,
      SentNotices sentNotices,
      MechanismTime time) {
    this.reviews = reviews;
    this.steps = steps;
    this.events = events;
    this.rulebooks = rulebooks;
    this.planner = planner;
    this.directory = directory;
    this.sentNotices = sentNotices;
    this.time = time;
  }

  /**
   * A step occurrence as opened: its id, deadline and the notices that announce it to whoever acts
   * (none where the launch notice or a joining State's welcome already lists it).
   */
  public record Opened(long stepId, LocalDate due, List<NoticeKind> openingNotices) {}

  public record Planned(Rung rung, String sendAt) {}

  /**
   * The ladder's next move: nothing more for a step that is done, else the next rung if any; with
   * the step's deadline as it stands (events move it).
   */
  public record Plan(boolean stepOpen, Optional<Planned> next, LocalDate due) {}

  /**
   * Opens a step occurrence for the process, idempotent per element instance: a retried job returns
   * the step it opened the first time. An occurrence an event already wrote ({@code stepId}) is
   * taken over instead of opened anew.
   */
  @Transactional
  public Opened open(
      long elementInstanceKey,
      long processInstanceKey,
      String reviewId,
      Step step,
      String state,
      Long stepId) {
    if (stepId != null) {
      ReviewStep row =
          steps.findById(stepId).orElseThrow(() -> new IllegalStateException("no step " + stepId));
      row.openedBy(elementInstanceKey, processInstanceKey);
      // A second instance for the same occurrence (a message published twice) announces nothing.
      boolean ours = Objects.equals(row.getOpenedByElement(), elementInstanceKey);
      return new Opened(row.getId(), row.getDueOn(), ours ? openingNotices(row) : List.of());
    }
    Optional<ReviewStep> existing = steps.findByOpenedByElement(elementInstanceKey);
    if (existing.isPresent()) {
      return new Opened(
          existing.get().getId(), existing.get().getDueOn(), openingNotices(existing.get()));
    }
    Review review =
        reviews
            .lockById(reviewId)
            .orElseThrow(() -> new IllegalStateException("no review " + reviewId));
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    LocalDate today = time.today();
    int round =
        1
            + (int)
                steps.findByReviewIdOrderById(reviewId).stream()
                    .filter(s -> s.getStep() == step && Objects.equals(s.getStateCode(), state))
                    .count();
    LocalDate due;
    if (round > 1 && step == Step.OBSERVATIONS) {
      LocalDate requested =
          events
              .findFirstByReviewIdAndTypeOrderByIdDesc(reviewId, EventType.CHANGES_REQUESTED)
              .map(ReviewEvent::getOccurredOn)
              .orElse(today);
      due = planner.roundDueDate(rb, step, requested);
    } else {
      due = planner.dueDate(rb, step, review.getLaunchDate(), today);
    }
    // A rung whose sending time had passed when the step opened is not sent: "a reminder that
    // would fall before the step started" (also a review launched with a past T0).
    LocalDate floor = planner.floorAt(rb, time.now());
    ReviewStep saved =
        steps.save(
            new ReviewStep(
                reviewId,
                step,
                step.secretariatActs() ? null : state,
                round,
                today,
                due,
                floor,
                elementInstanceKey,
                processInstanceKey));
    if (step == Step.FOCAL_POINT && directory.hasFocalPoint(reviewId, state)) {
      // In place at the launch (or designated in the moment before the step opened): nothing to
      // ask.
      saved.markDone(today, "DESIGNATED_BEFORE_OPENING");
    }
    return new Opened(saved.getId(), due, openingNotices(saved));
  }

  /**
   * The notices that announce an occurrence to whoever acts, the day it opens. The launch notice
   * lists the launch's own steps, and a State that joins is welcomed with its steps listed; a
   * clarification round and a new round of the lists are announced by what opened them.
   */
  private static List<NoticeKind> openingNotices(ReviewStep row) {
    if (!row.isOpen()) {
      return List.of();
    }
    return switch (row.getOccurrence()) {
      case FOCAL_POINT_VACANCY ->
          List.of(NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE, NoticeKind.INTERIM_FOCAL_POINT_INFO);
      case CLARIFICATION_ROUND -> List.of(NoticeKind.CLARIFICATION_REQUESTED);
      case DIALOGUE_WINDOW -> List.of();
      case STEP ->
          switch (row.getStep()) {
            case FOCAL_POINT, EXPERTS, SAQ -> List.of();
            case OBSERVATIONS ->
                List.of(row.getRound() > 1 ? NoticeKind.CHANGES_REQUESTED : NoticeKind.STEP_OPENED);
            default -> List.of(NoticeKind.STEP_OPENED);
          };
    };
  }

  /** The next rung still to send for this step, given the last one sent (by key), or empty. */
  @Transactional(readOnly = true)
  public Plan planNext(long stepId, String lastSentKey) {
    ReviewStep s =
        steps.findById(stepId).orElseThrow(() -> new IllegalStateException("no step " + stepId));
    if (!s.isOpen()) {
      return new Plan(false, Optional.empty(), s.getDueOn());
    }
    Review review = reviews.findById(s.getReviewId()).orElseThrow();
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    return new Plan(
        true,
        planner
            .nextRung(rb, ladderInput(s, review, Rung.fromKey(lastSentKey)))
            .map(r -> new Planned(r, planner.sendAt(rb, r).toOffsetDateTime().toString())),
        s.getDueOn());
  }

  /** The step's ladder as the planner sees it, after {@code lastSent}. */
  static LadderInput ladderInput(ReviewStep s, Review review, Rung lastSent) {
    LadderInput in =
        new LadderInput(
            s.getStep(),
            s.getStartedOn(),
            s.getDueOn(),
            s.getFloorExclusive(),
            lastSent,
            review.getStatus() == Review.Status.ON_HOLD,
            s.isPaused() || s.isWindow(),
            s.getStep().secretariatActs());
    return s.isVacancy() ? in.asVacancy() : in;
  }

  /**
   * The notices that announce the step done; the step itself was closed when the event was
   * recorded.
   */
  @Transactional(readOnly = true)
  public List<NoticeKind> completionNotices(long stepId) {
    ReviewStep s =
        steps.findById(stepId).orElseThrow(() -> new IllegalStateException("no step " + stepId));
    List<NoticeKind> kinds = new ArrayList<>();
    if (s.getOutcome() != null && ReviewStep.ENDED_WITHOUT_NOTICE.contains(s.getOutcome())) {
      return kinds;
    }
    if (s.getStep() == Step.FOCAL_POINT) {
      kinds.add(NoticeKind.FOCAL_POINT_DESIGNATED);
      // The permanent representative was told the interim was in force: now that it ended, too.
      if (sentNotices.wasSent(s.getId(), NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE.name())) {
        kinds.add(NoticeKind.INTERIM_FOCAL_POINT_ENDED);
      }
      Review review = reviews.findById(s.getReviewId()).orElseThrow();
      if (rulebooks.get(review.getRulebookVersion()).focalPointNetwork()) {
        kinds.add(NoticeKind.FOCAL_POINT_CHANGED);
      }
    } else if (s.isRound()) {
      // The answer is announced to the State that asked when it is recorded.
      return kinds;
    } else if (!"CHANGES_REQUESTED".equals(s.getOutcome())) {
      // Changes requested is no "done": the new round of the lists announces itself.
      kinds.add(NoticeKind.STEP_DONE);
    }
    return kinds;
  }

  // ---------------------------------------------------------------- the dialogue's window

  /** What the dialogue's window does next: it is over, or it ends at a time, or it waits (null). */
  public record DialogueEnd(boolean closed, String endsAt) {}

  /**
   * Opens the dialogue's window once every reviewing State's feedback is cleared: the reviewing
   * States may ask for clarification until its end. Idempotent per element instance.
   */
  @Transactional
  public long openDialogue(long elementInstanceKey, long processInstanceKey, String reviewId) {
    Optional<ReviewStep> existing = steps.findByOpenedByElement(elementInstanceKey);
    if (existing.isPresent()) {
      return existing.get().getId();
    }
    Review review =
        reviews
            .lockById(reviewId)
            .orElseThrow(() -> new IllegalStateException("no review " + reviewId));
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    LocalDate today = time.today();
    return steps
        .save(
            ReviewStep.dialogueWindow(
                reviewId,
                today,
                planner.dueDate(rb, Step.DIALOGUE, null, today),
                elementInstanceKey,
                processInstanceKey))
        .getId();
  }

  /**
   * The window closes on the first working day after its last day, at the notice time, if no
   * request is open then; while one is, it waits for the answer (which closes it) or a change.
   * Nothing runs out while the review is on hold: the resume moves the window's end and plans
   * again. "Ended" compares days, not instants, so that a timer firing a moment early never plans
   * itself again.
   */
  @Transactional
  public DialogueEnd planDialogueEnd(long windowId) {
    ReviewStep window =
        steps
            .findById(windowId)
            .orElseThrow(() -> new IllegalStateException("no step " + windowId));
    if (!window.isOpen()) {
      return new DialogueEnd(true, null);
    }
    Review review = reviews.findById(window.getReviewId()).orElseThrow();
    if (review.getStatus() == Review.Status.ON_HOLD) {
      return new DialogueEnd(false, null);
    }
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    LocalDate closingDay = planner.sendingDay(rb, window.getDueOn().plusDays(1));
    if (time.today().isBefore(closingDay)) {
      return new DialogueEnd(false, planner.sendAt(rb, closingDay).toOffsetDateTime().toString());
    }
    boolean requestOpen =
        steps.findByReviewIdAndStatus(window.getReviewId(), ReviewStep.Status.OPEN).stream()
            .anyMatch(ReviewStep::isRound);
    if (requestOpen) {
      return new DialogueEnd(false, null);
    }
    window.markDone(time.today(), "WINDOW_ENDED");
    return new DialogueEnd(true, null);
  }
}
