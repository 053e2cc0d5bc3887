package org.revflow.testsupport;

import static org.revflow.testsupport.ReviewDriver.fp;
import static org.revflow.testsupport.ReviewDriver.pr;
import static org.revflow.vocabulary.NoticeKind.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/**
 * The notices the rules give (docs/domain.md, docs/notices.md), written as the lines of {@link
 * ReviewDriver#notices}: "date KIND STEP STATE -> to cc cc1,cc2". Worked out from the rules with
 * calendar days (the test rulebook), never read back from what the code sends: a process test
 * compares the notice log with these.
 *
 * <p>A step done by an event recorded at 08:00 on day X has had its ladder up to X - 1: the notices
 * of a day go out at 09:00. The {@code through} date of a ladder is the last day whose notices
 * count.
 */
public final class ExpectedNotices {

  public static final String SECRETARIAT = "untoc.review@example.org";

  private ExpectedNotices() {}

  /** One notice to one addressee, with its copies in the order the rules list them. */
  public static String line(
      LocalDate on, NoticeKind kind, Step step, String state, String to, String... cc) {
    return on
        + " "
        + kind
        + " "
        + (step == null ? "-" : step)
        + " "
        + (state == null ? "-" : state)
        + " -> "
        + to
        + (cc.length == 0 ? "" : " cc " + String.join(",", cc));
  }

  /**
   * The launch: each State's permanent representative gets the launch notice listing its first
   * steps (no notice of their own for focal point, experts and questionnaire); the secretariat's
   * preliminary consultation opens.
   */
  public static List<String> launch(LocalDate t0, String... states) {
    List<String> out = new ArrayList<>();
    for (String s : states) {
      out.add(line(t0, REVIEW_LAUNCHED, null, s, pr(s), SECRETARIAT));
    }
    out.add(line(t0, STEP_OPENED, Step.PRELIMINARY_CONSULTATION, null, SECRETARIAT));
    return out;
  }

  /**
   * A notice to the acting focal point of every participating State, each copying the secretariat.
   */
  public static List<String> toEach(
      LocalDate on, NoticeKind kind, Step step, String state, String... acting) {
    return Arrays.stream(acting).map(a -> line(on, kind, step, state, a, SECRETARIAT)).toList();
  }

  /** A notice to each of {@code to}, without copies. */
  public static List<String> toEachNoCopy(
      LocalDate on, NoticeKind kind, Step step, String state, String... to) {
    return Arrays.stream(to).map(a -> line(on, kind, step, state, a)).toList();
  }

  /**
   * A focal point designated during the review: the welcome to the new focal point and, with the
   * network of focal points on, its introduction to the other States' acting focal points.
   */
  public static List<String> designated(
      LocalDate on, String state, String newFocalPoint, String... othersActing) {
    List<String> out = new ArrayList<>();
    out.add(line(on, FOCAL_POINT_DESIGNATED, Step.FOCAL_POINT, state, newFocalPoint, SECRETARIAT));
    out.addAll(toEachNoCopy(on, FOCAL_POINT_CHANGED, Step.FOCAL_POINT, state, othersActing));
    return out;
  }

  /**
   * Every focal point designated on launch day, one State after the other, then every State's
   * experts and the preliminary consultation: each new focal point is introduced to the others'
   * acting focal points of that moment (the focal point designated before it, else the permanent
   * representative as interim), and each step done is told to every focal point.
   */
  public static List<String> openingOnTime(LocalDate t0, String... states) {
    List<String> out = new ArrayList<>(launch(t0, states));
    out.addAll(designatedInTurn(t0, states));
    String[] all = fps(states);
    for (String s : states) {
      out.addAll(toEach(t0, STEP_DONE, Step.EXPERTS, s, all));
    }
    out.addAll(toEach(t0, STEP_DONE, Step.PRELIMINARY_CONSULTATION, null, all));
    return out;
  }

