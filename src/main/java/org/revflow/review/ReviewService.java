package org.revflow.review;

import static org.revflow.process.ProcessConstants.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.revflow.config.ApiException;
import org.revflow.config.MechanismTime;
import org.revflow.process.NoticeKeys;
import org.revflow.process.ProcessMessages;
import org.revflow.registry.DesignationService.Origin;
import org.revflow.registry.FocalPointChanged;
import org.revflow.review.ReviewCommands.RecordEvent;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.RulebookRegistry;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path from a person's action to the process: launches reviews and records every event,
 * whether it comes from the secretariat API, an action link or a simulation. Each event is checked
 * against the review's current state, written to MySQL, and turned into process messages in the
 * same transaction (through the outbox); a refused event changes nothing.
 */
@Service
public class ReviewService {

  private static final Duration COMPLETION_TTL = Duration.ofDays(1);

  private final ReviewRepository reviews;
  private final ReviewParticipantRepository participants;
  private final ReviewStepRepository steps;
  private final ReviewEventRepository events;
  private final RulebookRegistry rulebooks;
  private final DeadlinePlanner planner;
  private final ProcessMessages messages;
  private final StateDirectory stateDirectory;
  private final ReviewLookups lookups;
  private final MechanismTime time;

  ReviewService(
      ReviewRepository reviews,
      ReviewParticipantRepository participants,
      ReviewStepRepository steps,
      ReviewEventRepository events,
      RulebookRegistry rulebooks,
      DeadlinePlanner planner,
      ProcessMessages messages,
      StateDirectory stateDirectory,
      ReviewLookups lookups,
      MechanismTime time) {
    this.reviews = reviews;
    this.participants = participants;
    this.steps = steps;
    this.events = events;
    this.rulebooks = rulebooks;
    this.planner = planner;
    this.messages = messages;
    this.stateDirectory = stateDirectory;
    this.lookups = lookups;
    this.time = time;
  }

  // ---------------------------------------------------------------- events

  /**
   * A field another event type uses is a mistake by the caller (a designation sent as something
   * else, a date in the wrong event): refused rather than silently dropped from the record.
   */
  private static void refuseFieldsOfOtherEvents(RecordEvent cmd) {
    List<String> stray = new ArrayList<>();
    if (cmd.person() != null && cmd.type() != EventType.FOCAL_POINT_DESIGNATED) {
      stray.add("person (only for FOCAL_POINT_DESIGNATED)");
    }
    if (cmd.experts() != null && cmd.type() != EventType.EXPERTS_DESIGNATED) {
      stray.add("experts (only for EXPERTS_DESIGNATED)");
    }
    if (cmd.newDue() != null && cmd.type() != EventType.DEADLINE_EXTENDED) {
      stray.add("newDue (only for DEADLINE_EXTENDED)");
    }
    if ((cmd.oldState() != null || cmd.newState() != null)
        && cmd.type() != EventType.REVIEWER_REPLACED) {
      stray.add("oldState/newState (only for REVIEWER_REPLACED)");
    }
    if (!stray.isEmpty()) {
      throw ApiException.invalid(cmd.type() + " does not take " + String.join(", ", stray));
    }
  }

