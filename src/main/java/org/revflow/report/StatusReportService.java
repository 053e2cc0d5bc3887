package org.revflow.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.revflow.config.ApiException;
import org.revflow.config.MechanismTime;
import org.revflow.report.StatusReport.Counts;
import org.revflow.report.StatusReport.FocalPoint;
import org.revflow.report.StatusReport.OpenStep;
import org.revflow.report.StatusReport.ReviewStatus;
import org.revflow.report.StatusReport.Stage;
import org.revflow.rulebook.RulebookRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status of every review on a date, replayed from the recorded history as it is known now:
 * which steps had started and were not yet done on that day, their deadlines as they stood then
 * (extensions and resumes take effect from the day they were recorded), holds, designations. Read
 * in a handful of statements for all reviews at once, so that a report over a few hundred reviews
 * and two years of history stays well under a second.
 */
@Service
public class StatusReportService {

  private final JdbcTemplate jdbc;
  private final RulebookRegistry rulebooks;
  private final MechanismTime time;

  StatusReportService(JdbcTemplate jdbc, RulebookRegistry rulebooks, MechanismTime time) {
    this.jdbc = jdbc;
    this.rulebooks = rulebooks;
    this.time = time;
  }

  /** The report for {@code asOf}, or for today in Vienna when null. */
  @Transactional(readOnly = true)
  public StatusReport report(LocalDate asOf) {
    LocalDate today = time.today();
    LocalDate day = asOf == null ? today : asOf;
    if (day.isAfter(today)) {
      throw ApiException.invalid(
          "the report's date "
              + day
              + " lies in the future (today is "
              + today
              + " in Vienna): a report tells what happened, the preview what is planned");
    }
    // A designation recorded at any time on that day counts for that day.
    Instant endOfDay = time.startOf(day.plusDays(1)).minusNanos(1000);
    History h = load();
    List<ReviewStatus> rows = new ArrayList<>();
    for (ReviewRow r : h.reviews) {
      rows.add(status(r, day, endOfDay, h));
    }
    rows.sort(Comparator.comparing(ReviewStatus::underReview).thenComparing(ReviewStatus::phase));
    return new StatusReport(day, List.copyOf(rows), counts(rows));
  }

  private ReviewStatus status(ReviewRow r, LocalDate day, Instant endOfDay, History h) {
    String cluster = cluster(r);
    List<String> instruments = h.instruments.getOrDefault(r.id, List.of());
    boolean launched =
        !r.status.equals("PLANNED")
            && !r.status.equals("WAITING_FOR_DRAW")
            && !r.launchDate.isAfter(day);
    if (!launched) {
      return new ReviewStatus(
          r.id,
          r.underReview,
          r.phase,
          cluster,
          r.group,
          instruments,
          Stage.NOT_STARTED,
          r.launchDate,
          false,
          List.of(),
          0,
          List.of());
    }
    List<StepRow> steps = h.steps.getOrDefault(r.id, List.of());
    List<OpenStep> open = new ArrayList<>();
    Stage furthest = null;
    boolean completed = false;
    for (StepRow s : steps) {
      if (s.step.equals("FINALISATION")
          && s.doneOn != null
          && !s.doneOn.isAfter(day)
          && !"REVIEW_COMPLETED".equals(s.outcome)) {
        completed = true;
      }
      boolean isOpen = !s.startedOn.isAfter(day) && (s.doneOn == null || s.doneOn.isAfter(day));
      if (!isOpen) {
        continue;
      }
      LocalDate due = dueOn(s, day, h);
      long overdue = s.window ? 0 : Math.max(0, ChronoUnit.DAYS.between(due, day));
      open.add(new OpenStep(s.step, s.state, due, overdue));
      Stage stage = Stage.valueOf(s.step);
      if (furthest == null || stage.compareTo(furthest) > 0) {
        furthest = stage;
      }
    }
    boolean onHold = onHold(h.holds.getOrDefault(r.id, List.of()), day);
    Stage stage =
        completed
            ? Stage.COMPLETED
            : onHold ? Stage.ON_HOLD : furthest != null ? furthest : lastStarted(steps, day);
    open.sort(
        Comparator.comparing((OpenStep o) -> Stage.valueOf(o.step()))
            .thenComparing(o -> o.state() == null ? "" : o.state()));
    long maxOverdue = open.stream().mapToLong(OpenStep::daysOverdue).max().orElse(0);
    List<FocalPoint> focalPoints = completed ? List.of() : focalPoints(r, day, endOfDay, h);
    return new ReviewStatus(
        r.id,
        r.underReview,
        r.phase,
        cluster,
        r.group,
        instruments,
        stage,
        r.launchDate,
        onHold,
        completed ? List.of() : List.copyOf(open),
        completed ? 0 : maxOverdue,
        focalPoints);
  }

