package org.revflow.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.revflow.config.ApiException;
import org.revflow.config.MechanismTime;
import org.revflow.registry.ActingFocalPoint;
import org.revflow.registry.FocalPointResolver;
import org.revflow.rulebook.Rulebook;
import org.revflow.vocabulary.Step;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of reviews for the API. */
@Service
public class ReviewQueries {

  private final ReviewRepository reviews;
  private final ReviewParticipantRepository participants;
  private final ReviewStepRepository steps;
  private final ReviewEventRepository events;
  private final FocalPointResolver focalPoints;
  private final org.revflow.rulebook.RulebookRegistry rulebooks;
  private final org.revflow.rulebook.DeadlinePlanner planner;
  private final MechanismTime time;

  ReviewQueries(
      ReviewRepository reviews,
      ReviewParticipantRepository participants,
      ReviewStepRepository steps,
      ReviewEventRepository events,
      FocalPointResolver focalPoints,
      org.revflow.rulebook.RulebookRegistry rulebooks,
      org.revflow.rulebook.DeadlinePlanner planner,
      MechanismTime time) {
    this.rulebooks = rulebooks;
    this.planner = planner;
    this.reviews = reviews;
    this.participants = participants;
    this.steps = steps;
    this.events = events;
    this.focalPoints = focalPoints;
    this.time = time;
  }

  @Transactional(readOnly = true)
  public ReviewView get(String id) {
    Review r = reviews.findById(id).orElseThrow(() -> ApiException.notFound("no review " + id));
    return view(r, true);
  }

  /**
   * The reviews not launched yet (planned, or waiting for their draw), by date, optionally one
   * State's or one phase's.
   */
  @Transactional(readOnly = true)
  public List<ReviewView> planned(String state, Integer phase) {
    return reviews.findAll().stream()
        .filter(r -> r.getStatus().planned())
        .filter(r -> state == null || r.getUnderReview().equals(state))
        .filter(r -> phase == null || r.getPhase() == phase)
        .sorted(Comparator.comparing(Review::getLaunchDate).thenComparing(Review::getId))
        .map(r -> view(r, false))
        .toList();
  }

  /**
   * The reviews not launched yet, as {@link #planned} gives them but without their acting focal
   * points (an empty list): the workplan's page and the dashboard show the plans and their
   * reviewing States, and a plan's acting focal points are registry reads for each of its States (a
   * phase's 189 plans cost each of those pages some 1,500 statements). The plans' participants and
   * steps are read in one statement each.
   */
  @Transactional(readOnly = true)
  public List<ReviewView> plannedWithoutFocalPoints() {
    List<Review> plans =
        reviews.findAll().stream()
            .filter(r -> r.getStatus().planned())
            .sorted(Comparator.comparing(Review::getLaunchDate).thenComparing(Review::getId))
            .toList();
    if (plans.isEmpty()) {
      return List.of();
    }
    List<String> ids = plans.stream().map(Review::getId).toList();
    var ps =
        participants.findByReviewIdInOrderById(ids).stream()
            .collect(java.util.stream.Collectors.groupingBy(ReviewParticipant::getReviewId));
    var ss =
        steps.findByReviewIdInOrderById(ids).stream()
            .collect(java.util.stream.Collectors.groupingBy(ReviewStep::getReviewId));
    return plans.stream()
        .map(
            r ->
                view(
                    r,
                    ps.getOrDefault(r.getId(), List.of()),
                    ss.getOrDefault(r.getId(), List.of()),
                    List.of(),
                    List.of()))
        .toList();
  }

  /**
   * One page of the reviews, newest first, filtered by State (reviewed or reviewing), phase, open
   * step and overdue. The filters are read in three statements for all reviews at once; only the
   * page's reviews are read in full.
   */
  @Transactional(readOnly = true)
  public Page<ReviewView> list(
      String state, Integer phase, Step step, Boolean overdue, int page, int size) {
    LocalDate today = time.today();
    java.util.Set<String> withState =
        state == null ? null : new java.util.HashSet<>(participants.reviewIdsOf(state));
    java.util.Map<String, List<ReviewStep>> open =
        step == null && overdue == null
            ? java.util.Map.of()
            : steps.findByStatus(ReviewStep.Status.OPEN).stream()
                .collect(java.util.stream.Collectors.groupingBy(ReviewStep::getReviewId));
    List<Review> matching =
        reviews.findAll().stream()
            .filter(r -> phase == null || r.getPhase() == phase)
            .filter(
                r ->
                    state == null
                        || r.getUnderReview().equals(state)
                        || withState.contains(r.getId()))
            .filter(
                r ->
                    step == null
                        || open.getOrDefault(r.getId(), List.of()).stream()
                            .anyMatch(s -> s.getStep() == step))
            .filter(
                r ->
                    overdue == null
                        || overdue
                            == open.getOrDefault(r.getId(), List.of()).stream()
                                .anyMatch(s -> today.isAfter(s.getDueOn())))
            .sorted(
                Comparator.comparing(Review::getLaunchDate).reversed().thenComparing(Review::getId))
            .toList();
    int from = (int) Math.min((long) page * size, matching.size());
    int to = Math.min(from + size, matching.size());
    return new PageImpl<>(
        matching.subList(from, to).stream().map(r -> view(r, false)).toList(),
        PageRequest.of(page, size),
        matching.size());
  }