  /** Records one event; refuses (and changes nothing) what the review cannot accept now. */
  @Transactional
  @org.revflow.config.RetryOnLockConflict
  public ReviewEvent record(String reviewId, RecordEvent cmd, String actor) {
    Review review =
        reviews
            .lockById(reviewId)
            .orElseThrow(() -> ApiException.notFound("no review " + reviewId));
    LocalDate today = time.today();
    LocalDate on = cmd.on() == null ? today : cmd.on();
    if (on.isAfter(today)) {
      throw ApiException.invalid(
          "the event date " + on + " lies in the future (today is " + today + " in Vienna)");
    }
    if (review.getStatus() == Review.Status.COMPLETED) {
      throw ApiException.conflict(
          "review " + reviewId + " is completed and accepts no more events");
    }
    if (!review.getStatus().launched()) {
      throw ApiException.conflict(
          "review "
              + reviewId
              + " is "
              + review.getStatus().name().toLowerCase(java.util.Locale.ROOT)
              + ", not launched: its plan is changed through the workplan");
    }
    refuseFieldsOfOtherEvents(cmd);
    List<ReviewStep> open = steps.findByReviewIdAndStatus(reviewId, ReviewStep.Status.OPEN);
    ReviewEvent event =
        events.save(
            new ReviewEvent(
                reviewId,
                cmd.type(),
                cmd.state(),
                cmd.step(),
                on,
                cmd.reference(),
                summary(cmd),
                time.now(),
                actor));
    Effects fx = new Effects(event);
    switch (cmd.type()) {
      case REVIEW_LAUNCHED ->
          throw ApiException.invalid(
              "reviews are launched with POST /api/reviews, not as an event");
      case REVIEW_PLANNED, PLAN_MOVED, PLAN_CANCELLED, REVIEWERS_DRAWN ->
          throw ApiException.invalid(
              cmd.type() + " is recorded by the workplan (/api/workplan), not as an event");
      case FOCAL_POINT_DESIGNATED -> {
        String state = requireParticipant(review, cmd.state());
        if (cmd.person() == null) {
          throw ApiException.invalid("FOCAL_POINT_DESIGNATED needs the 'person' designated");
        }
        // The registry tells what changed (applyFocalPointChange): the same path as its own doors.
        stateDirectory.designateFocalPoint(
            reviewId,
            state,
            cmd.person(),
            cmd.reference(),
            on,
            actor,
            Origin.reviewEvent(event.getId()));
      }
      case FOCAL_POINT_ENDED -> {
        String state = requireParticipant(review, cmd.state());
        if (cmd.reason() == null || cmd.reason().isBlank()) {
          throw ApiException.invalid("FOCAL_POINT_ENDED needs a 'reason'");
        }
        stateDirectory.endFocalPoint(
            reviewId,
            state,
            cmd.reference() == null ? "-" : cmd.reference(),
            cmd.reason(),
            actor,
            Origin.reviewEvent(event.getId()));
      }
      case EXPERTS_DESIGNATED -> {
        String state = requireParticipant(review, cmd.state());
        if (cmd.experts() != null && !cmd.experts().isEmpty()) {
          stateDirectory.designateExperts(
              reviewId, state, cmd.experts(), cmd.reference(), on, actor);
        }
        completeFor(review, open, Step.EXPERTS, state, fx, null);
      }
      case PRELIMINARY_CONSULTATION_HELD ->
          completeFor(review, open, Step.PRELIMINARY_CONSULTATION, null, fx, null);
      case SAQ_CLEARED -> completeFor(review, open, Step.SAQ, review.getUnderReview(), fx, null);
      case TRANSLATION_DONE -> completeFor(review, open, Step.TRANSLATION, null, fx, null);
      case FEEDBACK_CLEARED ->
          completeFor(review, open, Step.FEEDBACK, requireReviewer(review, cmd.state()), fx, null);
      case CLARIFICATION_REQUESTED -> clarificationRequested(review, cmd, open, on, fx);
      case CLARIFICATION_ANSWERED -> clarificationAnswered(review, cmd, open, on, fx);
      case DIALOGUE_CLOSED -> {
        ReviewStep window = dialogueWindow(open);
        // Rounds still open end with the dialogue: nobody owes an answer any more.
        open.stream()
            .filter(ReviewStep::isRound)
            .forEach(r -> fx.complete(r, on, "DIALOGUE_CLOSED"));
        fx.complete(window, on, "CLOSED");
      }
      case OBSERVATIONS_CLEARED ->
          completeFor(
              review, open, Step.OBSERVATIONS, requireReviewer(review, cmd.state()), fx, null);
      case OBSERVATIONS_AGREED ->
          completeFor(
              review, open, Step.OBSERVATIONS_AGREEMENT, review.getUnderReview(), fx, "AGREED");
      case CHANGES_REQUESTED ->
          completeFor(
              review,
              open,
              Step.OBSERVATIONS_AGREEMENT,
              review.getUnderReview(),
              fx,
              "CHANGES_REQUESTED");
      case SUMMARY_CLEARED ->
          completeFor(review, open, Step.SUMMARY, requireReviewer(review, cmd.state()), fx, null);
      case SUMMARY_AGREED ->
          completeFor(review, open, Step.SUMMARY_AGREEMENT, review.getUnderReview(), fx, "AGREED");
      case FINALISED -> completeFor(review, open, Step.FINALISATION, null, fx, null);
      case REVIEW_ON_HOLD -> {
        if (review.getStatus() == Review.Status.ON_HOLD) {
          throw ApiException.conflict("review " + reviewId + " is already on hold");
        }
        review.putOnHold(on);
        open.forEach(fx::replan);
        fx.announceToAll(NoticeKind.REVIEW_ON_HOLD);
      }
      case REVIEW_RESUMED -> {
        if (review.getStatus() != Review.Status.ON_HOLD) {
          throw ApiException.conflict("review " + reviewId + " is not on hold");
        }
        long held = ChronoUnit.DAYS.between(review.getOnHoldSince(), on);
        if (held < 0) {
          throw ApiException.invalid(
              "resume date " + on + " lies before the hold date " + review.getOnHoldSince());
        }
        review.resume();
        for (ReviewStep s : open) {
          // The clock stops while on hold: every open deadline moves by the length of the hold. A
          // vacancy has none: its notices count from the day the focal point left, and those that
          // fell during the hold are not sent.
          if (!s.isVacancy()) {
            s.moveDeadline(s.getDueOn().plusDays(held), today);
          }
          if (s.isPaused()) {
            s.pause();
          }
          fx.replan(s);
        }
        fx.announceToAll(NoticeKind.REVIEW_RESUMED);
      }
      case DEADLINE_EXTENDED -> deadlineExtended(review, cmd, open, today, fx);
      case REVIEWER_REPLACED -> reviewerReplaced(review, cmd, open, on, fx);
      // History only: the interim lasts until a designation, whatever is acknowledged.
      case INTERIM_ROLE_ACKNOWLEDGED -> requireParticipant(review, cmd.state());
    }
    fx.flush();
    return event;
  }

