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
import org.revflow.vocabulary.Step;

/**
 * One occurrence of a step for one acting party (a State, or the secretariat when stateCode is
 * null), with its deadline and what the ladder planner needs. The process only carries its id.
 */
@Entity
@Table(name = "review_step")
public class ReviewStep {

  public enum Status {
    OPEN,
    DONE
  }

  /** What an occurrence of a step is. */
  public enum Occurrence {
    /** The step for its acting party, as the review's process opens it. */
    STEP,
    /** The dialogue's window: the reviewing States may ask; it owes nothing and has no ladder. */
    DIALOGUE_WINDOW,
    /**
     * One clarification request of the dialogue, which the reviewed State answers by its deadline.
     */
    CLARIFICATION_ROUND,
    /**
     * A focal point left without a successor: the permanent representative acts until a
     * designation.
     */
    FOCAL_POINT_VACANCY
  }

  /** Outcomes that end a step without the party having done it: nobody is told it is "done". */
  public static final java.util.Set<String> ENDED_WITHOUT_NOTICE =
      java.util.Set.of(
          "RELEASED", "REVIEW_COMPLETED", "DIALOGUE_CLOSED", "DESIGNATED_BEFORE_OPENING");

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
  private Occurrence occurrence = Occurrence.STEP;

  /** The reviewing State that asked, for a clarification round (null: the request named none). */
  @Column(name = "requested_by", length = 3)
  private String requestedBy;

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

  /** The element instance of the "Open step" job that opened it; null until a process has. */
  @Column(name = "opened_by_element")
  private Long openedByElement;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Version private long version;

  protected ReviewStep() {}

  public ReviewStep(
      String reviewId,
      Step step,
      String stateCode,
      int round,
      LocalDate startedOn,
      LocalDate dueOn,
      LocalDate floorExclusive,
      long openedByElement,
      long processInstanceKey) {
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

  /**
   * An occurrence an event opens (a clarification round, a vacancy, a joining State's step):
   * written with the event, then opened by the process instance the event starts.
   */
  static ReviewStep openedByEvent(
      String reviewId,
      Step step,
      String stateCode,
      int round,
      Occurrence occurrence,
      String requestedBy,
      LocalDate startedOn,
      LocalDate dueOn,
      LocalDate floorExclusive) {
    ReviewStep s = new ReviewStep();
    s.reviewId = reviewId;
    s.step = step;
    s.stateCode = stateCode;
    s.round = round;
    s.occurrence = occurrence;
    s.requestedBy = requestedBy;
    s.status = Status.OPEN;
    s.startedOn = startedOn;
    s.dueOn = dueOn;
    s.originalDueOn = dueOn;
    s.floorExclusive = floorExclusive;
    return s;
  }

  /** The dialogue's window, opened by the review's process. */
  static ReviewStep dialogueWindow(
      String reviewId,
      LocalDate startedOn,
      LocalDate endsOn,
      long openedByElement,
      long processInstanceKey) {
    ReviewStep s =
        new ReviewStep(
            reviewId,
            Step.DIALOGUE,
            null,
            1,
            startedOn,
            endsOn,
            null,
            openedByElement,
            processInstanceKey);
    s.occurrence = Occurrence.DIALOGUE_WINDOW;
    return s;
  }

  public Long getId() {
    return id;
  }

  public String getReviewId() {
    return reviewId;
  }

  public Step getStep() {
    return step;
  }

  public String getStateCode() {
    return stateCode;
  }

  public int getRound() {
    return round;
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  public LocalDate getStartedOn() {
    return startedOn;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public LocalDate getOriginalDueOn() {
    return originalDueOn;
  }

  public int getDeadlineRevision() {
    return deadlineRevision;
  }

  public LocalDate getFloorExclusive() {
    return floorExclusive;
  }

  public boolean isPaused() {
    return paused;
  }

  public LocalDate getDoneOn() {
    return doneOn;
  }

  public String getOutcome() {
    return outcome;
  }

  public Long getOpenedByElement() {
    return openedByElement;
  }

  public Occurrence getOccurrence() {
    return occurrence;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public boolean isWindow() {
    return occurrence == Occurrence.DIALOGUE_WINDOW;
  }

  public boolean isRound() {
    return occurrence == Occurrence.CLARIFICATION_ROUND;
  }

  public boolean isVacancy() {
    return occurrence == Occurrence.FOCAL_POINT_VACANCY;
  }

  /**
   * Attaches the process instance that opened an occurrence an event wrote; false when one already
   * has.
   */
  boolean openedBy(long elementInstanceKey, long processInstanceKey) {
    if (this.openedByElement != null) {
      return false;
    }
    this.openedByElement = elementInstanceKey;
    this.processInstanceKey = processInstanceKey;
    return true;
  }

  /** Deadlines this step took after opening, kept for the report of a past date. */
  @jakarta.persistence.OneToMany(cascade = jakarta.persistence.CascadeType.PERSIST)
  @jakarta.persistence.JoinColumn(name = "step_id", insertable = false, updatable = false)
  private java.util.List<ReviewStepRevision> revisions = new java.util.ArrayList<>();

  /**
   * A new deadline: the ladder is re-planned from it, skipping rungs dated on or before {@code
   * asOf}.
   */
  void moveDeadline(LocalDate newDue, LocalDate asOf) {
    revisions.add(new ReviewStepRevision(id, asOf, newDue));
    this.dueOn = newDue;
    this.floorExclusive = asOf;
    this.deadlineRevision++;
    this.paused = false;
  }

  void pause() {
    this.paused = true;
  }

  void handOverTo(String newState) {
    this.stateCode = newState;
  }

  /**
   * A clarification round asked by a reviewing State that was replaced: the State that took its
   * place asks it now.
   */
  void requestHandedOverTo(String newState) {
    this.requestedBy = newState;
  }

  void markDone(LocalDate on, String outcome) {
    this.status = Status.DONE;
    this.doneOn = on;
    this.outcome = outcome;
  }
}
