package org.revflow.rulebook;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.revflow.vocabulary.Step;

/**
 * One version of the rules a review runs by: deadlines, notice ladders and clusters. Built by
 * {@link RulebookValidator} from a file, which guarantees it is complete and consistent. A review
 * stores {@link #id()} at launch and keeps that rulebook for its whole life.
 *
 * @param name stable name, e.g. {@code default}
 * @param version dot-separated numbers, e.g. {@code 2026.1}; higher is newer
 * @param description free text for people
 * @param zone deadlines are calendar dates in this zone
 * @param noticeTime local time at which a day's notices go out
 * @param steps the deadline rule of every {@link Step}
 * @param ladder reminders, overdue notice and escalations of every step except the focal point
 * @param focalPointLadder the focal-point step's own ladder (interim focal point, para 18)
 * @param nextPhaseAfter the next phase of the same State starts this long after the launch
 * @param actionLinkValidity links in a step's notices stay valid this long after its deadline
 * @param activationLinkValidity a participant's account activation link stays valid this long
 * @param clusters the thematic cluster of each phase, phases 1 to 4 in order
 * @param calendar the working days on which ladder notices go out
 * @param focalPointNetwork a new focal point is introduced to the other States' focal points
 * @param reuseReviewersInNextPhase a State's next phase is planned with the same reviewing States
 */
public record Rulebook(
    String name,
    String version,
    String description,
    ZoneId zone,
    LocalTime noticeTime,
    Map<Step, StepRule> steps,
    Ladder ladder,
    FocalPointLadder focalPointLadder,
    Period nextPhaseAfter,
    Period actionLinkValidity,
    Period activationLinkValidity,
    List<Cluster> clusters,
    WorkingCalendar calendar,
    boolean focalPointNetwork,
    boolean reuseReviewersInNextPhase) {

  public Rulebook {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(noticeTime, "noticeTime");
    Objects.requireNonNull(ladder, "ladder");
    Objects.requireNonNull(focalPointLadder, "focalPointLadder");
    Objects.requireNonNull(nextPhaseAfter, "nextPhaseAfter");
    Objects.requireNonNull(actionLinkValidity, "actionLinkValidity");
    Objects.requireNonNull(activationLinkValidity, "activationLinkValidity");
    Objects.requireNonNull(calendar, "calendar");
    description = description == null ? "" : description;
    Map<Step, StepRule> copy = new EnumMap<>(Step.class);
    copy.putAll(steps);
    steps = Collections.unmodifiableMap(copy);
    clusters = List.copyOf(clusters);
  }

  /** What a review stores: {@code name@version}, e.g. {@code default@2026.1}. */
  public String id() {
    return name + "@" + version;
  }

  public StepRule step(Step step) {
    StepRule rule = steps.get(step);
    if (rule == null) {
      throw new IllegalArgumentException("rulebook " + id() + " has no rule for step " + step);
    }
    return rule;
  }

  /** The cluster reviewed in a phase (1 to 4). */
  public Cluster cluster(int phase) {
    return clusters.stream()
        .filter(c -> c.phase() == phase)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("rulebook " + id() + " has no phase " + phase));
  }

  /** The same rules with another holiday list (a simulation's calendar). */
  public Rulebook withHolidays(java.util.Set<java.time.LocalDate> holidays) {
    return new Rulebook(
        name,
        version,
        description,
        zone,
        noticeTime,
        steps,
        ladder,
        focalPointLadder,
        nextPhaseAfter,
        actionLinkValidity,
        activationLinkValidity,
        clusters,
        calendar.withHolidays(holidays),
        focalPointNetwork,
        reuseReviewersInNextPhase);
  }

  @Override
  public String toString() {
    return "Rulebook[" + id() + "]";
  }

  /** What a deadline counts from. */
  public enum CountFrom {
    /** T0, the launch date of the review. */
    LAUNCH,
    /** The day the step started (e.g. SAQ cleared for the feedback step). */
    STEP_START
  }

  /**
   * @param deadline how long after {@code from} the step is due
   * @param from what the deadline counts from
   * @param round for steps with rounds (dialogue, observations): the deadline of each round,
   *     counted from the clarification request or the changes request; null for the others. The
   *     dialogue's own {@code deadline} is the end of its window, which no State owes anything by
   */
  public record StepRule(Period deadline, CountFrom from, Period round) {
    public StepRule {
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(from, "from");
    }
  }

  /** A notice repeated every {@code every} days from {@code first} after the deadline. */
  public record Repeat(Period first, Period every) {
    public Repeat {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(every, "every");
    }
  }

  /**
   * @param reminders offsets before the deadline, earliest reminder first (D-30, then D-7)
   * @param overdue offset after the deadline of the overdue notice
   * @param escalation escalations after the deadline
   */
  public record Ladder(List<Period> reminders, Period overdue, Repeat escalation) {
    public Ladder {
      reminders = List.copyOf(reminders);
      Objects.requireNonNull(overdue, "overdue");
      Objects.requireNonNull(escalation, "escalation");
    }
  }

  /**
   * @param reminder offset after the step's start of the reminder to the Permanent Mission
   * @param interim offset after the deadline at which the permanent representative becomes interim
   *     focal point
   * @param designationPending "designation pending" notices after the deadline
   */
  public record FocalPointLadder(Period reminder, Period interim, Repeat designationPending) {
    public FocalPointLadder {
      Objects.requireNonNull(reminder, "reminder");
      Objects.requireNonNull(interim, "interim");
      Objects.requireNonNull(designationPending, "designationPending");
    }
  }

  /**
   * @param phase 1 to 4
   * @param name the cluster's name as the workplan gives it
   * @param articles the articles reviewed, as the workplan lists them (may be empty)
   */
  public record Cluster(int phase, String name, List<String> articles) {
    public Cluster {
      Objects.requireNonNull(name, "name");
      articles = articles == null ? List.of() : List.copyOf(articles);
    }
  }
}