  /** Between two steps on one day, the review is where its last started step took it. */
  private static Stage lastStarted(List<StepRow> steps, LocalDate day) {
    return steps.stream()
        .filter(s -> !s.startedOn.isAfter(day))
        .map(s -> Stage.valueOf(s.step))
        .max(Comparator.naturalOrder())
        .orElse(Stage.FOCAL_POINT);
  }

  /**
   * The deadline as it stood at the end of {@code day}: the last revision made by then, else the
   * first.
   */
  private static LocalDate dueOn(StepRow s, LocalDate day, History h) {
    LocalDate due = s.originalDue;
    for (Revision rev : h.revisions.getOrDefault(s.id, List.of())) {
      if (!rev.changedOn.isAfter(day)) {
        due = rev.dueOn;
      }
    }
    return due;
  }

  private static boolean onHold(List<Hold> holds, LocalDate day) {
    boolean on = false;
    for (Hold e : holds) {
      if (!e.on.isAfter(day)) {
        on = e.hold;
      }
    }
    return on;
  }

  /**
   * Each State taking part on the date: its designated focal point, else its permanent
   * representative.
   */
  private static List<FocalPoint> focalPoints(ReviewRow r, LocalDate day, Instant at, History h) {
    List<FocalPoint> out = new ArrayList<>();
    for (Participant p : h.participants.getOrDefault(r.id, List.of())) {
      if (p.joinedOn.isAfter(day)
          || (p.leftOn != null && !p.leftOn.isAfter(day))
          || out.stream().anyMatch(f -> f.state().equals(p.state))) {
        continue;
      }
      String designated = null;
      for (Tenure t : h.focalPoints.getOrDefault(r.id + "|" + p.state, List.of())) {
        if (t.holds(at)) {
          designated = t.name;
        }
      }
      if (designated != null) {
        out.add(new FocalPoint(p.state, designated, false));
        continue;
      }
      String pr = null;
      for (Tenure t : h.permanentReps.getOrDefault(p.state, List.of())) {
        if (t.holds(at)) {
          pr = t.name;
        }
      }
      out.add(new FocalPoint(p.state, pr, true));
    }
    return out;
  }

  private String cluster(ReviewRow r) {
    try {
      return rulebooks.get(r.rulebook).cluster(r.phase).name();
    } catch (RuntimeException unknownRulebook) {
      return rulebooks.defaultRulebook().cluster(r.phase).name();
    }
  }

  static Counts counts(List<ReviewStatus> rows) {
    Map<Integer, Map<Stage, Integer>> byPhase = new TreeMap<>();
    Map<String, Map<Stage, Integer>> byGroup = new TreeMap<>();
    Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
    Map<String, Map<Stage, Integer>> byInstrument = new TreeMap<>();
    for (ReviewStatus r : rows) {
      byPhase
          .computeIfAbsent(r.phase(), k -> new EnumMap<>(Stage.class))
          .merge(r.stage(), 1, Integer::sum);
      byGroup
          .computeIfAbsent(
              r.group() == null ? "-" : r.group().toString(), k -> new EnumMap<>(Stage.class))
          .merge(r.stage(), 1, Integer::sum);
      byStage.merge(r.stage(), 1, Integer::sum);
      for (String instrument : r.instruments()) {
        byInstrument
            .computeIfAbsent(instrument, k -> new EnumMap<>(Stage.class))
            .merge(r.stage(), 1, Integer::sum);
      }
    }
    return new Counts(byPhase, byGroup, byStage, byInstrument, rows.size());
  }

  // ---------------------------------------------------------------- the history, read at once

  private record ReviewRow(
      String id,
      String underReview,
      int phase,
      LocalDate launchDate,
      Integer group,
      String status,
      String rulebook) {}

  private record StepRow(
      long id,
      String step,
      String state,
      boolean window,
      LocalDate startedOn,
      LocalDate doneOn,
      LocalDate originalDue,
      String outcome) {}

  private record Revision(LocalDate changedOn, LocalDate dueOn) {}

  private record Hold(LocalDate on, boolean hold) {}

  private record Participant(String state, LocalDate joinedOn, LocalDate leftOn) {}

