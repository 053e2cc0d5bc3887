package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revflow.config.ApiException;
import org.revflow.config.MechanismTime;
import org.revflow.config.RetryOnLockConflict;
import org.revflow.process.ProcessMessages;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.Rulebook;
import org.revflow.vocabulary.EventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The multi-year workplan's reviews before they launch: planned, moved, cancelled, given their
 * reviewing States, launched early; and what their "Planned review" instance waits for next. A
 * planned review keeps the id it was planned with wherever its date moves; the engine cannot move a
 * running timer, so every change publishes PlanChanged and the instance plans again.
 */
@Service
public class ReviewPlanService {

  /**
   * The secretariat is told this long before the date when a planned review has no reviewing States
   * [C].
   */
  static final int DRAW_NOTICE_DAYS = 30;

  private final ReviewRepository reviews;
  private final ReviewParticipantRepository participants;
  private final ReviewEventRepository events;
  private final ReviewLaunchService launches;
  private final DeadlinePlanner planner;
  private final ProcessMessages messages;
  private final MechanismTime time;

  ReviewPlanService(
      ReviewRepository reviews,
      ReviewParticipantRepository participants,
      ReviewEventRepository events,
      ReviewLaunchService launches,
      DeadlinePlanner planner,
      ProcessMessages messages,
      MechanismTime time) {
    this.reviews = reviews;
    this.participants = participants;
    this.events = events;
    this.launches = launches;
    this.planner = planner;
    this.messages = messages;
    this.time = time;
  }

  /**
   * One review of the workplan: a State, a phase, a date, optionally its group and reviewing
   * States.
   */
  public record Plan(
      String state,
      int phase,
      LocalDate plannedOn,
      Integer group,
      Map<ReviewCommands.Instrument, List<String>> reviewers) {}

  /**
   * Every problem a plan has against the reviews known now and the other plans of the same batch
   * (all reported, none written): unknown State, phase out of 1-4, a date in the past, a second
   * plan for a State and phase, phases out of order.
   */
  @Transactional(readOnly = true)
  public List<String> problems(List<Plan> plans) {
    List<String> problems = new ArrayList<>();
    LocalDate today = time.today();
    for (int i = 0; i < plans.size(); i++) {
      Plan p = plans.get(i);
      String where =
          plans.size() > 1
              ? "plan " + (i + 1) + " (" + p.state() + ", phase " + p.phase() + "): "
              : "";
      if (p.state() == null || !launches.stateDirectoryKnows(p.state())) {
        problems.add(where + "unknown State '" + p.state() + "'");
        continue;
      }
      if (p.phase() < 1 || p.phase() > 4) {
        problems.add(where + "phase must be 1 to 4");
        continue;
      }
      if (p.group() != null && (p.group() < 1 || p.group() > 3)) {
        problems.add(where + "group must be 1, 2 or 3");
      }
      if (p.plannedOn() == null) {
        problems.add(where + "a planned date is required");
        continue;
      }
      if (p.plannedOn().isBefore(today)) {
        problems.add(
            where
                + "the planned date "
                + p.plannedOn()
                + " lies in the past (today is "
                + today
                + ")");
      }
      for (int j = 0; j < i; j++) {
        if (plans.get(j).state().equals(p.state()) && plans.get(j).phase() == p.phase()) {
          problems.add(
              where
                  + "phase "
                  + p.phase()
                  + " of "
                  + p.state()
                  + " is planned twice (plan "
                  + (j + 1)
                  + ")");
        }
      }
      Optional<Review> known = known(p.state(), p.phase());
      known.ifPresent(
          r ->
              problems.add(
                  where
                      + "phase "
                      + p.phase()
                      + " of "
                      + p.state()
                      + " is already "
                      + (r.getStatus().planned()
                          ? "planned (" + r.getId() + " on " + r.getLaunchDate() + ")"
                          : "launched (" + r.getId() + ")")));
      String order = orderProblem(p, plans);
      if (order != null) {
        problems.add(where + order);
      }
      if (p.reviewers() != null) {
        try {
          launches.reviewers(p.state(), p.reviewers());
        } catch (ApiException e) {
          problems.add(where + e.getMessage());
        }
      }
    }
    return problems;
  }

