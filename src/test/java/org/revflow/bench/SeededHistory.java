package org.revflow.bench;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Reviews with their history written straight into the tables (not driven through the engine), for
 * the benchmarks that read them: the status report's and the pages'. A launched review walks the
 * steps of the default rulebook from its launch to today with random but plausible dates: focal
 * points and experts, the questionnaire, translation, feedback, the dialogue, observations, the
 * summary and finalisation, a tenth of the deadlines revised, a few holds.
 *
 * <p>With traffic on, each review also gets what running it would have left behind: an event for
 * every step done (with its note verbale), clarification rounds in the dialogue, experts
 * designated, the notice log (launch notices, each step's opening, its reminder, overdue and
 * escalation rungs where the dates call for them, and its closing), and its next phase planned 24
 * months after the launch with the same reviewing States. Traffic draws from a random of its own,
 * so the steps and dates are the same with it or without it.
 */
public final class SeededHistory {

  public static final String RULEBOOK = "default@2027.1";
  private static final String SECRETARIAT = "secretariat@bench.example";

  private final JdbcTemplate jdbc;
  private final Random random;
  private final Random traffic;
  private long elementKeys = 9_000_000_000L;
  private long jobKeys = 7_000_000_000L;

  // The review being seeded, with traffic: who acts for each State, and the rows written at its
  // end.
  private final Map<String, Long> permanentReps = new HashMap<>();
  private final Map<String, String> permanentRepEmails = new HashMap<>();
  private Map<String, Designated> focalPoints;
  private List<Object[]> events;
  private List<Object[]> notices;
  private int noticeCount;

  private record Designated(long person, String email, LocalDate from) {}

  /**
   * @param random the steps' dates and revisions
   * @param traffic null for steps alone; else the seed of the events, rounds and notices
   */
  public SeededHistory(JdbcTemplate jdbc, Random random, Long traffic) {
    this.jdbc = jdbc;
    this.random = random;
    this.traffic = traffic == null ? null : new Random(traffic);
  }

  public static String id(String state, int phase, LocalDate on) {
    return state + "-P" + phase + "-" + on.getYear();
  }

  /** Notices written so far. */
  public int notices() {
    return noticeCount;
  }

  /**
   * A permanent representative for each State that has none in force (another benchmark may have
   * seeded them).
   */
  public void permanentRepresentatives(List<String> states) {
    for (String s : states) {
      String email = "pr@" + s.toLowerCase() + ".bench.example";
      Long current =
          jdbc.query(
              "SELECT person_id FROM registry_permanent_rep WHERE state_code = ? AND valid_to IS NULL",
              rs -> rs.next() ? rs.getLong(1) : null,
              s);
      if (current == null) {
        current = person("PR of " + s, email);
        jdbc.update(
            "INSERT INTO registry_permanent_rep (state_code, person_id, valid_from, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, 'bench')",
            s,
            current,
            Timestamp.valueOf("2015-01-01 00:00:00"),
            now());
      }
      permanentReps.put(s, current);
      permanentRepEmails.put(
          s,
          jdbc.queryForObject(
              "SELECT email FROM registry_person WHERE id = ?", String.class, current));
    }
  }

  private long person(String name, String email) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO registry_person (name, email, language, created_at,"
                      + " created_by, updated_at, updated_by) VALUES (?, ?, 'en', ?, 'bench', ?, 'bench')",
                  Statement.RETURN_GENERATED_KEYS);
          ps.setString(1, name);
          ps.setString(2, email);
          ps.setTimestamp(3, now());
          ps.setTimestamp(4, now());
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  /**
   * A review planned and not launched: the State under review, and its reviewing States if drawn.
   */
  public String plan(
      String state, int phase, int group, LocalDate on, String previous, List<String[]> reviewers) {
    String id = id(state, phase, on);
    jdbc.update(
        "INSERT INTO review (id, under_review, phase, launch_date, planned_on, review_group, rulebook_version,"
            + " status, previous_review_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, 'bench')",
        id,
        state,
        phase,
        Date.valueOf(on),
        Date.valueOf(on),
        group,
        RULEBOOK,
        previous,
        now());
    participant(id, state, "UNDER_REVIEW", null, on);
    for (String[] r : reviewers) {
      participant(id, r[0], "REVIEWER", r[1], on);
    }
    return id;
  }

