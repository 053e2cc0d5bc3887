package org.revflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * One occurrence of a step for one acting party (a State, or the secretariat when stateCode is
 * null), with its deadline and what the ladder planner needs. The process only carries its id.
 */
@Entity
@Table(name = "review_step")
public class ReviewStep {

  public enum Status { OPEN, DONE }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "review_id", nullable = false)
  private String reviewId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Step step;

  @Column(name = "state_code", length = 3)
  private String stateCode;

  @Column(name = "round_no", nullable = false)
  private int round;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "started_on", nullable = false)
  private LocalDate startedOn;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Column(name = "original_due_on", nullable = false)
  private LocalDate originalDueOn;

  @Column(name = "deadline_revision", nullable = false)
  private int deadlineRevision;

  @Column(name = "floor_exclusive")
  private LocalDate floorExclusive;

  @Column(nullable = false)
  private boolean paused;

  @Column(name = "done_on")
  private LocalDate doneOn;

  private String outcome;

  @Column(name = "opened_by_element", nullable = false)
  private long openedByElement;

  @Column(name = "process_instance_key", nullable = false)
  private long processInstanceKey;

  @Version
  private long version;

  protected ReviewStep() {}

  public ReviewStep(String reviewId, Step step, String stateCode, int round, LocalDate startedOn, LocalDate dueOn,
      LocalDate floorExclusive, long openedByElement, long processInstanceKey) {
    this.reviewId = reviewId;
    this.step = step;
    this.stateCode = stateCode;
    this.round = round;
    this.status = Status.OPEN;
    this.startedOn = startedOn;
    this.dueOn = dueOn;
    this.originalDueOn = dueOn;
    this.floorExclusive = floorExclusive;
    this.openedByElement = openedByElement;
    this.processInstanceKey = processInstanceKey;
  }

  public Long getId() { return id; }
  public String getReviewId() { return reviewId; }
  public Step getStep() { return step; }
  public String getStateCode() { return stateCode; }
  public int getRound() { return round; }
  public Status getStatus() { return status; }
  public boolean isOpen() { return status == Status.OPEN; }
  public LocalDate getStartedOn() { return startedOn; }
  public LocalDate getDueOn() { return dueOn; }
  public LocalDate getOriginalDueOn() { return originalDueOn; }
  public int getDeadlineRevision() { return deadlineRevision; }
  public LocalDate getFloorExclusive() { return floorExclusive; }
  public boolean isPaused() { return paused; }
  public LocalDate getDoneOn() { return doneOn; }
  public String getOutcome() { return outcome; }
  public long getProcessInstanceKey() { return processInstanceKey; }

  /** A new deadline: the ladder is re-planned from it, skipping rungs dated on or before {@code asOf}. */
  void moveDeadline(LocalDate newDue, LocalDate asOf) {
    this.dueOn = newDue;
    this.floorExclusive = asOf;
    this.deadlineRevision++;
    this.paused = false;
  }

  void pause() { this.paused = true; }

  void handOverTo(String newState) { this.stateCode = newState; }

  void markDone(LocalDate on, String outcome) {
    this.status = Status.DONE;
    this.doneOn = on;
    this.outcome = outcome;
  }
}
