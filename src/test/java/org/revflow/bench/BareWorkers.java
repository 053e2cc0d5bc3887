package org.revflow.bench;

import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.revflow.bench.PhasePlan.PlannedEvent;
import org.revflow.bench.PhasePlan.PlannedReview;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.LadderInput;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.Rung;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/**
 * RevFlow's workers replaced by workers that only complete their jobs: the same job types, and the
 * variables the models need (step ids, deadlines, the next rung's date so that the same timers
 * run), kept in memory instead of MySQL; notices complete without addressees, rendering or SMTP.
 * Events become the same process messages, published directly instead of through the outbox. What
 * is left is the engine's own share of a phase.
 */
final class BareWorkers implements AutoCloseable {

  private final CamundaClient client;
  private final Rulebook rb;
  private final DeadlinePlanner planner;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Occ> steps = new ConcurrentHashMap<>();
  private final Map<Long, Long> openedByElement = new ConcurrentHashMap<>();
  private final Map<String, Rev> reviews = new ConcurrentHashMap<>();

  /**
   * The launch dates of the reviews planned (a State's next phase, planned when its phase
   * launches).
   */
  private final Map<String, LocalDate> planned = new ConcurrentHashMap<>();

  private final List<JobWorker> workers = new ArrayList<>();
  private final AtomicLong messages = new AtomicLong();
  final AtomicLong jobs = new AtomicLong();

  /**
   * What an occurrence is: the step for its party, the dialogue's window, or a clarification
   * request's round.
   */
  private enum Kind {
    STEP,
    WINDOW,
    ROUND
  }

  private static final class Occ {
    final long id;
    final String reviewId;
    final Step step;
    final String state;
    final Kind kind;
    final String askedBy;
    final LocalDate started;
    volatile LocalDate due;
    volatile LocalDate floor;
    volatile LocalDate doneOn;
    volatile String outcome;
    volatile boolean interimSent;

    Occ(
        long id,
        String reviewId,
        Step step,
        String state,
        LocalDate started,
        LocalDate due,
        LocalDate floor) {
      this(id, reviewId, step, state, Kind.STEP, null, started, due, floor);
    }

    Occ(
        long id,
        String reviewId,
        Step step,
        String state,
        Kind kind,
        String askedBy,
        LocalDate started,
        LocalDate due,
        LocalDate floor) {
      this.id = id;
      this.reviewId = reviewId;
      this.step = step;
      this.state = state;
      this.kind = kind;
      this.askedBy = askedBy;
      this.started = started;
      this.due = due;
      this.floor = floor;
    }
  }

  private static final class Rev {
    final LocalDate launch;
    final String underReview;
    volatile LocalDate onHoldSince;

    Rev(LocalDate launch, String underReview) {
      this.launch = launch;
      this.underReview = underReview;
    }
  }

  BareWorkers(CamundaClient client, Rulebook rb, DeadlinePlanner planner, Clock clock) {
    this.client = client;
    this.rb = rb;
    this.planner = planner;
    this.clock = clock;
    worker(JOB_OPEN_STEP, this::open);
    worker(JOB_PLAN_NEXT_NOTICE, this::plan);
    worker(JOB_CLOSE_STEP, this::close);
    worker(JOB_NOTICE, job -> Map.of());
    worker(JOB_COMPLETE_REVIEW, job -> Map.of());
    worker(JOB_REVIEW_STARTED, job -> Map.of());
    worker(JOB_OPEN_DIALOGUE, this::openDialogue);
    worker(JOB_PLAN_DIALOGUE_END, this::planDialogueEnd);
    worker(JOB_PLAN_LAUNCH, this::planNextMove);
    // Never reached within a phase (the next one launches on its first day): it would launch it.
    worker(JOB_ACT_ON_PLAN, job -> Map.of(VAR_PLAN_OUTCOME, "LAUNCHED"));
  }