  /**
   * A State's focal point changed in the registry, whichever door it came through (this service's
   * events, the designation endpoints, a CSV import, the end of a designation): the same notices
   * follow. A change from a review event belongs to that event; one from elsewhere is recorded in
   * the review's history as an event of its own.
   */
  @Transactional
  public void applyFocalPointChange(FocalPointChanged change) {
    if (change.atLaunch()) {
      return; // in place from the launch: the launch notice says so
    }
    Review review = reviews.lockById(change.reviewId()).orElse(null);
    if (review == null || review.getStatus() == Review.Status.COMPLETED) {
      return;
    }
    boolean designated = change.change() == FocalPointChanged.Change.DESIGNATED;
    ReviewEvent event =
        change.reviewEventId() != null
            ? events.findById(change.reviewEventId()).orElseThrow()
            : events.save(
                new ReviewEvent(
                    review.getId(),
                    designated ? EventType.FOCAL_POINT_DESIGNATED : EventType.FOCAL_POINT_ENDED,
                    change.stateCode(),
                    null,
                    change.on(),
                    change.noteVerbaleRef(),
                    "through the registry"
                        + (change.reason() == null ? "" : "; reason=" + change.reason()),
                    time.now(),
                    change.actor()));
    Effects fx = new Effects(event);
    String state = change.stateCode();
    List<ReviewStep> open = steps.findByReviewIdAndStatus(review.getId(), ReviewStep.Status.OPEN);
    var focalPointStep =
        open.stream()
            .filter(s -> s.getStep() == Step.FOCAL_POINT && state.equals(s.getStateCode()))
            .findFirst();
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    if (designated) {
      if (focalPointStep.isPresent()) {
        // Its completion notices welcome the focal point, end an announced interim, tell the
        // others.
        fx.complete(focalPointStep.get(), change.on(), null);
      } else {
        fx.announce(NoticeKind.FOCAL_POINT_DESIGNATED, Step.FOCAL_POINT, state);
        if (rb.focalPointNetwork()) {
          fx.announce(NoticeKind.FOCAL_POINT_CHANGED, Step.FOCAL_POINT, state);
        }
      }
    } else if (focalPointStep.isEmpty()) {
      // Paragraph 18: the permanent representative acts again, and is told so that day.
      LocalDate day = time.today();
      ReviewStep vacancy =
          steps.save(
              ReviewStep.openedByEvent(
                  review.getId(),
                  Step.FOCAL_POINT,
                  state,
                  nextRound(review.getId(), Step.FOCAL_POINT, state),
                  ReviewStep.Occurrence.FOCAL_POINT_VACANCY,
                  null,
                  day,
                  day,
                  day));
      fx.startStep(vacancy);
    }
    fx.flush();
  }