  private void participant(
      String review, String state, String role, String instrument, LocalDate on) {
    jdbc.update(
        "INSERT INTO review_participant (review_id, state_code, role, instrument, joined_on) VALUES (?, ?, ?, ?, ?)",
        review,
        state,
        role,
        instrument,
        Date.valueOf(on));
  }

  /**
   * A review of {@code states[i]} launched on {@code t0}, two reviewing States further down the
   * list (and a third instrument for one in four), its steps walked until today. Returns its id.
   */
  public String launch(
      List<String> states, int i, int phase, int group, LocalDate t0, LocalDate today) {
    String state = states.get(i);
    String id = id(state, phase, t0);
    String r1 = states.get((i + 7 + phase) % states.size());
    String r2 = states.get((i + 61 + 3 * phase) % states.size());
    jdbc.update(
        "INSERT INTO review (id, under_review, phase, launch_date, planned_on, review_group, rulebook_version,"
            + " status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 'bench')",
        id,
        state,
        phase,
        Date.valueOf(t0),
        Date.valueOf(t0),
        group,
        RULEBOOK,
        now());
    participant(id, state, "UNDER_REVIEW", null, t0);
    participant(id, r1, "REVIEWER", "UNTOC", t0);
    participant(id, r2, "REVIEWER", "UNTOC", t0);
    List<String[]> reviewers =
        new ArrayList<>(List.of(new String[] {r1, "UNTOC"}, new String[] {r2, "UNTOC"}));
    if (random.nextInt(4) == 0) {
      participant(id, r1, "REVIEWER", "TIP", t0);
      reviewers.add(new String[] {r1, "TIP"});
    }
    if (traffic != null) {
      focalPoints = new HashMap<>();
      events = new ArrayList<>();
      notices = new ArrayList<>();
      event(id, "REVIEW_LAUNCHED", null, null, t0, today);
      for (String s : List.of(state, r1, r2)) {
        notice(id, null, "LAUNCH", "REVIEW_LAUNCHED", null, s, null, t0, today);
      }
    }
    walk(id, state, r1, r2, t0, today);
    if (traffic != null) {
      flush();
      plan(state, phase + 1, group, t0.plusMonths(24), id, reviewers);
    }
    return id;
  }