  /**
   * A phase must start after the State's phase before it and before its phase after, wherever they
   * are known.
   */
  private String orderProblem(Plan p, List<Plan> batch) {
    for (Review r : reviews.findByUnderReviewOrderByLaunchDateDesc(p.state())) {
      if (r.getStatus() == Review.Status.CANCELLED) {
        continue;
      }
      if (r.getPhase() < p.phase() && !r.getLaunchDate().isBefore(p.plannedOn())) {
        return "phase "
            + p.phase()
            + " on "
            + p.plannedOn()
            + " would start before phase "
            + r.getPhase()
            + " ("
            + r.getId()
            + ", "
            + r.getLaunchDate()
            + ")";
      }
      if (r.getPhase() > p.phase() && !r.getLaunchDate().isAfter(p.plannedOn())) {
        return "phase "
            + p.phase()
            + " on "
            + p.plannedOn()
            + " would start after phase "
            + r.getPhase()
            + " ("
            + r.getId()
            + ", "
            + r.getLaunchDate()
            + ")";
      }
    }
    for (Plan other : batch) {
      if (other != p
          && other.state() != null
          && other.state().equals(p.state())
          && other.plannedOn() != null
          && other.phase() < p.phase()
          && !other.plannedOn().isBefore(p.plannedOn())) {
        return "phase "
            + p.phase()
            + " on "
            + p.plannedOn()
            + " would start before phase "
            + other.phase()
            + " ("
            + other.plannedOn()
            + ")";
      }
    }
    return null;
  }

  private Optional<Review> known(String state, int phase) {
    return reviews.findByUnderReviewOrderByLaunchDateDesc(state).stream()
        .filter(r -> r.getPhase() == phase && r.getStatus() != Review.Status.CANCELLED)
        .findFirst();
  }

  /** Plans every review of a batch, or none: a batch with a problem is refused whole. */
  @RetryOnLockConflict
  @Transactional
  public List<Review> plan(List<Plan> plans, String actor) {
    List<String> problems = problems(plans);
    if (!problems.isEmpty()) {
      throw new PlanRefused(problems);
    }
    List<Review> planned = new ArrayList<>();
    for (Plan p : plans) {
      String id = p.state() + "-P" + p.phase() + "-" + p.plannedOn().getYear();
      if (reviews.existsById(id)) {
        throw new PlanRefused(List.of("review " + id + " already exists"));
      }
      Rulebook rulebook = launches.rulebook(null);
      String previous = known(p.state(), p.phase() - 1).map(Review::getId).orElse(null);
      Review plan =
          reviews.save(
              Review.planned(
                  id,
                  p.state(),
                  p.phase(),
                  p.plannedOn(),
                  p.group(),
                  rulebook.id(),
                  previous,
                  time.now(),
                  actor));
      participants.save(
          new ReviewParticipant(
              id, p.state(), ReviewParticipant.Role.UNDER_REVIEW, null, p.plannedOn()));
      if (p.reviewers() != null) {
        launches
            .reviewers(p.state(), p.reviewers())
            .forEach(
                (instrument, states) ->
                    states.forEach(
                        s ->
                            participants.save(
                                new ReviewParticipant(
                                    id,
                                    s,
                                    ReviewParticipant.Role.REVIEWER,
                                    instrument,
                                    p.plannedOn()))));
      }
      events.save(
          new ReviewEvent(
              id,
              EventType.REVIEW_PLANNED,
              null,
              null,
              time.today(),
              null,
              "planned for " + p.plannedOn() + (p.group() == null ? "" : "; group=" + p.group()),
              time.now(),
              actor));
      launches.startPlan(plan);
      planned.add(plan);
    }
    return planned;
  }

