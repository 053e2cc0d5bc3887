package org.revflow.testsupport;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.registry.PermanentRepresentativeService;
import org.revflow.registry.PersonInput;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewCommands.Instrument;
import org.revflow.review.ReviewQueries;
import org.revflow.review.ReviewService;
import org.revflow.review.ReviewView;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;
import org.springframework.stereotype.Component;

/**
 * Drives reviews in process tests: launches, records events on given dates, reads the notice log.
 */
@Component
public class ReviewDriver {

  /** Events happen at 08:00, before the day's notices go out at 09:00. */
  public static final LocalTime EVENT_TIME = LocalTime.of(8, 0);

  private final ReviewService reviews;
  private final org.revflow.review.ReviewLaunchService launches;
  private final ReviewQueries queries;
  private final PermanentRepresentativeService registry;
  private final NoticeRepository notices;
  private final SimulatedTime time;

  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** Instances cancelled before (or found ended): not asked again at every test's end. */
  private final java.util.Set<Long> cancelled = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final io.camunda.client.CamundaClient camunda;
  private final EmbeddedEngine engine;

  ReviewDriver(
      ReviewService reviews,
      org.revflow.review.ReviewLaunchService launches,
      ReviewQueries queries,
      PermanentRepresentativeService registry,
      NoticeRepository notices,
      SimulatedTime time,
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      io.camunda.client.CamundaClient camunda,
      EmbeddedEngine engine) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.camunda = camunda;
    this.reviews = reviews;
    this.launches = launches;
    this.queries = queries;
    this.registry = registry;
    this.notices = notices;
    this.time = time;
  }

  public SimulatedTime time() {
    return time;
  }

  /** Gives each State a permanent representative pr@{state}.example (lower case), in English. */
  public void permanentRepresentatives(String... states) {
    for (String s : states) {
      registry.setPermanentRepresentative(
          s, new PersonInput("PR of " + s, pr(s), "en", null), time.now(), "test");
    }
  }

  public static String pr(String state) {
    return "pr@" + state.toLowerCase() + ".example";
  }

  public static String fp(String state) {
    return "fp@" + state.toLowerCase() + ".example";
  }

  /**
   * Launches a review at 08:00 Vienna time on the next day, so that every test starts at the same
   * time of day, before that day's 09:00 notices; with the default rules on calendar days ({@link
   * TestRulebookDirectory}), as the run's dates are not known in advance.
   */
  public String launch(String underReview, int phase, String... reviewers) {
    return launchWith(TestRulebookDirectory.CALENDAR_DAYS, underReview, phase, reviewers);
  }

  /** Launches another review at this very moment, the same day as the one launched before it. */
  public String launchAlongside(String underReview, int phase, String... reviewers) {
    String id =
        launches
            .launch(
                new ReviewCommands.Launch(
                    underReview,
                    phase,
                    Map.of(Instrument.UNTOC, List.of(reviewers)),
                    time.today(),
                    TestRulebookDirectory.CALENDAR_DAYS),
                "test")
            .getId();
    time.settle();
    return id;
  }

  /** As {@link #launch}, with the rulebook named (e.g. {@code default@2026.1}). */
  public String launchWith(String rulebook, String underReview, int phase, String... reviewers) {
    time.walkTo(time.today().plusDays(1), EVENT_TIME);
    String id =
        launches
            .launch(
                new ReviewCommands.Launch(
                    underReview,
                    phase,
                    Map.of(Instrument.UNTOC, List.of(reviewers)),
                    time.today(),
                    rulebook),
                "test")
            .getId();
    time.settle();
    return id;
  }

  /**
   * On launch day: every State's focal point designated (in the order given), then every State's
   * experts, then the preliminary consultation held ({@link ExpectedNotices#openingOnTime}).
   */
  public LocalDate openingStepsOnTime(String reviewId, String... states) {
    LocalDate t0 = time.today();
    for (String s : states) {
      designateFocalPoint(t0, reviewId, s);
    }
    for (String s : states) {
      on(t0, reviewId, EventType.EXPERTS_DESIGNATED, s);
    }
    on(t0, reviewId, EventType.PRELIMINARY_CONSULTATION_HELD);
    return t0;
  }

  public void on(LocalDate date, String reviewId, EventType type) {
    on(date, reviewId, event(type, null));
  }

  public void on(LocalDate date, String reviewId, EventType type, String state) {
    on(date, reviewId, event(type, state));
  }

  public void designateFocalPoint(LocalDate date, String reviewId, String state) {
    on(
        date,
        reviewId,
        new ReviewCommands.RecordEvent(
            EventType.FOCAL_POINT_DESIGNATED,
            state,
            null,
            null,
            "NV/" + state,
            null,
            null,
            null,
            null,
            null,
            new ReviewCommands.Person("Focal point of " + state, fp(state), "en", null),
            null));
  }

  /**
   * Takes a review to the dialogue with everything done early ({@link ExpectedNotices#toDialogue}):
   * questionnaire and translation on T0 + 1, feedback on T0 + 2, the day the dialogue opens, which
   * it returns. Early, because every test of a run shares one clock, and the database's TIMESTAMP
   * columns end in January 2038.
   */
  public LocalDate reachDialogue(String reviewId, String underReview, String... reviewers) {
    LocalDate t0 =
        openingStepsOnTime(reviewId, ExpectedNotices.participating(underReview, reviewers));
    on(t0.plusDays(1), reviewId, EventType.SAQ_CLEARED);
    on(t0.plusDays(1), reviewId, EventType.TRANSLATION_DONE);
    for (String r : reviewers) {
      on(t0.plusDays(2), reviewId, EventType.FEEDBACK_CLEARED, r);
    }
    return t0.plusDays(2);
  }

  public void designateFocalPoint(
      LocalDate date, String reviewId, String state, ReviewCommands.Person person) {
    on(
        date,
        reviewId,
        new ReviewCommands.RecordEvent(
            EventType.FOCAL_POINT_DESIGNATED,
            state,
            null,
            null,
            "NV/" + state + "/" + date,
            null,
            null,
            null,
            null,
            null,
            person,
            null));
  }

  public void designateExperts(
      LocalDate date, String reviewId, String state, ReviewCommands.Person... experts) {
    on(
        date,
        reviewId,
        new ReviewCommands.RecordEvent(
            EventType.EXPERTS_DESIGNATED,
            state,
            null,
            null,
            "NV/" + state + "/experts",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(experts)));
  }

  public void endFocalPoint(LocalDate date, String reviewId, String state, String reason) {
    on(
        date,
        reviewId,
        new ReviewCommands.RecordEvent(
            EventType.FOCAL_POINT_ENDED,
            state,
            null,
            null,
            "NV/" + state + "/end",
            reason,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  /** A person in English, without time zone. */
  public static ReviewCommands.Person person(String name, String email) {
    return new ReviewCommands.Person(name, email, "en", null);
  }

  public void extend(LocalDate date, String reviewId, Step step, String state, LocalDate newDue) {
    on(
        date,
        reviewId,
        new ReviewCommands.RecordEvent(
            EventType.DEADLINE_EXTENDED,
            state,
            step,
            null,
            "NV/ext",
            "requested by note verbale",
            newDue,
            null,
            null,
            null,
            null,
            null));
  }

  public void replaceReviewer(LocalDate date, String reviewId, String oldState, String newState) {
    on(
        date,
        reviewId,
        new ReviewCommands.RecordEvent(
            EventType.REVIEWER_REPLACED,
            null,
            null,
            null,
            "NV/repl",
            "withdrew",
            null,
            Instrument.UNTOC,
            oldState,
            newState,
            null,
            null));
  }

  /** Records the event at 08:00 Vienna time on that date (or now, if that has passed). */
  public void on(LocalDate date, String reviewId, ReviewCommands.RecordEvent event) {
    time.walkTo(date, EVENT_TIME);
    reviews.record(reviewId, event, "test");
    time.settle();
  }

  public static ReviewCommands.RecordEvent event(EventType type, String state) {
    return new ReviewCommands.RecordEvent(
        type, state, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Cancels the process instance of every review in the database, so that the next test walks time
   * without the ladders of earlier tests' reviews (which would only slow it down).
   */
  public void cancelAllReviews() {
    List<Long> keys =
        new java.util.ArrayList<>(
            jdbc.queryForList(
                "SELECT process_instance_key FROM review WHERE process_instance_key IS NOT NULL AND status <> 'COMPLETED'",
                Long.class));
    // The next phases they planned would launch themselves later in another test's walk.
    keys.addAll(
        jdbc.queryForList(
            "SELECT plan_process_instance_key FROM review WHERE plan_process_instance_key IS NOT NULL"
                + " AND status IN ('PLANNED', 'WAITING_FOR_DRAW')",
            Long.class));
    // Occurrences an event opened (a clarification round, a vacancy, a joining State's own steps)
    // run in instances of their own, which cancelling the review's instance leaves running.
    keys.addAll(
        jdbc.queryForList(
            "SELECT DISTINCT s.process_instance_key FROM review_step s"
                + " JOIN review r ON r.id = s.review_id WHERE s.status = 'OPEN' AND s.process_instance_key IS NOT NULL"
                + " AND r.status <> 'COMPLETED'",
            Long.class));
    for (Long key : keys) {
      if (!cancelled.add(key)) {
        continue;
      }
      try {
        camunda.newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException alreadyEnded) {
        // completed or cancelled before: nothing to stop
      }
    }
    time.settle();
    // Their plans end with them: a later test that launches the same State plans its own next phase
    // (a State's next phase is planned once), and plans for the same State and phase are not
    // refused.
    jdbc.update(
        "UPDATE review SET status = 'CANCELLED' WHERE status IN ('PLANNED', 'WAITING_FOR_DRAW')");
  }

  public ReviewView review(String id) {
    return queries.get(id);
  }

  /**
   * The notice log of a review as lines "date KIND STEP STATE -> to [cc]", in the order recorded.
   * Within one day that order is not meaningful (job handlers run in parallel): compare days' lines
   * without regard to their order.
   */
  public List<String> notices(String reviewId) {
    return notices.findByReviewIdOrderById(reviewId).stream()
        .map(ReviewDriver::line)
        .collect(Collectors.toList());
  }

  public List<Notice> noticeRows(String reviewId) {
    return notices.findByReviewIdOrderById(reviewId);
  }

  public static String line(Notice n) {
    return n.getSentOn()
        + " "
        + n.getKind()
        + " "
        + (n.getStep() == null ? "-" : n.getStep())
        + " "
        + (n.getStateCode() == null ? "-" : n.getStateCode())
        + " -> "
        + n.getAddresseeEmail()
        + (n.getCc() == null ? "" : " cc " + n.getCc())
        + (n.getStatus() == Notice.Status.SENT ? "" : " " + n.getStatus());
  }

  /**
   * What the database and the engine know of a review, for a failing assertion's message: its row,
   * its events, its messages in the outbox and the engine's records that name it or its plan's
   * instance (the last {@code 60}). Slow on a long log: call it lazily ({@code as(() -> ...)}).
   */
  public String explain(String reviewId) {
    StringBuilder out = new StringBuilder("\n--- what is known of " + reviewId + " ---\n");
    jdbc.queryForList(
            "SELECT status, launch_date, planned_on, process_instance_key, plan_process_instance_key"
                + " FROM review WHERE id = ?",
            reviewId)
        .forEach(row -> out.append("review ").append(row).append('\n'));
    jdbc.queryForList(
            "SELECT type, occurred_on, details, recorded_at, recorded_by FROM review_event WHERE review_id = ?"
                + " ORDER BY id",
            reviewId)
        .forEach(row -> out.append("event ").append(row).append('\n'));
    jdbc.queryForList(
            "SELECT message_name, message_id, created_at, published_at, attempts, last_error"
                + " FROM process_outbox WHERE correlation_key = ? ORDER BY id",
            reviewId)
        .forEach(row -> out.append("outbox ").append(row).append('\n'));
    Long plan =
        jdbc
            .queryForList(
                "SELECT plan_process_instance_key FROM review WHERE id = ?", Long.class, reviewId)
            .stream()
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    out.append("plan instance ").append(plan).append(", cancelled by this driver: ");
    out.append(plan != null && cancelled.contains(plan)).append('\n');
    java.util.Deque<String> lines = new java.util.ArrayDeque<>();
    String quoted = '"' + reviewId + '"';
    String planKey = plan == null ? null : "\"processInstanceKey\":" + plan + ",";
    for (io.camunda.zeebe.protocol.record.Record<?> r : engine.records()) {
      String json = r.toJson();
      if (json.contains(quoted) || (planKey != null && json.contains(planKey))) {
        lines.addLast(
            r.getTimestamp()
                + " "
                + r.getRecordType()
                + " "
                + r.getValueType()
                + " "
                + r.getIntent()
                + " key="
                + r.getKey()
                + " "
                + abbreviated(json));
        if (lines.size() > 60) {
          lines.removeFirst();
        }
      }
    }
    lines.forEach(l -> out.append(l).append('\n'));
    out.append("engine now ").append(engine.now()).append(", pending ").append(engine.pending());
    return out.toString();
  }

  private static String abbreviated(String json) {
    int value = json.indexOf("\"value\":");
    String v = value < 0 ? json : json.substring(value);
    return v.length() > 400 ? v.substring(0, 400) + "..." : v;
  }
}
