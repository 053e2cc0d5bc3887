package org.revflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One country review: a State under review in one phase. */
@Entity
@Table(name = "review")
public class Review {

  /**
   * PLANNED: in the workplan, launching itself on its date; WAITING_FOR_DRAW: its date came and its
   * reviewing States are not drawn yet; CANCELLED: a plan given up.
   */
  public enum Status {
    PLANNED,
    WAITING_FOR_DRAW,
    ACTIVE,
    ON_HOLD,
    COMPLETED,
    CANCELLED;

    /** Launched, whether running, on hold or done. */
    public boolean launched() {
      return this == ACTIVE || this == ON_HOLD || this == COMPLETED;
    }

    /** A plan still to launch. */
    public boolean planned() {
      return this == PLANNED || this == WAITING_FOR_DRAW;
    }
  }

  @Id private String id;

  @Column(name = "under_review", nullable = false, length = 3)
  private String underReview;

  @Column(nullable = false)
  private int phase;

  /** T0 once launched; the planned date until then. */
  @Column(name = "launch_date", nullable = false)
  private LocalDate launchDate;

  /**
   * The date the workplan (or the previous phase) planned the launch for; null for a review
   * launched unplanned.
   */
  @Column(name = "planned_on")
  private LocalDate plannedOn;

  /** The group of States (1 to 3) the workplan puts the State in. */
  @Column(name = "review_group")
  private Integer group;

  /** The "Planned review" instance that launches it on its date. */
  @Column(name = "plan_process_instance_key")
  private Long planProcessInstanceKey;

  @Column(name = "rulebook_version", nullable = false)
  private String rulebookVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "on_hold_since")
  private LocalDate onHoldSince;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "previous_review_id")
  private String previousReviewId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Version private long version;

  protected Review() {}

  public Review(
      String id,
      String underReview,
      int phase,
      LocalDate launchDate,
      String rulebookVersion,
      String previousReviewId,
      Instant createdAt,
      String createdBy) {
    this.id = id;
    this.underReview = underReview;
    this.phase = phase;
    this.launchDate = launchDate;
    this.rulebookVersion = rulebookVersion;
    this.previousReviewId = previousReviewId;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.status = Status.ACTIVE;
  }

  public String getId() {
    return id;
  }

  public String getUnderReview() {
    return underReview;
  }

  public int getPhase() {
    return phase;
  }

  public LocalDate getLaunchDate() {
    return launchDate;
  }

  public String getRulebookVersion() {
    return rulebookVersion;
  }

  public Status getStatus() {
    return status;
  }

  public LocalDate getOnHoldSince() {
    return onHoldSince;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getPreviousReviewId() {
    return previousReviewId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public LocalDate getPlannedOn() {
    return plannedOn;
  }

  public Integer getGroup() {
    return group;
  }

  /** A review the workplan (or the previous phase) plans for {@code plannedOn}. */
  static Review planned(
      String id,
      String underReview,
      int phase,
      LocalDate plannedOn,
      Integer group,
      String rulebookVersion,
      String previousReviewId,
      Instant createdAt,
      String createdBy) {
    Review r =
        new Review(
            id,
            underReview,
            phase,
            plannedOn,
            rulebookVersion,
            previousReviewId,
            createdAt,
            createdBy);
    r.plannedOn = plannedOn;
    r.group = group;
    r.status = Status.PLANNED;
    return r;
  }

  void moveTo(LocalDate date) {
    this.launchDate = date;
    this.plannedOn = date;
    this.status = Status.PLANNED;
  }

  void cancel() {
    this.status = Status.CANCELLED;
  }

  void waitForDraw() {
    this.status = Status.WAITING_FOR_DRAW;
  }

  /** The plan launches: T0 is today, under the rulebook in force today. */
  void launchedOn(LocalDate t0, String rulebookVersion) {
    this.launchDate = t0;
    this.rulebookVersion = rulebookVersion;
    this.status = Status.ACTIVE;
  }

  void attachPlanProcessInstance(long key) {
    if (this.planProcessInstanceKey == null) {
      this.planProcessInstanceKey = key;
    }
  }

  void attachProcessInstance(long key) {
    this.processInstanceKey = key;
  }

  void putOnHold(LocalDate since) {
    this.status = Status.ON_HOLD;
    this.onHoldSince = since;
  }

  void resume() {
    this.status = Status.ACTIVE;
    this.onHoldSince = null;
  }

  void complete() {
    this.status = Status.COMPLETED;
  }
}