  /** Moves a planned review to another date; it keeps its id. */
  @RetryOnLockConflict
  @Transactional
  public Review move(String id, LocalDate date, String reason, String actor) {
    Review r = plannedReview(id);
    requireReason(reason);
    if (date == null || date.isBefore(time.today())) {
      throw ApiException.invalid(
          "the new date " + date + " must not lie in the past (today is " + time.today() + ")");
    }
    String order =
        orderProblem(
            new Plan(r.getUnderReview(), r.getPhase(), date, r.getGroup(), null), List.of());
    if (order != null) {
      throw ApiException.conflict(order);
    }
    LocalDate before = r.getLaunchDate();
    r.moveTo(date);
    participants.findByReviewIdOrderById(id).forEach(p -> p.joinOn(date));
    events.save(
        new ReviewEvent(
            id,
            EventType.PLAN_MOVED,
            null,
            null,
            time.today(),
            null,
            "reason=" + reason + "; previous=" + before + "; plannedOn=" + date,
            time.now(),
            actor));
    changed(r, "moved");
    return r;
  }

  @RetryOnLockConflict
  @Transactional
  public Review cancel(String id, String reason, String actor) {
    Review r = plannedReview(id);
    requireReason(reason);
    r.cancel();
    events.save(
        new ReviewEvent(
            id,
            EventType.PLAN_CANCELLED,
            null,
            null,
            time.today(),
            null,
            "reason=" + reason,
            time.now(),
            actor));
    changed(r, "cancelled");
    return r;
  }

  /**
   * Launches a planned review today, before its date; refused while its reviewing States are not
   * drawn.
   */
  @RetryOnLockConflict
  @Transactional
  public Review launchEarly(String id, String reason, String actor) {
    Review r = plannedReview(id);
    requireReason(reason);
    if (!launches.launchPlanned(
        r, actor, "launched early (planned for " + r.getPlannedOn() + "): " + reason)) {
      throw ApiException.conflict(id + " has no reviewing States yet: record the draw first");
    }
    changed(r, "launched");
    return r;
  }

  /**
   * Records the reviewing States drawn for a planned review. One that was waiting for them launches
   * now (T0 is today); one whose date is still to come launches on it.
   */
  @RetryOnLockConflict
  @Transactional
  public Review recordDraw(
      String id,
      Map<ReviewCommands.Instrument, List<String>> reviewers,
      String reference,
      String actor) {
    Review r = plannedReview(id);
    if (reviewers == null
        || reviewers.isEmpty()
        || reviewers.values().stream().allMatch(List::isEmpty)) {
      throw ApiException.invalid("the draw names no reviewing State");
    }
    Map<String, List<String>> checked = launches.reviewers(r.getUnderReview(), reviewers);
    participants.findByReviewIdOrderById(id).stream()
        .filter(p -> p.getRole() == ReviewParticipant.Role.REVIEWER)
        .forEach(participants::delete);
    participants.flush();
    checked.forEach(
        (instrument, states) ->
            states.forEach(
                s ->
                    participants.save(
                        new ReviewParticipant(
                            id,
                            s,
                            ReviewParticipant.Role.REVIEWER,
                            instrument,
                            r.getLaunchDate()))));
    events.save(
        new ReviewEvent(
            id,
            EventType.REVIEWERS_DRAWN,
            null,
            null,
            time.today(),
            reference,
            "reviewers=" + checked,
            time.now(),
            actor));
    participants.flush();
    if (r.getStatus() == Review.Status.WAITING_FOR_DRAW) {
      launches.launchPlanned(
          r,
          actor,
          "launched the day its draw was recorded (planned for " + r.getPlannedOn() + ")");
    }
    changed(r, "drawn");
    return r;
  }

  /** What a "Planned review" instance waits for next. */
  public record NextMove(Kind kind, String at) {
    public enum Kind {
      /** The day to remind the secretariat that the review has no reviewing States. */
      DRAW_CHECK,
      /** The launch date (the next working day when it is none). */
      LAUNCH,
      /** Nothing dated: the review waits for its draw, or a change. */
      WAIT,
      /** Launched or cancelled: the instance ends. */
      DONE
    }
  }