  private void clarificationRequested(
      Review review, RecordEvent cmd, List<ReviewStep> open, LocalDate on, Effects fx) {
    dialogueWindow(open);
    String asker = cmd.state() == null ? null : requireReviewer(review, cmd.state());
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    // The reviewed State answers each request by its own deadline, with its own ladder.
    ReviewStep round =
        steps.save(
            ReviewStep.openedByEvent(
                review.getId(),
                Step.DIALOGUE,
                review.getUnderReview(),
                nextRound(review.getId(), Step.DIALOGUE, review.getUnderReview()),
                ReviewStep.Occurrence.CLARIFICATION_ROUND,
                asker,
                on,
                planner.roundDueDate(rb, Step.DIALOGUE, on),
                planner.floorAt(rb, time.now())));
    fx.startStep(round);
  }

  private void clarificationAnswered(
      Review review, RecordEvent cmd, List<ReviewStep> open, LocalDate on, Effects fx) {
    ReviewStep window = dialogueWindow(open);
    String asker = cmd.state() == null ? null : requireReviewer(review, cmd.state());
    List<ReviewStep> rounds =
        open.stream()
            .filter(ReviewStep::isRound)
            .sorted(java.util.Comparator.comparing(ReviewStep::getRound))
            .toList();
    ReviewStep answered =
        rounds.stream()
            .filter(r -> asker == null || asker.equals(r.getRequestedBy()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "no clarification request"
                            + (asker == null ? "" : " of " + asker)
                            + " is waiting for an answer"));
    fx.complete(answered, on, "ANSWERED");
    List<String> toldStates =
        answered.getRequestedBy() != null
            ? List.of(answered.getRequestedBy())
            : lookups.reviewingStates(review.getId());
    // Addressed to the State that asked: the round's own row names the State that answers.
    for (String s : toldStates) {
      fx.announce(NoticeKind.CLARIFICATION_ANSWERED, Step.DIALOGUE, s);
    }
    // The window's closing day (the first working day after its last) has come and this was the
    // last open request: the dialogue closes now. An answer between the last day and that day
    // leaves
    // the closing to the window's timer, on the closing day, as when no request was asked.
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    LocalDate closingDay = planner.sendingDay(rb, window.getDueOn().plusDays(1));
    if (rounds.size() == 1 && !on.isBefore(closingDay)) {
      fx.complete(window, on, "WINDOW_ENDED");
    }
  }