  private void worker(String type, Function<ActivatedJob, Map<String, Object>> handler) {
    workers.add(
        client
            .newWorker()
            .jobType(type)
            .handler(
                (JobClient jc, ActivatedJob job) -> {
                  jobs.incrementAndGet();
                  jc.newCompleteCommand(job.getKey()).variables(handler.apply(job)).send().join();
                })
            .maxJobsActive(32)
            .timeout(Duration.ofMinutes(1))
            .streamEnabled(true)
            .open());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), rb.zone());
  }

  private Map<String, Object> open(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    if (v.get(VAR_STEP_ID) instanceof Number byEvent) {
      // An occurrence an event wrote (a clarification round): taken over, announced by its own
      // notice.
      Occ o = steps.get(byEvent.longValue());
      return Map.of(
          VAR_STEP_ID,
          o.id,
          VAR_DUE,
          o.due.toString(),
          VAR_OPENING_NOTICES,
          List.of(NoticeKind.CLARIFICATION_REQUESTED.name()));
    }
    long id =
        openedByElement.computeIfAbsent(
            job.getElementInstanceKey(),
            k -> {
              String reviewId = (String) v.get(VAR_REVIEW_ID);
              Step step = Step.valueOf((String) v.get(VAR_STEP));
              String state = step.secretariatActs() ? null : (String) v.get(VAR_STATE);
              LocalDate today = today();
              Occ o =
                  new Occ(
                      ids.incrementAndGet(),
                      reviewId,
                      step,
                      state,
                      today,
                      planner.dueDate(rb, step, reviews.get(reviewId).launch, today),
                      planner.floorAt(rb, clock.instant()));
              steps.put(o.id, o);
              return o.id;
            });
    Step step = steps.get(id).step;
    boolean quiet = step == Step.FOCAL_POINT || step == Step.EXPERTS || step == Step.SAQ;
    return Map.of(
        VAR_STEP_ID,
        id,
        VAR_DUE,
        steps.get(id).due.toString(),
        VAR_OPENING_NOTICES,
        quiet ? List.of() : List.of(NoticeKind.STEP_OPENED.name()));
  }

  private Map<String, Object> openDialogue(ActivatedJob job) {
    String reviewId = (String) job.getVariablesAsMap().get(VAR_REVIEW_ID);
    long id =
        openedByElement.computeIfAbsent(
            job.getElementInstanceKey(),
            k -> {
              LocalDate today = today();
              Occ o =
                  new Occ(
                      ids.incrementAndGet(),
                      reviewId,
                      Step.DIALOGUE,
                      null,
                      Kind.WINDOW,
                      null,
                      today,
                      planner.dueDate(rb, Step.DIALOGUE, reviews.get(reviewId).launch, today),
                      null);
              steps.put(o.id, o);
              return o.id;
            });
    return Map.of(VAR_DIALOGUE_STEP_ID, id);
  }

  /**
   * As RevFlow plans the window's end: the first working day after its last day, at the notice
   * time; then it closes if no request is open, else waits for the last answer; nothing while on
   * hold.
   */
  private Map<String, Object> planDialogueEnd(ActivatedJob job) {
    Occ w = steps.get(((Number) job.getVariablesAsMap().get(VAR_DIALOGUE_STEP_ID)).longValue());
    Map<String, Object> out = new HashMap<>();
    out.put(VAR_DIALOGUE_CLOSED, false);
    out.put(VAR_DIALOGUE_END_PLANNED, false);
    if (w.doneOn != null) {
      out.put(VAR_DIALOGUE_CLOSED, true);
      return out;
    }
    if (reviews.get(w.reviewId).onHoldSince != null) {
      return out;
    }
    LocalDate closing = planner.sendingDay(rb, w.due.plusDays(1));
    if (today().isBefore(closing)) {
      out.put(VAR_DIALOGUE_END_PLANNED, true);
      out.put(VAR_DIALOGUE_ENDS_AT, planner.sendAt(rb, closing).toOffsetDateTime().toString());
      return out;
    }
    if (openSteps(w.reviewId).stream().noneMatch(o -> o.kind == Kind.ROUND)) {
      w.doneOn = today();
      out.put(VAR_DIALOGUE_CLOSED, true);
    }
    return out;
  }

  /**
   * The next phase launches on its date (the next working day when that is none): after the phase.
   */
  private Map<String, Object> planNextMove(ActivatedJob job) {
    LocalDate on =
        planner.sendingDay(rb, planned.get((String) job.getVariablesAsMap().get(VAR_REVIEW_ID)));
    return Map.of(
        VAR_PLAN_MOVE, "LAUNCH", VAR_PLAN_AT, planner.sendAt(rb, on).toOffsetDateTime().toString());
  }

  private Map<String, Object> plan(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Occ o = steps.get(((Number) v.get(VAR_STEP_ID)).longValue());
    Map<String, Object> out = new HashMap<>();
    Rung lastSent = Rung.fromKey((String) v.get(VAR_LAST_SENT_NOTICE_KEY));
    if (lastSent != null && lastSent.kind() == NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE) {
      o.interimSent = true;
    }
    boolean open = o.doneOn == null;
    Rev rev = reviews.get(o.reviewId);
    var next =
        !open
            ? java.util.Optional.<Rung>empty()
            : planner.nextRung(
                rb,
                new LadderInput(
                    o.step,
                    o.started,
                    o.due,
                    o.floor,
                    lastSent,
                    rev.onHoldSince != null,
                    false,
                    o.step.secretariatActs()));
    out.put("stepOpen", open);
    out.put(VAR_NOTICE_PLANNED, next.isPresent());
    out.put(
        VAR_NEXT_NOTICE_AT,
        next.map(r -> planner.sendAt(rb, r.date()).toOffsetDateTime().toString()).orElse(null));
    out.put(VAR_NEXT_NOTICE_KIND, next.map(r -> r.kind().name()).orElse(null));
    out.put(VAR_NOTICE_KEY, next.map(Rung::key).orElse(null));
    out.put(VAR_DUE, o.due.toString());
    return out;
  }

  private Map<String, Object> close(ActivatedJob job) {
    Occ o = steps.get(((Number) job.getVariablesAsMap().get(VAR_STEP_ID)).longValue());
    List<String> kinds = new ArrayList<>();
    if (o.kind == Kind.ROUND || "DIALOGUE_CLOSED".equals(o.outcome)) {
      // A round's answer is announced when recorded; rounds the closing ended are told nothing.
    } else if (o.step == Step.FOCAL_POINT) {
      kinds.add(NoticeKind.FOCAL_POINT_DESIGNATED.name());
      if (o.interimSent) {
        kinds.add(NoticeKind.INTERIM_FOCAL_POINT_ENDED.name());
      }
      if (rb.focalPointNetwork()) {
        kinds.add(NoticeKind.FOCAL_POINT_CHANGED.name());
      }
    } else {
      kinds.add(NoticeKind.STEP_DONE.name());
    }
    return Map.of(VAR_COMPLETION_NOTICES, kinds);
  }

  /**
   * Starts the review's process with the message and variables ReviewLaunchService gives it, and
   * the "Planned review" instance of the State's next phase, unless that is known already.
   */
  void launch(PlannedReview r, LocalDate launch) {
    reviews.put(r.id(), new Rev(launch, r.underReview()));
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_REVIEW_ID, r.id());
    vars.put(VAR_UNDER_REVIEW, r.underReview());
    vars.put(VAR_PHASE, r.phase());
    vars.put(VAR_PARTICIPATING_STATES, r.participating());
    vars.put(VAR_REVIEWING_STATES, r.reviewers());
    publish(MSG_REVIEW_LAUNCHED, r.id(), "launch-" + r.id(), vars, Duration.ZERO);
    planned.putIfAbsent(r.id(), launch);
    LocalDate nextLaunch = planner.nextPhaseStart(rb, launch);
    String next = r.underReview() + "-P" + (r.phase() + 1) + "-" + nextLaunch.getYear();
    if (r.phase() < 4 && planned.putIfAbsent(next, nextLaunch) == null) {
      publish(MSG_REVIEW_PLANNED, next, "plan-" + next, Map.of(VAR_REVIEW_ID, next), Duration.ZERO);
    }
  }

  /** The messages ReviewService would publish for this event. */
  void record(PlannedEvent e) {
    LocalDate d = e.on();
    String id = e.reviewId();
    String evt = "bare-" + messages.incrementAndGet();
    switch (e.type()) {
      case FOCAL_POINT_DESIGNATED -> complete(find(id, Step.FOCAL_POINT, e.state()), d, null, evt);
      case EXPERTS_DESIGNATED -> complete(find(id, Step.EXPERTS, e.state()), d, null, evt);
      case PRELIMINARY_CONSULTATION_HELD ->
          complete(find(id, Step.PRELIMINARY_CONSULTATION, null), d, null, evt);
      case SAQ_CLEARED -> complete(find(id, Step.SAQ, reviews.get(id).underReview), d, null, evt);
      case TRANSLATION_DONE -> complete(find(id, Step.TRANSLATION, null), d, null, evt);
      case FEEDBACK_CLEARED -> complete(find(id, Step.FEEDBACK, e.state()), d, null, evt);
      case CLARIFICATION_REQUESTED -> {
        window(id);
        Occ round =
            new Occ(
                ids.incrementAndGet(),
                id,
                Step.DIALOGUE,
                reviews.get(id).underReview,
                Kind.ROUND,
                e.state(),
                d,
                planner.roundDueDate(rb, Step.DIALOGUE, d),
                planner.floorAt(rb, clock.instant()));
        steps.put(round.id, round);
        Map<String, Object> vars = new HashMap<>();
        vars.put(VAR_REVIEW_ID, id);
        vars.put(VAR_STEP, Step.DIALOGUE.name());
        vars.put(VAR_STATE, round.state);
        vars.put(VAR_STEP_ID, round.id);
        publish(
            MSG_STEP_OPENED,
            String.valueOf(round.id),
            evt + "-open-" + round.id,
            vars,
            Duration.ZERO);
      }
      case CLARIFICATION_ANSWERED -> {
        Occ window = window(id);
        List<Occ> rounds =
            openSteps(id).stream()
                .filter(o -> o.kind == Kind.ROUND)
                .sorted(java.util.Comparator.comparingLong(o -> o.id))
                .toList();
        Occ answered =
            rounds.stream()
                .filter(o -> e.state() == null || e.state().equals(o.askedBy))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException("no request of " + e.state() + " open in " + id));
        complete(answered, d, "ANSWERED", evt);
        announce(id, NoticeKind.CLARIFICATION_ANSWERED, Step.DIALOGUE, answered.askedBy, null, evt);
        if (rounds.size() == 1 && d.isAfter(window.due)) {
          complete(window, d, "WINDOW_ENDED", evt);
        }
      }
      case DIALOGUE_CLOSED -> {
        Occ window = window(id);
        openSteps(id).stream()
            .filter(o -> o.kind == Kind.ROUND)
            .forEach(o -> complete(o, d, "DIALOGUE_CLOSED", evt));
        complete(window, d, "CLOSED", evt);
      }
      case OBSERVATIONS_CLEARED -> complete(find(id, Step.OBSERVATIONS, e.state()), d, null, evt);
      case OBSERVATIONS_AGREED ->
          complete(
              find(id, Step.OBSERVATIONS_AGREEMENT, reviews.get(id).underReview), d, "AGREED", evt);
      case SUMMARY_CLEARED -> complete(find(id, Step.SUMMARY, e.state()), d, null, evt);
      case SUMMARY_AGREED ->
          complete(find(id, Step.SUMMARY_AGREEMENT, reviews.get(id).underReview), d, "AGREED", evt);
      case FINALISED -> complete(find(id, Step.FINALISATION, null), d, null, evt);
      case REVIEW_ON_HOLD -> {
        reviews.get(id).onHoldSince = d;
        openSteps(id).forEach(o -> replan(o, evt));
        announce(id, NoticeKind.REVIEW_ON_HOLD, null, null, null, evt);
      }
      case REVIEW_RESUMED -> {
        Rev rev = reviews.get(id);
        long held = java.time.temporal.ChronoUnit.DAYS.between(rev.onHoldSince, d);
        rev.onHoldSince = null;
        for (Occ o : openSteps(id)) {
          o.due = o.due.plusDays(held);
          o.floor = d;
          replan(o, evt);
        }
        announce(id, NoticeKind.REVIEW_RESUMED, null, null, null, evt);
      }
      case DEADLINE_EXTENDED -> {
        Occ o = find(id, e.step(), e.state());
        o.due = e.newDue();
        o.floor = d;
        replan(o, evt);
        announce(id, NoticeKind.DEADLINE_EXTENDED, o.step, o.state, o.id, evt);
      }
      default -> throw new IllegalStateException("the phase plan has no " + e.type());
    }
  }

  private List<Occ> openSteps(String reviewId) {
    return steps.values().stream()
        .filter(o -> o.reviewId.equals(reviewId) && o.doneOn == null)
        .toList();
  }

  private Occ window(String reviewId) {
    return openSteps(reviewId).stream()
        .filter(o -> o.kind == Kind.WINDOW)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the dialogue is not open in " + reviewId));
  }

  private Occ find(String reviewId, Step step, String state) {
    return openSteps(reviewId).stream()
        .filter(o -> o.kind == Kind.STEP && o.step == step && Objects.equals(o.state, state))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(step + " " + state + " not open in " + reviewId));
  }

  private void complete(Occ o, LocalDate d, String outcome, String evt) {
    o.doneOn = d;
    o.outcome = outcome;
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_OUTCOME, outcome);
    publish(
        MSG_STEP_COMPLETED, String.valueOf(o.id), evt + "-done-" + o.id, vars, Duration.ofDays(1));
  }

  private void replan(Occ o, String evt) {
    publish(
        MSG_STEP_REPLANNED, String.valueOf(o.id), evt + "-replan-" + o.id, Map.of(), Duration.ZERO);
  }

  private void announce(
      String reviewId, NoticeKind kind, Step step, String state, Long stepId, String evt) {
    String key = "EVENT-" + evt + ":" + kind + (state == null ? "" : ":" + state);
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_REVIEW_ID, reviewId);
    vars.put(VAR_NOTICE_KIND, kind.name());
    vars.put(VAR_STEP, step == null ? null : step.name());
    vars.put(VAR_STATE, state);
    vars.put(VAR_NOTICE_KEY, key);
    if (stepId != null) {
      vars.put(VAR_STEP_ID, stepId);
    }
    publish(MSG_ANNOUNCEMENT, reviewId + ":" + key, evt + "-" + kind, vars, Duration.ZERO);
  }

  private void publish(
      String name, String key, String messageId, Map<String, Object> vars, Duration ttl) {
    client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(key)
        .messageId(messageId)
        .timeToLive(ttl)
        .variables(vars)
        .send()
        .join();
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