  @Transactional
  public NextMove nextMove(String id, long processInstanceKey) {
    Review r = reviews.lockById(id).orElseThrow(() -> new IllegalStateException("no review " + id));
    r.attachPlanProcessInstance(processInstanceKey);
    if (!r.getStatus().planned()) {
      return new NextMove(NextMove.Kind.DONE, null);
    }
    if (r.getStatus() == Review.Status.WAITING_FOR_DRAW) {
      return new NextMove(NextMove.Kind.WAIT, null);
    }
    Rulebook rb = launches.rulebook(null);
    LocalDate launchDay = planner.sendingDay(rb, r.getLaunchDate());
    LocalDate checkDay = planner.sendingDay(rb, r.getLaunchDate().minusDays(DRAW_NOTICE_DAYS));
    if (!hasReviewers(id) && time.today().isBefore(checkDay) && checkDay.isBefore(launchDay)) {
      return new NextMove(
          NextMove.Kind.DRAW_CHECK, planner.sendAt(rb, checkDay).toOffsetDateTime().toString());
    }
    return new NextMove(
        NextMove.Kind.LAUNCH, planner.sendAt(rb, launchDay).toOffsetDateTime().toString());
  }

  /**
   * What the plan's instance does when its date comes: tell the secretariat a draw is needed,
   * launch, or nothing.
   */
  public enum Outcome {
    NOTIFY_DRAW_NEEDED,
    LAUNCHED,
    NOTHING
  }

  @Transactional
  public Outcome act(String id, NextMove.Kind kind) {
    Review r = reviews.lockById(id).orElseThrow(() -> new IllegalStateException("no review " + id));
    if (!r.getStatus().planned()) {
      return Outcome.NOTHING;
    }
    Rulebook rb = launches.rulebook(null);
    if (kind == NextMove.Kind.DRAW_CHECK) {
      return hasReviewers(id) ? Outcome.NOTHING : Outcome.NOTIFY_DRAW_NEEDED;
    }
    // Days, not instants: a timer that fires a moment early must not launch a day late.
    if (kind != NextMove.Kind.LAUNCH
        || time.today().isBefore(planner.sendingDay(rb, r.getLaunchDate()))) {
      return Outcome.NOTHING; // the plan moved since the timer was set
    }
    if (launches.launchPlanned(r, "engine", null)) {
      return Outcome.LAUNCHED;
    }
    r.waitForDraw();
    events.save(
        new ReviewEvent(
            id,
            EventType.REVIEW_PLANNED,
            null,
            null,
            time.today(),
            null,
            "its date has come without reviewing States: waiting for the draw",
            time.now(),
            "engine"));
    return Outcome.NOTIFY_DRAW_NEEDED;
  }

  private boolean hasReviewers(String id) {
    return participants.findByReviewIdOrderById(id).stream()
        .anyMatch(p -> p.getRole() == ReviewParticipant.Role.REVIEWER);
  }

  private Review plannedReview(String id) {
    Review r = reviews.lockById(id).orElseThrow(() -> ApiException.notFound("no review " + id));
    if (!r.getStatus().planned()) {
      throw ApiException.conflict(
          id + " is not a planned review (it is " + r.getStatus().name().toLowerCase() + ")");
    }
    return r;
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid("a 'reason' is required (a note verbale or a decision)");
    }
  }

  /** The engine cannot move a running timer: the plan's instance is told to plan again. */
  private void changed(Review r, String what) {
    Map<String, Object> vars = new HashMap<>();
    messages.enqueue(
        MSG_PLAN_CHANGED,
        r.getId(),
        "plan-" + r.getId() + "-" + what + "-" + time.now().toEpochMilli(),
        vars,
        Duration.ofDays(1));
  }

  /** A workplan refused whole, with every problem found. */
  public static final class PlanRefused extends RuntimeException {
    private final List<String> problems;

    public PlanRefused(List<String> problems) {
      super("the plan is refused: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
