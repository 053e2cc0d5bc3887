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
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.LadderInput;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.Rung;

/**
 * RevFlow's workers replaced by workers that only complete their jobs: the same job types, and the
 * variables the models need (step ids, deadlines, the next rung's date so that the same timers run),
 * kept in memory instead of MySQL; notices complete without addressees, rendering or SMTP. Events
 * become the same process messages, published directly instead of through the outbox. What is left
 * is the engine's own share of a phase.
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
  private final List<JobWorker> workers = new ArrayList<>();
  private final AtomicLong messages = new AtomicLong();
  final AtomicLong jobs = new AtomicLong();

  private static final class Occ {
    final long id;
    final String reviewId;
    final Step step;
    final String state;
    final LocalDate started;
    volatile LocalDate due;
    volatile LocalDate floor;
    volatile LocalDate doneOn;

    Occ(long id, String reviewId, Step step, String state, LocalDate started, LocalDate due, LocalDate floor) {
      this.id = id;
      this.reviewId = reviewId;
      this.step = step;
      this.state = state;
      this.started = started;
      this.due = due;
      this.floor = floor;
    }
  }

  private static final class Rev {
    final LocalDate launch;
    volatile LocalDate onHoldSince;

    Rev(LocalDate launch) {
      this.launch = launch;
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
  }

  private void worker(String type, Function<ActivatedJob, Map<String, Object>> handler) {
    workers.add(client.newWorker().jobType(type)
        .handler((JobClient jc, ActivatedJob job) -> {
          jobs.incrementAndGet();
          jc.newCompleteCommand(job.getKey()).variables(handler.apply(job)).send().join();
        })
        .maxJobsActive(32).timeout(Duration.ofMinutes(1)).streamEnabled(true).open());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), rb.zone());
  }

  private Map<String, Object> open(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    long id = openedByElement.computeIfAbsent(job.getElementInstanceKey(), k -> {
      String reviewId = (String) v.get(VAR_REVIEW_ID);
      Step step = Step.valueOf((String) v.get(VAR_STEP));
      String state = step.secretariatActs() ? null : (String) v.get(VAR_STATE);
      LocalDate today = today();
      Occ o = new Occ(ids.incrementAndGet(), reviewId, step, state, today,
          planner.dueDate(rb, step, reviews.get(reviewId).launch, today), planner.floorAt(rb, clock.instant()));
      steps.put(o.id, o);
      return o.id;
    });
    Step step = steps.get(id).step;
    boolean quiet = step == Step.FOCAL_POINT || step == Step.EXPERTS || step == Step.SAQ;
    return Map.of(VAR_STEP_ID, id, VAR_DUE, steps.get(id).due.toString(),
        VAR_OPENING_NOTICES, quiet ? List.of() : List.of(NoticeKind.STEP_OPENED.name()));
  }

  private Map<String, Object> openDialogue(ActivatedJob job) {
    String reviewId = (String) job.getVariablesAsMap().get(VAR_REVIEW_ID);
    long id = openedByElement.computeIfAbsent(job.getElementInstanceKey(), k -> {
      LocalDate today = today();
      Occ o = new Occ(ids.incrementAndGet(), reviewId, Step.DIALOGUE, null, today,
          planner.dueDate(rb, Step.DIALOGUE, reviews.get(reviewId).launch, today), today);
      steps.put(o.id, o);
      return o.id;
    });
    return Map.of(VAR_DIALOGUE_STEP_ID, id);
  }

  /** The window closes when the plan says so; the bare run never plans its end, the event closes it. */
  private Map<String, Object> planDialogueEnd(ActivatedJob job) {
    Occ o = steps.get(((Number) job.getVariablesAsMap().get(VAR_DIALOGUE_STEP_ID)).longValue());
    return Map.of(VAR_DIALOGUE_CLOSED, o.doneOn != null, VAR_DIALOGUE_END_PLANNED, false);
  }

  private Map<String, Object> plan(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Occ o = steps.get(((Number) v.get(VAR_STEP_ID)).longValue());
    Map<String, Object> out = new HashMap<>();
    boolean open = o.doneOn == null;
    Rev rev = reviews.get(o.reviewId);
    var next = !open ? java.util.Optional.<Rung>empty() : planner.nextRung(rb, new LadderInput(o.step, o.started,
        o.due, o.floor, Rung.fromKey((String) v.get("lastSentNoticeKey")), rev.onHoldSince != null, false,
        o.step.secretariatActs()));
    out.put("stepOpen", open);
    out.put(VAR_NOTICE_PLANNED, next.isPresent());
    out.put(VAR_NEXT_NOTICE_AT, next.map(r -> planner.sendAt(rb, r.date()).toOffsetDateTime().toString()).orElse(null));
    out.put(VAR_NEXT_NOTICE_KIND, next.map(r -> r.kind().name()).orElse(null));
    out.put(VAR_NOTICE_KEY, next.map(Rung::key).orElse(null));
    out.put(VAR_DUE, o.due.toString());
    return out;
  }

  private Map<String, Object> close(ActivatedJob job) {
    Occ o = steps.get(((Number) job.getVariablesAsMap().get(VAR_STEP_ID)).longValue());
    List<String> kinds = new ArrayList<>();
    if (o.step == Step.FOCAL_POINT) {
      kinds.add(NoticeKind.FOCAL_POINT_DESIGNATED.name());
      if (o.doneOn.isAfter(o.due)) {
        kinds.add(NoticeKind.INTERIM_FOCAL_POINT_ENDED.name());
      }
    } else {
      kinds.add(NoticeKind.STEP_DONE.name());
    }
    return Map.of(VAR_COMPLETION_NOTICES, kinds);
  }

  /** Starts the review's process with the message and variables ReviewService gives it. */
  void launch(PlannedReview r, LocalDate launch) {
    reviews.put(r.id(), new Rev(launch));
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_REVIEW_ID, r.id());
    vars.put(VAR_UNDER_REVIEW, r.underReview());
    vars.put(VAR_PHASE, r.phase());
    vars.put(VAR_PARTICIPATING_STATES, r.participating());
    vars.put(VAR_REVIEWING_STATES, r.reviewers());
    publish(MSG_REVIEW_LAUNCHED, r.id(), "launch-" + r.id(), vars, Duration.ZERO);
  }

  /** The messages ReviewService would publish for this event. */
  void record(PlannedEvent e) {
    LocalDate d = e.on();
    String id = e.reviewId();
    String evt = "bare-" + messages.incrementAndGet();
    switch (e.type()) {
      case FOCAL_POINT_DESIGNATED -> complete(find(id, Step.FOCAL_POINT, e.state()), d, null, evt);
      case EXPERTS_DESIGNATED -> complete(find(id, Step.EXPERTS, e.state()), d, null, evt);
      case PRELIMINARY_CONSULTATION_HELD -> complete(find(id, Step.PRELIMINARY_CONSULTATION, null), d, null, evt);
      case SAQ_CLEARED -> complete(findAny(id, Step.SAQ), d, null, evt);
      case TRANSLATION_DONE -> complete(find(id, Step.TRANSLATION, null), d, null, evt);
      case FEEDBACK_CLEARED -> complete(find(id, Step.FEEDBACK, e.state()), d, null, evt);
      case DIALOGUE_CLOSED -> complete(findAny(id, Step.DIALOGUE), d, null, evt);
      case OBSERVATIONS_CLEARED -> complete(find(id, Step.OBSERVATIONS, e.state()), d, null, evt);
      case OBSERVATIONS_AGREED -> complete(findAny(id, Step.OBSERVATIONS_AGREEMENT), d, "AGREED", evt);
      case SUMMARY_CLEARED -> complete(find(id, Step.SUMMARY, e.state()), d, null, evt);
      case SUMMARY_AGREED -> openSteps(id).stream()
          .filter(o -> o.step == Step.SUMMARY || o.step == Step.SUMMARY_AGREEMENT)
          .forEach(o -> complete(o, d, null, evt));
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
    return steps.values().stream().filter(o -> o.reviewId.equals(reviewId) && o.doneOn == null).toList();
  }

  private Occ findAny(String reviewId, Step step) {
    return openSteps(reviewId).stream().filter(o -> o.step == step).findFirst()
        .orElseThrow(() -> new IllegalStateException(step + " not open in " + reviewId));
  }

  private Occ find(String reviewId, Step step, String state) {
    return openSteps(reviewId).stream().filter(o -> o.step == step && Objects.equals(o.state, state)).findFirst()
        .orElseThrow(() -> new IllegalStateException(step + " " + state + " not open in " + reviewId));
  }

  private void complete(Occ o, LocalDate d, String outcome, String evt) {
    o.doneOn = d;
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_OUTCOME, outcome);
    publish(MSG_STEP_COMPLETED, String.valueOf(o.id), evt + "-done-" + o.id, vars, Duration.ofDays(1));
  }

  private void replan(Occ o, String evt) {
    publish(MSG_STEP_REPLANNED, String.valueOf(o.id), evt + "-replan-" + o.id, Map.of(), Duration.ZERO);
  }

  private void announce(String reviewId, NoticeKind kind, Step step, String state, Long stepId, String evt) {
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

  private void publish(String name, String key, String messageId, Map<String, Object> vars, Duration ttl) {
    client.newPublishMessageCommand().messageName(name).correlationKey(key).messageId(messageId)
        .timeToLive(ttl).variables(vars).send().join();
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
