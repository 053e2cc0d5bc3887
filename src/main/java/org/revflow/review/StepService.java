package org.revflow.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.revflow.config.RevFlowProperties;
import org.revflow.notification.NoticeKind;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.LadderInput;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.RulebookRegistry;
import org.revflow.rulebook.Rung;
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
  private final Clock clock;
  private final RevFlowProperties properties;

  StepService(ReviewRepository reviews, ReviewStepRepository steps, ReviewEventRepository events,
      RulebookRegistry rulebooks, DeadlinePlanner planner, Clock clock, RevFlowProperties properties) {
    this.reviews = reviews;
    this.steps = steps;
    this.events = events;
    this.rulebooks = rulebooks;
    this.planner = planner;
    this.clock = clock;
    this.properties = properties;
  }

  public record Opened(long stepId, LocalDate due) {}

  public record Planned(Rung rung, String sendAt) {}

  /**
   * The ladder's next move: nothing more for a step that is done, else the next rung if any; with
   * the step's deadline as it stands (events move it).
   */
  public record Plan(boolean stepOpen, Optional<Planned> next, LocalDate due) {}

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), properties.zone());
  }

  /** Idempotent per element instance: a retried job returns the step it opened the first time. */
  @Transactional
  public Opened open(long elementInstanceKey, long processInstanceKey, String reviewId, Step step, String state) {
    Optional<ReviewStep> existing = steps.findByOpenedByElement(elementInstanceKey);
    if (existing.isPresent()) {
      return new Opened(existing.get().getId(), existing.get().getDueOn());
    }
    Review review = reviews.lockById(reviewId).orElseThrow(() -> new IllegalStateException("no review " + reviewId));
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    LocalDate today = today();
    int round = 1 + (int) steps.findByReviewIdOrderById(reviewId).stream()
        .filter(s -> s.getStep() == step && java.util.Objects.equals(s.getStateCode(), state)).count();
    LocalDate due;
    if (round > 1 && step == Step.OBSERVATIONS) {
      LocalDate requested = events.findFirstByReviewIdAndTypeOrderByIdDesc(reviewId, EventType.CHANGES_REQUESTED)
          .map(ReviewEvent::getOccurredOn).orElse(today);
      due = planner.roundDueDate(rb, step, requested);
    } else {
      due = planner.dueDate(rb, step, review.getLaunchDate(), today);
    }
    // A rung whose sending time had passed when the step opened is not sent: "a reminder that
    // would fall before the step started" (also a review launched with a past T0).
    LocalDate floor = planner.floorAt(rb, clock.instant());
    ReviewStep saved = steps.save(new ReviewStep(reviewId, step, step.secretariatActs() ? null : state, round, today,
        due, floor, elementInstanceKey, processInstanceKey));
    return new Opened(saved.getId(), due);
  }

  /** The next rung still to send for this step, given the last one sent (by key), or empty. */
  @Transactional(readOnly = true)
  public Plan planNext(long stepId, String lastSentKey) {
    ReviewStep s = steps.findById(stepId).orElseThrow(() -> new IllegalStateException("no step " + stepId));
    if (!s.isOpen()) {
      return new Plan(false, Optional.empty(), s.getDueOn());
    }
    Review review = reviews.findById(s.getReviewId()).orElseThrow();
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    LadderInput in = new LadderInput(s.getStep(), s.getStartedOn(), s.getDueOn(), s.getFloorExclusive(),
        Rung.fromKey(lastSentKey), review.getStatus() == Review.Status.ON_HOLD, s.isPaused(), s.getStep().secretariatActs());
    return new Plan(true, planner.nextRung(rb, in)
        .map(r -> new Planned(r, planner.sendAt(rb, r.date()).toOffsetDateTime().toString())), s.getDueOn());
  }

  /** The notices that announce the step done; the step itself was closed when the event was recorded. */
  @Transactional(readOnly = true)
  public List<String> completionNotices(long stepId) {
    ReviewStep s = steps.findById(stepId).orElseThrow(() -> new IllegalStateException("no step " + stepId));
    List<String> kinds = new ArrayList<>();
    if (s.getStep() == Step.FOCAL_POINT) {
      kinds.add(NoticeKind.FOCAL_POINT_DESIGNATED.name());
      LocalDate done = s.getDoneOn() == null ? today() : s.getDoneOn();
      // The permanent representative has been interim focal point since D + 1 (para 18).
      if (done.isAfter(s.getDueOn())) {
        kinds.add(NoticeKind.INTERIM_FOCAL_POINT_ENDED.name());
      }
    } else if (!"CHANGES_REQUESTED".equals(s.getOutcome())) {
      // Changes requested is no "done": the model tells the reviewing States instead.
      kinds.add(NoticeKind.STEP_DONE.name());
    }
    return kinds;
  }

  public Optional<ReviewStep> find(long stepId) {
    return steps.findById(stepId);
  }
}