  private void walk(String id, String state, String r1, String r2, LocalDate t0, LocalDate today) {
    List<String> all = List.of(state, r1, r2);
    for (String s : all) {
      LocalDate done =
          step(id, "FOCAL_POINT", s, t0, t0.plusDays(14), t0.plusDays(random.nextInt(60)), today);
      if (done != null) {
        String email = "fp-" + id.toLowerCase() + "-" + s.toLowerCase() + "@bench.example";
        long person = person("FP of " + s + " in " + id, email);
        jdbc.update(
            "INSERT INTO registry_designation (review_id, state_code, role, person_id, name_as_designated,"
                + " note_verbale_ref, received_on, valid_from, created_at, created_by) VALUES (?, ?, 'FOCAL_POINT', ?, ?,"
                + " 'NV/bench', ?, ?, ?, 'bench')",
            id,
            s,
            person,
            "FP of " + s,
            Date.valueOf(done),
            Timestamp.valueOf(done.atTime(8, 0)),
            now());
        if (traffic != null) {
          focalPoints.put(s, new Designated(person, email, done));
        }
      }
      done =
          step(id, "EXPERTS", s, t0, t0.plusDays(28), t0.plusDays(5 + random.nextInt(60)), today);
      if (done != null && traffic != null) {
        for (int e = 1 + traffic.nextInt(2); e > 0; e--) {
          String email =
              "expert" + e + "-" + id.toLowerCase() + "-" + s.toLowerCase() + "@bench.example";
          long person = person("Expert " + e + " of " + s + " in " + id, email);
          jdbc.update(
              "INSERT INTO registry_designation (review_id, state_code, role, person_id, name_as_designated,"
                  + " note_verbale_ref, received_on, valid_from, created_at, created_by) VALUES (?, ?, 'EXPERT', ?, ?,"
                  + " ?, ?, ?, ?, 'bench')",
              id,
              s,
              person,
              "Expert " + e + " of " + s,
              "NV/" + id + "/EXP/" + s,
              Date.valueOf(done),
              Timestamp.valueOf(done.atTime(8, 0)),
              now());
        }
      }
    }
    step(
        id,
        "PRELIMINARY_CONSULTATION",
        null,
        t0,
        t0.plusMonths(1),
        t0.plusDays(10 + random.nextInt(40)),
        today);
    LocalDate saq =
        step(id, "SAQ", state, t0, t0.plusMonths(6), t0.plusDays(120 + random.nextInt(200)), today);
    if (saq == null) {
      return;
    }
    step(
        id,
        "TRANSLATION",
        null,
        saq,
        saq.plusMonths(1),
        saq.plusDays(10 + random.nextInt(40)),
        today);
    LocalDate feedback =
        latest(
            step(
                id,
                "FEEDBACK",
                r1,
                saq,
                saq.plusMonths(6),
                saq.plusDays(100 + random.nextInt(150)),
                today),
            step(
                id,
                "FEEDBACK",
                r2,
                saq,
                saq.plusMonths(6),
                saq.plusDays(100 + random.nextInt(150)),
                today));
    if (feedback == null) {
      return;
    }
    if (random.nextInt(25) == 0) {
      hold(id, feedback.plusDays(3), feedback.plusDays(30), today);
    }
    LocalDate dialogue =
        step(
            id,
            "DIALOGUE",
            null,
            feedback,
            feedback.plusMonths(2),
            feedback.plusDays(40 + random.nextInt(60)),
            today);
    if (traffic != null) {
      rounds(id, state, r1, r2, feedback, dialogue, today);
    }
    if (dialogue == null) {
      return;
    }
    LocalDate lists =
        latest(
            step(
                id,
                "OBSERVATIONS",
                r1,
                dialogue,
                dialogue.plusMonths(3),
                dialogue.plusDays(40 + random.nextInt(90)),
                today),
            step(
                id,
                "OBSERVATIONS",
                r2,
                dialogue,
                dialogue.plusMonths(3),
                dialogue.plusDays(40 + random.nextInt(90)),
                today));
    if (lists == null) {
      return;
    }
    LocalDate agreed =
        step(
            id,
            "OBSERVATIONS_AGREEMENT",
            state,
            lists,
            lists.plusMonths(2),
            lists.plusDays(20 + random.nextInt(60)),
            today);
    if (agreed == null) {
      return;
    }
    LocalDate parts =
        latest(
            step(
                id,
                "SUMMARY",
                r1,
                agreed,
                agreed.plusMonths(1),
                agreed.plusDays(10 + random.nextInt(40)),
                today),
            step(
                id,
                "SUMMARY",
                r2,
                agreed,
                agreed.plusMonths(1),
                agreed.plusDays(10 + random.nextInt(40)),
                today));
    if (parts == null) {
      return;
    }
    LocalDate summary =
        step(
            id,
            "SUMMARY_AGREEMENT",
            state,
            parts,
            parts.plusMonths(1),
            parts.plusDays(10 + random.nextInt(40)),
            today);
    if (summary == null) {
      return;
    }
    LocalDate finalised =
        step(
            id,
            "FINALISATION",
            null,
            summary,
            summary.plusMonths(3),
            summary.plusDays(30 + random.nextInt(80)),
            today);
    if (finalised != null) {
      jdbc.update("UPDATE review SET status = 'COMPLETED' WHERE id = ?", id);
      if (traffic != null) {
        for (String s : all) {
          notice(id, null, "COMPLETED", "REVIEW_COMPLETED", null, s, null, finalised, today);
        }
      }
    }
  }

  /**
   * In the dialogue's window, up to three clarification requests, each a round the reviewed State
   * answers.
   */
  private void rounds(
      String id,
      String state,
      String r1,
      String r2,
      LocalDate opened,
      LocalDate closed,
      LocalDate today) {
    LocalDate on = opened.plusDays(5 + traffic.nextInt(10));
    for (int round = 1, n = traffic.nextInt(4); round <= n; round++) {
      if (on.isAfter(today) || (closed != null && !on.isBefore(closed))) {
        return;
      }
      String asking = round % 2 == 1 ? r1 : r2;
      event(id, "CLARIFICATION_REQUESTED", asking, "DIALOGUE", on, today);
      LocalDate answered = on.plusDays(7 + traffic.nextInt(20));
      LocalDate done =
          step(id, "DIALOGUE", state, on, on.plusDays(21), answered, today, round, asking);
      if (done != null) {
        event(id, "CLARIFICATION_ANSWERED", asking, "DIALOGUE", done, today);
      }
      on = on.plusDays(10 + traffic.nextInt(15));
    }
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null || b == null ? null : a.isAfter(b) ? a : b;
  }