  private void deadlineExtended(
      Review review, RecordEvent cmd, List<ReviewStep> open, LocalDate today, Effects fx) {
    if (cmd.step() == null || cmd.newDue() == null) {
      throw ApiException.invalid("DEADLINE_EXTENDED needs 'step' and 'newDue'");
    }
    if (cmd.reason() == null || cmd.reason().isBlank()) {
      throw ApiException.invalid(
          "DEADLINE_EXTENDED needs a 'reason' (note verbale or decision reference)");
    }
    ReviewStep s;
    if (cmd.step() == Step.DIALOGUE) {
      // The oldest open request's answer; with none open, the window in which the reviewing States
      // may ask.
      if (cmd.state() != null && !cmd.state().equals(review.getUnderReview())) {
        throw ApiException.invalid(
            "the dialogue's deadlines are the State under review's ("
                + review.getUnderReview()
                + ")");
      }
      s =
          open.stream()
              .filter(ReviewStep::isRound)
              .min(java.util.Comparator.comparing(ReviewStep::getRound))
              .orElseGet(() -> dialogueWindow(open));
    } else {
      String state =
          cmd.step().secretariatActs()
              ? null
              : cmd.state() != null
                  ? requireParticipant(review, cmd.state())
                  : defaultState(review, cmd.step());
      s = openStep(open, cmd.step(), state);
      if (s.isVacancy()) {
        throw ApiException.conflict(
            "the focal point of "
                + state
                + " left without a successor: there is no deadline"
                + " to extend, the permanent representative acts until a designation");
      }
    }
    if (!cmd.newDue().isAfter(today)) {
      throw ApiException.invalid(
          "the new deadline " + cmd.newDue() + " must lie after today (" + today + ")");
    }
    fx.previousDue = s.getDueOn();
    s.moveDeadline(cmd.newDue(), today);
    fx.replan(s);
    if (s.isWindow()) {
      for (String state : lookups.participatingStates(review.getId())) {
        fx.announce(
            NoticeKind.DEADLINE_EXTENDED, Step.DIALOGUE, state, Map.of(VAR_STEP_ID, s.getId()));
      }
    } else {
      fx.announce(
          NoticeKind.DEADLINE_EXTENDED,
          s.getStep(),
          s.getStateCode(),
          Map.of(VAR_STEP_ID, s.getId()));
    }
  }

  private void reviewerReplaced(
      Review review, RecordEvent cmd, List<ReviewStep> open, LocalDate on, Effects fx) {
    if (cmd.instrument() == null || cmd.oldState() == null || cmd.newState() == null) {
      throw ApiException.invalid("REVIEWER_REPLACED needs 'instrument', 'oldState' and 'newState'");
    }
    if (cmd.reason() == null || cmd.reason().isBlank()) {
      throw ApiException.invalid("REVIEWER_REPLACED needs a 'reason'");
    }
    requireKnownState(cmd.newState());
    List<ReviewParticipant> all = participants.findByReviewIdOrderById(review.getId());
    ReviewParticipant leaving =
        all.stream()
            .filter(
                p ->
                    p.isActive()
                        && p.getRole() == ReviewParticipant.Role.REVIEWER
                        && p.getStateCode().equals(cmd.oldState())
                        && cmd.instrument().name().equals(p.getInstrument()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        cmd.oldState()
                            + " is not a reviewing State for "
                            + cmd.instrument()
                            + " in review "
                            + review.getId()));
    boolean alreadyIn =
        all.stream().anyMatch(p -> p.isActive() && p.getStateCode().equals(cmd.newState()));
    if (alreadyIn) {
      throw ApiException.conflict(
          cmd.newState() + " already takes part in review " + review.getId());
    }
    leaving.leave(on, cmd.reason());
    participants.save(
        new ReviewParticipant(
            review.getId(),
            cmd.newState(),
            ReviewParticipant.Role.REVIEWER,
            cmd.instrument().name(),
            on));
    boolean stillReviewing =
        all.stream()
            .anyMatch(
                p ->
                    p != leaving
                        && p.isActive()
                        && p.getRole() == ReviewParticipant.Role.REVIEWER
                        && p.getStateCode().equals(cmd.oldState()));
    if (!stillReviewing) {
      for (ReviewStep s : open) {
        if (s.isRound() && cmd.oldState().equals(s.getRequestedBy())) {
          // Its open requests are the new reviewer's now: the answer goes to it, as the released
          // State hears nothing more of the review.
          s.requestHandedOverTo(cmd.newState());
        }
        if (!cmd.oldState().equals(s.getStateCode())) {
          continue;
        }
        if (s.getStep().actor() == Step.Actor.EACH_REVIEWING_STATE) {
          // The new reviewer takes over the old one's open steps, with their deadlines.
          s.handOverTo(cmd.newState());
          fx.replan(s);
        } else {
          // Its own focal point and experts no longer matter to this review.
          fx.complete(s, on, "RELEASED");
        }
      }
    }
    // The new State joins as a drawn one would: its own focal point and experts, counted from
    // today.
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    LocalDate floor = planner.floorAt(rb, time.now());
    for (Step step : List.of(Step.FOCAL_POINT, Step.EXPERTS)) {
      fx.startStep(
          steps.save(
              ReviewStep.openedByEvent(
                  review.getId(),
                  step,
                  cmd.newState(),
                  nextRound(review.getId(), step, cmd.newState()),
                  ReviewStep.Occurrence.STEP,
                  null,
                  on,
                  planner.dueDate(rb, step, on, on),
                  floor)));
    }
    fx.updateReviewingStates(
        review,
        lookups.reviewingStates(review.getId()),
        lookups.participatingStates(review.getId()));
    // The notices read the old and new State and the instrument from the event (eventId).
    fx.announce(NoticeKind.REVIEW_LAUNCHED, null, cmd.newState());
    fx.announce(NoticeKind.REVIEWER_REPLACED, null, cmd.newState());
    fx.announce(NoticeKind.REVIEWER_RELEASED, null, cmd.oldState());
  }