  /**
   * The steps a launch notice announces to a State, with their deadlines: at the launch its focal
   * point (unless one is in place), experts, and the questionnaire for the State under review; for
   * a State that joined later, the steps it has open (its own and those it took over).
   */
  @Transactional(readOnly = true)
  public java.util.LinkedHashMap<Step, LocalDate> firstSteps(String reviewId, String state) {
    Review r =
        reviews
            .findById(reviewId)
            .orElseThrow(() -> ApiException.notFound("no review " + reviewId));
    java.util.LinkedHashMap<Step, LocalDate> result = new java.util.LinkedHashMap<>();
    boolean joinedLater =
        participants.findByReviewIdOrderById(reviewId).stream()
            .anyMatch(
                p ->
                    p.isActive()
                        && p.getStateCode().equals(state)
                        && p.getJoinedOn().isAfter(r.getLaunchDate()));
    if (joinedLater) {
      steps.findByReviewIdAndStatus(reviewId, ReviewStep.Status.OPEN).stream()
          .filter(s -> state.equals(s.getStateCode()))
          .sorted(Comparator.comparing(ReviewStep::getStep))
          .forEach(s -> result.putIfAbsent(s.getStep(), s.getDueOn()));
      return result;
    }
    Rulebook rb = rulebooks.get(r.getRulebookVersion());
    if (focalPoints.actingFocalPoint(reviewId, state, time.now()).interim()) {
      result.put(
          Step.FOCAL_POINT,
          planner.dueDate(rb, Step.FOCAL_POINT, r.getLaunchDate(), r.getLaunchDate()));
    }
    result.put(
        Step.EXPERTS, planner.dueDate(rb, Step.EXPERTS, r.getLaunchDate(), r.getLaunchDate()));
    if (state.equals(r.getUnderReview())) {
      result.put(Step.SAQ, planner.dueDate(rb, Step.SAQ, r.getLaunchDate(), r.getLaunchDate()));
    }
    return result;
  }

  private ReviewView view(Review r, boolean withHistory) {
    List<ReviewParticipant> ps = participants.findByReviewIdOrderById(r.getId());
    List<ReviewStep> all = steps.findByReviewIdOrderById(r.getId());
    List<ReviewView.ActingFocalPointView> acting =
        ps.stream()
            .filter(ReviewParticipant::isActive)
            .map(ReviewParticipant::getStateCode)
            .distinct()
            .map(
                s -> {
                  ActingFocalPoint a = focalPoints.actingFocalPoint(r.getId(), s, time.now());
                  return new ReviewView.ActingFocalPointView(
                      s,
                      a.person() == null ? null : a.person().name(),
                      a.person() == null ? null : a.person().email(),
                      a.interim(),
                      a.reason());
                })
            .toList();
    List<ReviewView.EventView> history =
        !withHistory
            ? List.of()
            : events.findByReviewIdOrderById(r.getId()).stream()
                .map(
                    e ->
                        new ReviewView.EventView(
                            e.getId(),
                            e.getType(),
                            e.getStateCode(),
                            e.getStep(),
                            e.getOccurredOn(),
                            e.getReference(),
                            e.getDetails(),
                            e.getRecordedAt(),
                            e.getRecordedBy()))
                .toList();
    return view(r, ps, all, acting, history);
  }

  private ReviewView view(
      Review r,
      List<ReviewParticipant> ps,
      List<ReviewStep> all,
      List<ReviewView.ActingFocalPointView> acting,
      List<ReviewView.EventView> history) {
    LocalDate today = time.today();
    List<ReviewView.StepView> open =
        all.stream().filter(ReviewStep::isOpen).map(s -> step(s, today)).toList();
    List<ReviewView.StepView> done =
        all.stream().filter(s -> !s.isOpen()).map(s -> step(s, today)).toList();
    return new ReviewView(
        r.getId(),
        r.getUnderReview(),
        r.getPhase(),
        r.getLaunchDate(),
        r.getRulebookVersion(),
        r.getStatus().name(),
        r.getOnHoldSince(),
        r.getProcessInstanceKey(),
        ps.stream()
            .map(
                p ->
                    new ReviewView.Participant(
                        p.getStateCode(),
                        p.getRole().name(),
                        p.getInstrument(),
                        p.isActive(),
                        p.getJoinedOn(),
                        p.getLeftOn(),
                        p.getLeftReason()))
            .toList(),
        open,
        done,
        acting,
        history,
        r.getPlannedOn(),
        r.getGroup(),
        r.getPreviousReviewId());
  }

  private static ReviewView.StepView step(ReviewStep s, LocalDate today) {
    LocalDate end = s.isOpen() ? today : s.getDoneOn();
    long overdue = Math.max(0, ChronoUnit.DAYS.between(s.getDueOn(), end));
    return new ReviewView.StepView(
        s.getId(),
        s.getStep(),
        s.getStateCode(),
        s.getRound(),
        s.getStartedOn(),
        s.getDueOn(),
        s.getOriginalDueOn(),
        s.getDeadlineRevision(),
        overdue,
        s.isPaused(),
        s.getDoneOn());
  }
}