  private LocalDate step(
      String review,
      String step,
      String state,
      LocalDate started,
      LocalDate due,
      LocalDate doneOn,
      LocalDate today) {
    return step(review, step, state, started, due, doneOn, today, 1, null);
  }

  /** One step; done on {@code doneOn} when that has come, else open. Some get a later deadline. */
  private LocalDate step(
      String review,
      String step,
      String state,
      LocalDate started,
      LocalDate due,
      LocalDate doneOn,
      LocalDate today,
      int round,
      String requestedBy) {
    if (started.isAfter(today)) {
      return null;
    }
    boolean done = !doneOn.isAfter(today);
    // Rounds exist with traffic only: their revisions must not move the other steps' dates.
    boolean revised = (requestedBy != null ? traffic : random).nextInt(10) == 0;
    LocalDate finalDue = revised ? due.plusDays(30) : due;
    String occurrence =
        requestedBy != null
            ? "CLARIFICATION_ROUND"
            : step.equals("DIALOGUE") ? "DIALOGUE_WINDOW" : "STEP";
    KeyHolder key = new GeneratedKeyHolder();
    long element = elementKeys++;
    jdbc.update(
        c -> {
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO review_step (review_id, step, state_code, round_no,"
                      + " occurrence, requested_by, status, started_on, due_on, original_due_on, deadline_revision, done_on,"
                      + " opened_by_element, process_instance_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                  Statement.RETURN_GENERATED_KEYS);
          ps.setString(1, review);
          ps.setString(2, step);
          ps.setString(3, state);
          ps.setInt(4, round);
          ps.setString(5, occurrence);
          ps.setString(6, requestedBy);
          ps.setString(7, done ? "DONE" : "OPEN");
          ps.setDate(8, Date.valueOf(started));
          ps.setDate(9, Date.valueOf(finalDue));
          ps.setDate(10, Date.valueOf(due));
          ps.setInt(11, revised ? 1 : 0);
          ps.setDate(12, done ? Date.valueOf(doneOn) : null);
          ps.setLong(13, element);
          return ps;
        },
        key);
    long stepId = key.getKey().longValue();
    if (revised) {
      LocalDate changed = started.plusDays(10).isAfter(today) ? started : started.plusDays(10);
      jdbc.update(
          "INSERT INTO review_step_revision (step_id, changed_on, due_on) VALUES (?, ?, ?)",
          stepId,
          Date.valueOf(changed),
          Date.valueOf(finalDue));
      if (traffic != null) {
        event(review, "DEADLINE_EXTENDED", state, step, changed, today);
      }
    }
    if (traffic != null) {
      stepTraffic(
          review,
          stepId,
          step,
          state,
          started,
          due,
          finalDue,
          done ? doneOn : null,
          today,
          requestedBy != null,
          occurrence.equals("DIALOGUE_WINDOW"));
    }
    return done ? doneOn : null;
  }

  private static final Map<String, String> DONE_EVENT =
      Map.ofEntries(
          Map.entry("FOCAL_POINT", "FOCAL_POINT_DESIGNATED"),
          Map.entry("EXPERTS", "EXPERTS_DESIGNATED"),
          Map.entry("PRELIMINARY_CONSULTATION", "PRELIMINARY_CONSULTATION_HELD"),
          Map.entry("SAQ", "SAQ_CLEARED"),
          Map.entry("TRANSLATION", "TRANSLATION_DONE"),
          Map.entry("FEEDBACK", "FEEDBACK_CLEARED"),
          Map.entry("DIALOGUE", "DIALOGUE_CLOSED"),
          Map.entry("OBSERVATIONS", "OBSERVATIONS_CLEARED"),
          Map.entry("OBSERVATIONS_AGREEMENT", "OBSERVATIONS_AGREED"),
          Map.entry("SUMMARY", "SUMMARY_CLEARED"),
          Map.entry("SUMMARY_AGREEMENT", "SUMMARY_AGREED"),
          Map.entry("FINALISATION", "FINALISED"));

  /**
   * What a step leaves in the history and the notice log: its event when done, its opening, ladder
   * and closing notices.
   */
  private void stepTraffic(
      String review,
      long stepId,
      String step,
      String state,
      LocalDate started,
      LocalDate due,
      LocalDate finalDue,
      LocalDate done,
      LocalDate today,
      boolean round,
      boolean window) {
    if (done != null && !round) {
      event(review, DONE_EVENT.get(step), state, step, done, today);
    }
    notice(
        review, stepId, "OPENED:STEP_OPENED", "STEP_OPENED", step, state, finalDue, started, today);
    if (window) {
      return; // the dialogue's window has no ladder
    }
    LocalDate end = done != null ? done : today;
    LocalDate reminder = finalDue.minusDays(14);
    if (reminder.isAfter(started) && !reminder.isAfter(end)) {
      notice(
          review,
          stepId,
          "REMINDER@" + reminder,
          "REMINDER",
          step,
          state,
          finalDue,
          reminder,
          today);
    }
    if (end.isAfter(finalDue)) {
      notice(
          review,
          stepId,
          "OVERDUE@" + finalDue.plusDays(1),
          "OVERDUE",
          step,
          state,
          finalDue,
          finalDue.plusDays(1),
          today);
    }
    if (!end.isBefore(finalDue.plusDays(30))) {
      notice(
          review,
          stepId,
          "ESCALATION@" + finalDue.plusDays(30),
          "ESCALATION",
          step,
          state,
          finalDue,
          finalDue.plusDays(30),
          today);
    }
    if (done != null) {
      notice(review, stepId, "DONE:STEP_DONE", "STEP_DONE", step, state, finalDue, done, today);
    }
  }

  private void hold(String review, LocalDate from, LocalDate to, LocalDate today) {
    event(review, "REVIEW_ON_HOLD", null, null, from, today);
    event(review, "REVIEW_RESUMED", null, null, to, today);
  }

  private void event(
      String review, String type, String state, String step, LocalDate on, LocalDate today) {
    if (on.isAfter(today)) {
      return;
    }
    if (traffic == null) {
      jdbc.update(
          "INSERT INTO review_event (review_id, type, occurred_on, recorded_at, recorded_by) VALUES"
              + " (?, ?, ?, ?, 'bench')",
          review,
          type,
          Date.valueOf(on),
          now());
      return;
    }
    events.add(
        new Object[] {
          review,
          type,
          state,
          step,
          Date.valueOf(on),
          "NV/" + review + "/" + (events.size() + 1),
          Timestamp.valueOf(on.atTime(9, 30)),
          "secretariat"
        });
  }

  /**
   * A notice as the worker leaves it: to the State's acting focal point on that day (its permanent
   * representative as interim before a designation), or to the secretariat for a step no State
   * owns; sent, one in a hundred failed.
   */
  private void notice(
      String review,
      Long stepId,
      String key,
      String kind,
      String step,
      String state,
      LocalDate due,
      LocalDate on,
      LocalDate today) {
    if (on.isAfter(today)) {
      return;
    }
    String email;
    String role;
    Long person;
    if (state == null) {
      email = SECRETARIAT;
      role = "SECRETARIAT";
      person = null;
    } else {
      Designated fp = focalPoints.get(state);
      if (fp != null && !on.isBefore(fp.from())) {
        email = fp.email();
        role = "FOCAL_POINT";
        person = fp.person();
      } else {
        email = permanentRepEmails.get(state);
        role = "INTERIM_FOCAL_POINT";
        person = permanentReps.get(state);
      }
    }
    boolean failed = traffic.nextInt(100) == 0;
    Timestamp at = Timestamp.valueOf(on.atTime(8, 0));
    notices.add(
        new Object[] {
          review + "|" + stepId + "|" + key + "|" + state + "|" + email,
          review,
          stepId,
          key,
          kind,
          step,
          state,
          email,
          role,
          state,
          person,
          state == null ? null : SECRETARIAT,
          "en",
          due == null ? null : Date.valueOf(due),
          failed ? null : kind.replace('_', ' ').toLowerCase() + " - " + review,
          failed ? "FAILED" : "SENT",
          failed ? 5 : 1,
          failed ? "550 5.1.1 <" + email + ">: user unknown" : null,
          failed ? null : "<" + jobKeys + "@bench.example>",
          jobKeys++,
          at,
          failed ? null : at,
          failed ? null : Date.valueOf(on)
        });
  }

  private void flush() {
    jdbc.batchUpdate(
        "INSERT INTO review_event (review_id, type, state_code, step, occurred_on, reference,"
            + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        events);
    jdbc.batchUpdate(
        "INSERT INTO notice (dedup_key, review_id, step_id, notice_key, kind, step, state_code,"
            + " addressee_email, addressee_role, addressee_state, person_id, cc, language, due_on, subject, status,"
            + " attempts, failure_reason, smtp_message_id, job_key, created_at, sent_at, sent_on)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        notices);
    noticeCount += notices.size();
  }
}