  private ReviewStep dialogueWindow(List<ReviewStep> open) {
    return open.stream()
        .filter(ReviewStep::isWindow)
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.conflict(
                    "the dialogue is not open (it has not started, or it is closed)"));
  }

  private int nextRound(String reviewId, Step step, String state) {
    return 1
        + (int)
            steps.findByReviewIdOrderById(reviewId).stream()
                .filter(s -> s.getStep() == step && Objects.equals(state, s.getStateCode()))
                .count();
  }

  private void completeFor(
      Review review, List<ReviewStep> open, Step step, String state, Effects fx, String outcome) {
    fx.complete(openStep(open, step, state), fx.event.getOccurredOn(), outcome);
  }

  private ReviewStep openStep(List<ReviewStep> open, Step step, String state) {
    return open.stream()
        .filter(
            s ->
                s.getStep() == step
                    && Objects.equals(state, s.getStateCode())
                    && !s.isWindow()
                    && !s.isRound())
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.conflict(
                    "step "
                        + step
                        + (state == null ? "" : " for " + state)
                        + " is not open (it is done, or has not started yet)"));
  }

  private String defaultState(Review review, Step step) {
    if (step.actor() == Step.Actor.REVIEWED_STATE) {
      return review.getUnderReview();
    }
    throw ApiException.invalid(
        "step " + step + " is done by each State separately: name the 'state'");
  }

  private String requireParticipant(Review review, String state) {
    if (state == null) {
      throw ApiException.invalid("this event needs the 'state' it concerns");
    }
    if (!lookups.participatingStates(review.getId()).contains(state)) {
      throw ApiException.conflict(state + " does not take part in review " + review.getId());
    }
    return state;
  }

  private String requireReviewer(Review review, String state) {
    if (state == null) {
      throw ApiException.invalid("this event needs the reviewing 'state' it concerns");
    }
    if (!lookups.reviewingStates(review.getId()).contains(state)) {
      throw ApiException.conflict(state + " is not a reviewing State of review " + review.getId());
    }
    return state;
  }

  private void requireKnownState(String code) {
    if (!stateDirectory.isKnownState(code)) {
      throw ApiException.notFound("unknown State '" + code + "'");
    }
  }

  private static String summary(RecordEvent cmd) {
    List<String> parts = new ArrayList<>();
    if (cmd.reason() != null) parts.add("reason=" + cmd.reason());
    if (cmd.newDue() != null) parts.add("newDue=" + cmd.newDue());
    if (cmd.instrument() != null) parts.add("instrument=" + cmd.instrument());
    if (cmd.oldState() != null) parts.add("old=" + cmd.oldState());
    if (cmd.newState() != null) parts.add("new=" + cmd.newState());
    if (cmd.person() != null) parts.add("person=" + cmd.person().email());
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /** The process messages one event causes, queued in the event's transaction. */
  private final class Effects {
    private final ReviewEvent event;
    private final List<Runnable> queued = new ArrayList<>();
    private LocalDate previousDue;

    Effects(ReviewEvent event) {
      this.event = event;
    }

    void complete(ReviewStep step, LocalDate on, String outcome) {
      step.markDone(on, outcome);
      Map<String, Object> vars = new HashMap<>();
      vars.put(VAR_OUTCOME, outcome);
      queued.add(
          () ->
              messages.enqueue(
                  MSG_STEP_COMPLETED,
                  String.valueOf(step.getId()),
                  "evt-" + event.getId() + "-done-" + step.getId(),
                  vars,
                  COMPLETION_TTL));
    }

    /**
     * An occurrence this event opened: its own "Step with a deadline" instance opens and runs it.
     */
    void startStep(ReviewStep step) {
      Map<String, Object> vars = new HashMap<>();
      vars.put(VAR_REVIEW_ID, step.getReviewId());
      vars.put(VAR_STEP, step.getStep().name());
      vars.put(VAR_STATE, step.getStateCode());
      vars.put(VAR_STEP_ID, step.getId());
      queued.add(
          () ->
              messages.enqueue(
                  MSG_STEP_OPENED,
                  String.valueOf(step.getId()),
                  "evt-" + event.getId() + "-open-" + step.getId(),
                  vars,
                  Duration.ZERO));
    }

    void replan(ReviewStep step) {
      // No time to live: a step that is not waiting re-reads the database before it waits again.
      queued.add(
          () ->
              messages.enqueue(
                  MSG_STEP_REPLANNED,
                  String.valueOf(step.getId()),
                  "evt-" + event.getId() + "-replan-" + step.getId(),
                  Map.of(),
                  Duration.ZERO));
    }

    void announce(NoticeKind kind, Step step, String state) {
      announce(kind, step, state, Map.of());
    }

    void announce(NoticeKind kind, Step step, String state, Map<String, Object> extra) {
      Map<String, Object> vars = new HashMap<>(extra);
      String noticeKey = NoticeKeys.event(event.getId(), kind, state);
      vars.put(VAR_REVIEW_ID, event.getReviewId());
      vars.put(VAR_NOTICE_KIND, kind.name());
      vars.put(VAR_STEP, step == null ? null : step.name());
      vars.put(VAR_STATE, state);
      vars.put(VAR_EVENT_ID, event.getId());
      vars.put(VAR_NOTICE_KEY, noticeKey);
      // The message starts an instance of its own: no time to live is needed, and the unique key
      // keeps simultaneous announcements of one review from queueing behind each other.
      queued.add(
          () ->
              messages.enqueue(
                  MSG_ANNOUNCEMENT,
                  event.getReviewId() + ":" + noticeKey,
                  "evt-" + event.getId() + "-" + kind + (state == null ? "" : "-" + state),
                  vars,
                  Duration.ZERO));
    }

    void announceToAll(NoticeKind kind) {
      announce(kind, null, null);
    }

    void updateReviewingStates(Review review, List<String> reviewing, List<String> participating) {
      Long key = review.getProcessInstanceKey();
      if (key == null) {
        // The launch is committed but its instance has not started yet (moments, or while the
        // engine is away): the new lists would not reach it, so nothing is changed.
        throw ApiException.conflict(
            "review "
                + review.getId()
                + " has not started in the engine yet; record the"
                + " replacement again in a moment");
      }
      // Later per-reviewer steps read this list when they start. Through the outbox, like the
      // messages of the same event, so it reaches the engine before them and only if MySQL commits.
      queued.add(
          () ->
              messages.enqueueVariables(
                  key,
                  "ReviewingStatesChanged",
                  "evt-" + event.getId() + "-reviewing",
                  Map.of(
                      VAR_REVIEWING_STATES, reviewing, VAR_PARTICIPATING_STATES, participating)));
    }

    void flush() {
      if (previousDue != null) {
        event.addDetail("previousDue=" + previousDue);
      }
      queued.forEach(Runnable::run);
    }
  }
}
