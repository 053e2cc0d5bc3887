package org.revflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A State taking part in a review: the reviewed State, or a reviewing State for one instrument. */
@Entity
@Table(name = "review_participant")
public class ReviewParticipant {

  public enum Role {
    UNDER_REVIEW,
    REVIEWER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "review_id", nullable = false)
  private String reviewId;

  @Column(name = "state_code", nullable = false, length = 3)
  private String stateCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  private String instrument;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "joined_on", nullable = false)
  private LocalDate joinedOn;

  @Column(name = "left_on")
  private LocalDate leftOn;

  @Column(name = "left_reason")
  private String leftReason;

  protected ReviewParticipant() {}

  public ReviewParticipant(
      String reviewId, String stateCode, Role role, String instrument, LocalDate joinedOn) {
    this.reviewId = reviewId;
    this.stateCode = stateCode;
    this.role = role;
    this.instrument = instrument;
    this.joinedOn = joinedOn;
  }

  public String getReviewId() {
    return reviewId;
  }

  public String getStateCode() {
    return stateCode;
  }

  public Role getRole() {
    return role;
  }

  public String getInstrument() {
    return instrument;
  }

  public boolean isActive() {
    return active;
  }

  public LocalDate getJoinedOn() {
    return joinedOn;
  }

  public LocalDate getLeftOn() {
    return leftOn;
  }

  public String getLeftReason() {
    return leftReason;
  }

  /** A planned review's participants join on the day it launches. */
  void joinOn(LocalDate day) {
    this.joinedOn = day;
  }

  void leave(LocalDate on, String reason) {
    this.active = false;
    this.leftOn = on;
    this.leftReason = reason;
  }
}
