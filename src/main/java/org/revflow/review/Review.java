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

  public enum Status { ACTIVE, ON_HOLD, COMPLETED }

  @Id
  private String id;

  @Column(name = "under_review", nullable = false, length = 3)
  private String underReview;

  @Column(nullable = false)
  private int phase;

  @Column(name = "launch_date", nullable = false)
  private LocalDate launchDate;

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

  @Version
  private long version;

  protected Review() {}

  public Review(String id, String underReview, int phase, LocalDate launchDate, String rulebookVersion,
      String previousReviewId, Instant createdAt, String createdBy) {
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

  public String getId() { return id; }
  public String getUnderReview() { return underReview; }
  public int getPhase() { return phase; }
  public LocalDate getLaunchDate() { return launchDate; }
  public String getRulebookVersion() { return rulebookVersion; }
  public Status getStatus() { return status; }
  public LocalDate getOnHoldSince() { return onHoldSince; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
  public String getPreviousReviewId() { return previousReviewId; }
  public Instant getCreatedAt() { return createdAt; }
  public String getCreatedBy() { return createdBy; }

  void attachProcessInstance(long key) { this.processInstanceKey = key; }

  void putOnHold(LocalDate since) {
    this.status = Status.ON_HOLD;
    this.onHoldSince = since;
  }

  void resume() {
    this.status = Status.ACTIVE;
    this.onHoldSince = null;
  }

  void complete() { this.status = Status.COMPLETED; }
}