  /**
   * The focal points of {@code states} designated one after the other on one day, while each
   * State's permanent representative acted until then: each welcome, and each introduction to the
   * others (the ones designated before by now, the permanent representatives of the rest).
   */
  public static List<String> designatedInTurn(LocalDate on, String... states) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      List<String> others = new ArrayList<>();
      for (int j = 0; j < states.length; j++) {
        if (j != i) {
          others.add(j < i ? fp(states[j]) : pr(states[j]));
        }
      }
      out.addAll(designated(on, states[i], fp(states[i]), others.toArray(String[]::new)));
    }
    return out;
  }

  /** The designated focal points of {@code states}. */
  public static String[] fps(String... states) {
    return Arrays.stream(states).map(ReviewDriver::fp).toArray(String[]::new);
  }

  /** A step opened for a State: to its acting focal point and the experts given, no copies. */
  public static List<String> opened(
      LocalDate on, Step step, String state, String acting, String... experts) {
    List<String> out = new ArrayList<>();
    out.add(line(on, STEP_OPENED, step, state, acting));
    out.addAll(toEachNoCopy(on, STEP_OPENED, step, state, experts));
    return out;
  }

  /**
   * The dialogue opened: each participating State is told, under its own code, by its focal point.
   */
  public static List<String> dialogueOpened(LocalDate on, String... states) {
    return Arrays.stream(states).map(s -> line(on, STEP_OPENED, Step.DIALOGUE, s, fp(s))).toList();
  }

  /**
   * {@link ReviewDriver#reachDialogue}: the opening steps on time, the questionnaire cleared and
   * translated on T0 + 1 (translation and feedback open that day), the feedback cleared on T0 + 2,
   * which opens the dialogue. Every State has its focal point; nobody is late.
   */
  public static List<String> toDialogue(LocalDate t0, String underReview, String... reviewers) {
    String[] states = participating(underReview, reviewers);
    String[] all = fps(states);
    LocalDate s = t0.plusDays(1);
    LocalDate f = t0.plusDays(2);
    List<String> out = new ArrayList<>(openingOnTime(t0, states));
    out.addAll(toEach(s, STEP_DONE, Step.SAQ, underReview, all));
    out.add(line(s, STEP_OPENED, Step.TRANSLATION, null, SECRETARIAT));
    for (String r : reviewers) {
      out.addAll(opened(s, Step.FEEDBACK, r, fp(r)));
    }
    out.addAll(toEach(s, STEP_DONE, Step.TRANSLATION, null, all));
    for (String r : reviewers) {
      out.addAll(toEach(f, STEP_DONE, Step.FEEDBACK, r, all));
    }
    out.addAll(dialogueOpened(f, states));
    return out;
  }

  public static String[] participating(String underReview, String... reviewers) {
    String[] states = new String[reviewers.length + 1];
    states[0] = underReview;
    System.arraycopy(reviewers, 0, states, 1, reviewers.length);
    return states;
  }

  /**
   * The ladder of a State's step with deadline {@code due}, started on {@code start}, as far as
   * {@code through}: reminders on D - 30 and D - 7 (not before the step started) to whoever acts
   * (and the experts, for drafting steps), the overdue notice on D + 1 to the acting focal point
   * copying the permanent representative (unless it is the addressee) and the secretariat, and
   * escalations on D + 31, D + 61, ... to the permanent representative copying the secretariat.
   */
  public static List<String> ladder(
      Step step,
      String state,
      LocalDate start,
      LocalDate due,
      LocalDate through,
      String acting,
      String... experts) {
    List<String> out = new ArrayList<>();
    for (LocalDate r : List.of(due.minusDays(30), due.minusDays(7))) {
      if (!r.isBefore(start) && !r.isAfter(through)) {
        out.add(line(r, REMINDER, step, state, acting));
        out.addAll(toEachNoCopy(r, REMINDER, step, state, experts));
      }
    }
    LocalDate overdue = due.plusDays(1);
    if (!overdue.isAfter(through)) {
      out.add(
          acting.equals(pr(state))
              ? line(overdue, OVERDUE, step, state, acting, SECRETARIAT)
              : line(overdue, OVERDUE, step, state, acting, pr(state), SECRETARIAT));
    }
    for (LocalDate e = due.plusDays(31); !e.isAfter(through); e = e.plusDays(30)) {
      out.add(line(e, ESCALATION, step, state, pr(state), SECRETARIAT));
    }
    return out;
  }

  /**
   * The ladder of a step the secretariat acts on: every rung to the secretariat's address alone.
   */
  public static List<String> secretariatLadder(
      Step step, LocalDate start, LocalDate due, LocalDate through) {
    List<String> out = new ArrayList<>();
    for (LocalDate r : List.of(due.minusDays(30), due.minusDays(7))) {
      if (!r.isBefore(start) && !r.isAfter(through)) {
        out.add(line(r, REMINDER, step, null, SECRETARIAT));
      }
    }
    if (!due.plusDays(1).isAfter(through)) {
      out.add(line(due.plusDays(1), OVERDUE, step, null, SECRETARIAT));
    }
    for (LocalDate e = due.plusDays(31); !e.isAfter(through); e = e.plusDays(30)) {
      out.add(line(e, ESCALATION, step, null, SECRETARIAT));
    }
    return out;
  }

  /**
   * Paragraph 18 while a State has no focal point (designation due {@code due}): the reminder on
   * start + 7 to the permanent representative, who already acts; on D + 1 "interim in force" to it
   * and the information to the other States' acting focal points; "designation pending" on D + 31
   * and every 30 days.
   */
  public static List<String> focalPointLadder(
      String state, LocalDate start, LocalDate due, LocalDate through, String... othersActing) {
    List<String> out = new ArrayList<>();
    if (!start.plusDays(7).isAfter(through)) {
      out.add(
          line(
              start.plusDays(7),
              FOCAL_POINT_REMINDER,
              Step.FOCAL_POINT,
              state,
              pr(state),
              SECRETARIAT));
    }
    if (!due.plusDays(1).isAfter(through)) {
      out.addAll(interimInForce(due.plusDays(1), state, othersActing));
    }
    for (LocalDate p = due.plusDays(31); !p.isAfter(through); p = p.plusDays(30)) {
      out.add(line(p, DESIGNATION_PENDING, Step.FOCAL_POINT, state, pr(state), SECRETARIAT));
    }
    return out;
  }

  /**
   * "Interim focal point in force" to the permanent representative, the information to the others.
   */
  public static List<String> interimInForce(LocalDate on, String state, String... othersActing) {
    List<String> out = new ArrayList<>();
    out.add(
        line(on, INTERIM_FOCAL_POINT_IN_FORCE, Step.FOCAL_POINT, state, pr(state), SECRETARIAT));
    out.addAll(toEachNoCopy(on, INTERIM_FOCAL_POINT_INFO, Step.FOCAL_POINT, state, othersActing));
    return out;
  }

  /**
   * A focal point who left on {@code end} without a successor: that day the interim notices, then
   * "designation pending" on end + 30 and every 30 days, as far as {@code through}.
   */
  public static List<String> vacancy(
      String state, LocalDate end, LocalDate through, String... othersActing) {
    List<String> out = new ArrayList<>(interimInForce(end, state, othersActing));
    for (LocalDate p = end.plusDays(30); !p.isAfter(through); p = p.plusDays(30)) {
      out.add(line(p, DESIGNATION_PENDING, Step.FOCAL_POINT, state, pr(state), SECRETARIAT));
    }
    return out;
  }

  /** Concatenates blocks of expected lines. */
  @SafeVarargs
  public static List<String> all(List<String>... blocks) {
    List<String> out = new ArrayList<>();
    for (List<String> b : blocks) {
      out.addAll(b);
    }
    return out;
  }
}
