package org.revflow.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where the reviews stood on a date, as the recorded history tells it now (resolution 12/1, annex I
 * (o)): every review's stage with its open steps, and the counts the Conference's status documents
 * give.
 *
 * @param asOf the date of the report (Vienna)
 * @param reviews one row per review known now (planned ones included, cancelled plans not)
 * @param counts how many reviews are at each stage, by phase, group, stage and instrument
 */
public record StatusReport(LocalDate asOf, List<ReviewStatus> reviews, Counts counts) {

  /**
   * The stage of a review on the date: not started (planned, or launched later), the furthest open
   * step of the lifecycle, on hold, or completed.
   */
  public enum Stage {
    NOT_STARTED,
    FOCAL_POINT,
    EXPERTS,
    PRELIMINARY_CONSULTATION,
    SAQ,
    TRANSLATION,
    FEEDBACK,
    DIALOGUE,
    OBSERVATIONS,
    OBSERVATIONS_AGREEMENT,
    SUMMARY,
    SUMMARY_AGREEMENT,
    FINALISATION,
    ON_HOLD,
    COMPLETED
  }

  /**
   * @param group the group of States the review belongs to (1 to 3, the year its first phase
   *     began), null when the workplan gives none
   * @param instruments the instruments the review covers (it counts once under each)
   * @param launchDate T0, or the planned date of a review not launched on the date
   * @param maxDaysOverdue the largest days overdue among its open steps on the date (0 when none)
   */
  public record ReviewStatus(
      String id,
      String underReview,
      int phase,
      String cluster,
      Integer group,
      List<String> instruments,
      Stage stage,
      LocalDate launchDate,
      boolean onHold,
      List<OpenStep> openSteps,
      long maxDaysOverdue,
      List<FocalPoint> focalPoints) {}

  /** A step open on the date, with its deadline as it stood then. */
  public record OpenStep(String step, String state, LocalDate due, long daysOverdue) {}

  /** Who acted as focal point of a participating State on the date. */
  public record FocalPoint(String state, String name, boolean interim) {}

  /**
   * @param byPhaseAndStage per phase (1-4), reviews per stage
   * @param byGroup per group ("1", "2", "3", or "-"), reviews per stage
   * @param byStage reviews per stage, all phases
   * @param byInstrument per instrument, reviews per stage
   */
  public record Counts(
      Map<Integer, Map<Stage, Integer>> byPhaseAndStage,
      Map<String, Map<Stage, Integer>> byGroup,
      Map<Stage, Integer> byStage,
      Map<String, Map<Stage, Integer>> byInstrument,
      int total) {}
}