  private record Tenure(Instant from, Instant to, String name) {
    boolean holds(Instant at) {
      return !from.isAfter(at) && (to == null || to.isAfter(at));
    }
  }

  private record History(
      List<ReviewRow> reviews,
      Map<String, List<StepRow>> steps,
      Map<Long, List<Revision>> revisions,
      Map<String, List<Hold>> holds,
      Map<String, List<Participant>> participants,
      Map<String, List<String>> instruments,
      Map<String, List<Tenure>> focalPoints,
      Map<String, List<Tenure>> permanentReps) {}

  private History load() {
    List<ReviewRow> reviews =
        jdbc.query(
            "select id, under_review, phase, launch_date, review_group, status,"
                + " rulebook_version from review where status <> 'CANCELLED'",
            (rs, i) ->
                new ReviewRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getObject(4, LocalDate.class),
                    (Integer) rs.getObject(5, Integer.class),
                    rs.getString(6),
                    rs.getString(7)));
    Map<String, List<StepRow>> steps = new HashMap<>();
    jdbc.query(
        "select id, review_id, step, state_code, occurrence, started_on, done_on, original_due_on, outcome"
            + " from review_step order by id",
        rs -> {
          steps
              .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
              .add(
                  new StepRow(
                      rs.getLong(1),
                      rs.getString(3),
                      rs.getString(4),
                      "DIALOGUE_WINDOW".equals(rs.getString(5)),
                      rs.getObject(6, LocalDate.class),
                      rs.getObject(7, LocalDate.class),
                      rs.getObject(8, LocalDate.class),
                      rs.getString(9)));
        });
    Map<Long, List<Revision>> revisions = new HashMap<>();
    jdbc.query(
        "select step_id, changed_on, due_on from review_step_revision order by step_id, changed_on, id",
        rs -> {
          revisions
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new Revision(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
        });
    Map<String, List<Hold>> holds = new HashMap<>();
    jdbc.query(
        "select review_id, type, occurred_on from review_event where type in ('REVIEW_ON_HOLD', 'REVIEW_RESUMED')"
            + " order by review_id, id",
        rs -> {
          holds
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Hold(
                      rs.getObject(3, LocalDate.class), "REVIEW_ON_HOLD".equals(rs.getString(2))));
        });
    Map<String, List<Participant>> participants = new HashMap<>();
    Map<String, TreeSet<String>> instruments = new HashMap<>();
    jdbc.query(
        "select review_id, state_code, role, instrument, joined_on, left_on from review_participant order by id",
        rs -> {
          participants
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Participant(
                      rs.getString(2),
                      rs.getObject(5, LocalDate.class),
                      rs.getObject(6, LocalDate.class)));
          if (rs.getString(4) != null) {
            instruments.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(4));
          }
        });
    Map<String, List<Tenure>> focalPoints = new HashMap<>();
    jdbc.query(
        "select d.review_id, d.state_code, d.valid_from, d.valid_to, p.name from registry_designation d"
            + " join registry_person p on p.id = d.person_id where d.role = 'FOCAL_POINT' order by d.valid_from, d.id",
        rs -> {
          focalPoints
              .computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
              .add(
                  new Tenure(
                      utc(rs.getObject(3, java.time.LocalDateTime.class)),
                      utc(rs.getObject(4, java.time.LocalDateTime.class)),
                      rs.getString(5)));
        });
    Map<String, List<Tenure>> permanentReps = new HashMap<>();
    jdbc.query(
        "select r.state_code, r.valid_from, r.valid_to, p.name from registry_permanent_rep r"
            + " join registry_person p on p.id = r.person_id order by r.valid_from, r.id",
        rs -> {
          permanentReps
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Tenure(
                      utc(rs.getObject(2, java.time.LocalDateTime.class)),
                      utc(rs.getObject(3, java.time.LocalDateTime.class)),
                      rs.getString(4)));
        });
    Map<String, List<String>> instrumentLists = new LinkedHashMap<>();
    instruments.forEach((k, v) -> instrumentLists.put(k, List.copyOf(v)));
    return new History(
        reviews,
        steps,
        revisions,
        holds,
        participants,
        instrumentLists,
        focalPoints,
        permanentReps);
  }

  /** The registry writes its instants as UTC wall time (registry.Db). */
  private static Instant utc(java.time.LocalDateTime t) {
    return t == null ? null : t.toInstant(java.time.ZoneOffset.UTC);
  }
}
