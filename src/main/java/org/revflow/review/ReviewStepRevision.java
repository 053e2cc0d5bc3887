package org.revflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A deadline a step took on a day (an extension, a resume): the report for a past date reads it
 * back.
 */
@Entity
@Table(name = "review_step_revision")
class ReviewStepRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "step_id", nullable = false)
  private long stepId;

  @Column(name = "changed_on", nullable = false)
  private LocalDate changedOn;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  protected ReviewStepRevision() {}

  ReviewStepRevision(long stepId, LocalDate changedOn, LocalDate dueOn) {
    this.stepId = stepId;
    this.changedOn = changedOn;
    this.dueOn = dueOn;
  }
}
